package org.tumen.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The rows Flyway's history table holds once every migration of this build has run, written into
 * the jar when the store is built ({@code process-classes}, store/pom.xml, as {@link
 * H2SchemaFile}), so that opening a workspace whose schema is already up to date need not start
 * Flyway: loading it and its dependencies, scanning the class path and validating took about a
 * tenth of a cold {@code tumen count} (docs/benchmarks.md, "cold13").
 *
 * <p>Safe because the comparison is Flyway's own: a workspace whose history holds exactly these
 * rows (each migration's version, description, type, script and checksum, in order, all successful)
 * is one Flyway would validate and find nothing to do in, since the checksums here are those Flyway
 * computes from the same scripts, in the same jar. Anything else, an older schema, a newer one, a
 * changed script, a failed migration, no history at all, goes to Flyway as before, which migrates
 * or refuses. The file is trusted for the reason {@link H2SchemaFile} gives: it is inside the jar,
 * never in the workspace.
 */
final class MigrationHistory {

  /** Where the file is, on the class path. */
  static final String RESOURCE = "/org/tumen/store/migration-history.txt";

  /** Flyway's history table (its default name, which Tumen keeps). */
  private static final String TABLE = "\"flyway_schema_history\"";

  /**
   * The columns compared, in the order of each line; the rest (who, when, how long) differ between
   * workspaces.
   */
  private static final String COLUMNS =
      "\"version\", \"description\", \"type\", \"script\", \"checksum\", \"success\"";

  /**
   * Markers, not migrations: Flyway records them when it creates the table (from some version on)
   * or the schema that keeps it (PostgreSQL), and ignores them when it validates.
   */
  private static final java.util.Set<String> MARKERS = java.util.Set.of("TABLE", "SCHEMA");

  private MigrationHistory() {}

  /** Writes the file: {@code args[0]} is its path. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    List<String> lines = new ArrayList<>();
    lines.add(header(Workspace.MIGRATIONS));
    lines.addAll(fresh(Workspace.MIGRATIONS));
    Files.write(out, lines);
  }

  /** What the rows depend on besides the scripts: where Flyway looks for them. */
  static String header(String[] locations) {
    return "# flyway history locations " + String.join(",", locations);
  }

  /** The history a fresh in-memory database records after every migration at {@code locations}. */
  static List<String> fresh(String[] locations) {
    JdbcDataSource ds = new JdbcDataSource();
    // kept open by the connection below until the rows are read, then gone
    ds.setURL("jdbc:h2:mem:tumen-history-" + UUID.randomUUID() + Workspace.H2_SETTINGS);
    try (Connection c = ds.getConnection()) {
      Flyway.configure()
          .dataSource(ds)
          .locations(locations)
          .failOnMissingLocations(false)
          .loggers("slf4j")
          .load()
          .migrate();
      return rows(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the migrations' history: " + e, e);
    }
  }

  /** This build's rows, if the file in the jar was made for these locations. */
  static Optional<List<String>> built(String[] locations) {
    try (InputStream in = MigrationHistory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      if (lines.isEmpty() || !lines.get(0).equals(header(locations))) {
        return Optional.empty();
      }
      return Optional.of(lines.subList(1, lines.size()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the database's history is exactly this build's, so that Flyway would find nothing to
   * do; false whenever in doubt (no file in the jar, no history table, any difference).
   */
  static boolean upToDate(Connection c, String[] locations) {
    Optional<List<String>> built = built(locations);
    if (built.isEmpty() || built.get().isEmpty()) {
      return false;
    }
    try {
      return rows(c).equals(built.get());
    } catch (SQLException e) {
      return false; // no history table yet, or one Tumen did not make: Flyway decides
    }
  }

  /** The table's rows, one line each in the order Flyway installed them, markers left out. */
  static List<String> rows(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (MARKERS.contains(rs.getString(3))) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
          String v = rs.getString(i);
          // one line per row whatever a cell holds: a description is free text
          cells.add(v == null ? "\\0" : escape(v));
        }
        // as a boolean: H2 spells it TRUE, PostgreSQL t
        cells.add(Boolean.toString(rs.getBoolean(6)));
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("|", "\\p").replace("\n", "\\n").replace("\r", "\\r");
  }
}
