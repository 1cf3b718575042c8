package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a workspace skips Flyway only when its history is exactly this build's; any other schema
 * still goes through Flyway, which migrates it or refuses it ({@link WorkspaceSchemaTest}).
 */
class MigrationHistoryTest {

  @TempDir Path dir;

  @Test
  void theBuiltFileHoldsWhatAFreshMigrationRecords() {
    List<String> built =
        MigrationHistory.built(Workspace.MIGRATIONS)
            .orElseThrow(
                () -> new AssertionError("no " + MigrationHistory.RESOURCE + " on the class path"));
    assertThat(built).isNotEmpty().isEqualTo(MigrationHistory.fresh(Workspace.MIGRATIONS));
    assertThat(MigrationHistory.built(new String[] {"classpath:db/tumen"})).isEmpty();
  }

  @Test
  void aWorkspaceJustMadeIsUpToDate() throws Exception {
    try (Workspace w = Workspace.open(dir.resolve("ws"), Optional.empty());
        Connection c = w.dataSource().getConnection()) {
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isTrue();
    }
  }

  @Test
  void aWorkspaceAtAnEarlierVersionIsStillMigrated() throws Exception {
    Path ws = dir.resolve("old");
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + ws.resolve(Workspace.H2_NAME) + Workspace.H2_SETTINGS);
    Flyway.configure()
        .dataSource(ds)
        .locations(Workspace.MIGRATIONS)
        .failOnMissingLocations(false)
        .target("4.900")
        .load()
        .migrate();
    try (Connection c = ds.getConnection()) {
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
    }
    try (Workspace w = Workspace.open(ws, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM doc_count_segment")) {
      assertThat(rs.next()).isTrue(); // V5_000's table is there
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isTrue();
    }
  }

  @Test
  void aNewerOrChangedHistoryIsNotUpToDate() throws Exception {
    try (Workspace w = Workspace.open(dir.resolve("ws"), Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // a migration of a later build
      s.executeUpdate(
          "INSERT INTO \"flyway_schema_history\" SELECT \"installed_rank\" + 100, '99.0',"
              + " 'later', 'SQL', 'V99_0__later.sql', 1, \"installed_by\", \"installed_on\","
              + " \"execution_time\", TRUE FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
      s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99.0'");
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isTrue();
      // a migration that failed
      s.executeUpdate(
          "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5.000'");
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
      s.executeUpdate(
          "UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '5.000'");
      // a script changed since
      s.executeUpdate(
          "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '5.000'");
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
    }
  }

  @Test
  void noHistoryTableIsNotUpToDate() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:no-history");
    try (Connection c = ds.getConnection()) {
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
    }
  }

  @Test
  void aWorkspaceOpenedToReadDoesNotCompactAndKeepsNoSettingInTheFile() throws Exception {
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      assertThat(maxCompactTime(w)).isNotEqualTo("0");
    }
    try (Workspace w = Workspace.openToRead(ws, Optional.empty())) {
      assertThat(maxCompactTime(w)).isEqualTo("0");
    }
    // the schema guard still finds only what the migrations make, and the next open compacts
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      assertThat(maxCompactTime(w)).isNotEqualTo("0");
    }
  }

  private static String maxCompactTime(Workspace w) throws Exception {
    try (Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
      assertThat(rs.next()).as("H2 lists MAX_COMPACT_TIME").isTrue();
      return rs.getString(1);
    }
  }
}
