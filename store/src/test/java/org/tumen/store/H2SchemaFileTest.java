package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The statements built into the jar are what a fresh migration gives now (a stale file, made before
 * a migration was added or changed, fails here), and the guard uses them only for the settings and
 * locations they were made with.
 */
class H2SchemaFileTest {

  @Test
  void theBuiltFileHoldsWhatAFreshMigrationGives() {
    Set<String> built =
        H2SchemaFile.read(Workspace.MIGRATIONS, Workspace.H2_SETTINGS)
            .orElseThrow(
                () -> new AssertionError("no " + H2SchemaFile.RESOURCE + " on the class path"));
    assertThat(built)
        .isEqualTo(H2SchemaGuard.migrateFresh(Workspace.MIGRATIONS, Workspace.H2_SETTINGS, false));
  }

  @Test
  void otherSettingsOrLocationsAreNotServedByTheFile() {
    assertThat(H2SchemaFile.read(Workspace.MIGRATIONS, ";WRITE_DELAY=0")).isEmpty();
    assertThat(H2SchemaFile.read(new String[] {"classpath:db/tumen"}, Workspace.H2_SETTINGS))
        .isEmpty();
  }

  @Test
  void statementsWithLineBreaksAndBackslashesComeBackAsWritten() {
    String[] where = {"classpath:x"};
    Set<String> statements =
        Set.of(
            "CREATE TABLE \"T\"(\n  \"A\" INT)",
            "COMMENT ON TABLE \"T\" IS 'a\\\\nb\\r'",
            "SET X 1");
    List<String> lines = H2SchemaFile.lines(where, ";S=1", statements);
    assertThat(lines).hasSize(4).allMatch(l -> !l.contains("\n"));
    assertThat(H2SchemaFile.parse(lines, H2SchemaFile.header(where, ";S=1"))).contains(statements);
    assertThat(H2SchemaFile.parse(lines, H2SchemaFile.header(where, ";S=2"))).isEmpty();
  }
}
