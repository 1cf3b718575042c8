package org.tumen.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.store.fs.FileUtils;
import org.h2.value.Value;
import org.tumen.model.BadInputException;

/**
 * Refuses an embedded database whose schema is not one the migrations make, <em>before</em> H2
 * opens it (issue 12, finding 3).
 *
 * <p>Why before: H2 keeps its schema as SQL statements (the meta table, map {@code table.0} of the
 * file) and runs them when it opens the database. A {@code CREATE TRIGGER ... AS 'source'} or
 * {@code CREATE ALIAS ... AS 'source'} is compiled and its code run right then, inside Tumen's
 * process, before any query could look at {@code INFORMATION_SCHEMA}; whoever could write the
 * workspace folder once would run code in the next unlocked session. So the guard reads the meta
 * table with H2's storage layer only (an {@link MVStore} opened read-only, as H2's own {@code
 * Recover} tool does; no SQL is run, nothing is compiled) and compares each statement with the
 * statements that a fresh database gets from the same Flyway migrations, after each migration in
 * turn (so a workspace made by an earlier version, not yet migrated, passes too). Anything else, a
 * trigger, alias, view, domain, user, setting, constraint or column that the migrations do not
 * make, is refused with one line. Names H2 generates ({@code CONSTRAINT_9A}), a sequence's current
 * value and the statistics H2 keeps per column are the only parts ignored.
 */
final class H2SchemaGuard {

  private static final String META_MAP = "table.0";
  private static final int SQL_COLUMN = 3;
  // CONSTRAINT_1C5_INDEX_7: H2's name for a unique constraint's index after it rebuilt the table
  // (an ADD COLUMN, V4_900); its number differed between a fresh database and a reopened one.
  private static final Pattern GENERATED_NAME =
      Pattern.compile("\"(PRIMARY_KEY|CONSTRAINT_INDEX|CONSTRAINT)_[0-9A-F]+(_INDEX_[0-9]+)?\"");
  private static final Pattern RESTART = Pattern.compile(" RESTART WITH -?[0-9]+");
  private static final Pattern SELECTIVITY = Pattern.compile(" SELECTIVITY [0-9]+");
  private static final Pattern BUILD = Pattern.compile("^SET CREATE_BUILD [0-9]+$");

  private static volatile Set<String> latest;
  private static volatile Set<String> expected;

  private H2SchemaGuard() {}

  /**
   * Checks the database file {@code mvFile} (if it exists) against the migrations.
   *
   * @param urlSettings the settings the workspace's URL gives H2 (they are kept in the meta table)
   * @throws BadInputException naming the first statement the migrations do not make
   */
  static void check(Path mvFile, Path folder, String[] locations, String urlSettings) {
    // An empty file is what Workspace.open creates (owner-only) just before H2 starts a new store.
    if (!Files.exists(mvFile) || sizeOf(mvFile) == 0) {
      return;
    }
    List<String> found = meta(mvFile.toString(), folder);
    // Usually the workspace is at the latest version: one migration of a fresh database to it.
    // Only a workspace not yet migrated needs the statements of every earlier version too.
    Set<String> allowed = latest(locations, urlSettings);
    if (!found.stream().map(H2SchemaGuard::normalise).allMatch(allowed::contains)) {
      allowed = expected(locations, urlSettings);
    }
    for (String sql : found) {
      if (!allowed.contains(normalise(sql))) {
        throw new BadInputException(
            folder.toString(),
            "the workspace database holds schema that Tumen's migrations do not make, so it was"
                + " changed outside Tumen and is not opened: "
                + describe(sql));
      }
    }
  }

  /** The meta table's statements, read without running them; refuses in-doubt transactions. */
  private static List<String> meta(String file, Path folder) {
    MVStore mv;
    try {
      mv = new MVStore.Builder().fileName(file).readOnly().open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new BadInputException(
            folder.toString(),
            "the workspace is in use by another Tumen process; close it and try again");
      }
      throw new BadInputException(
          folder.toString(), "the workspace database cannot be read: " + e.getMessage());
    }
    try {
      TransactionStore ts = new TransactionStore(mv, new ValueDataType());
      ts.init();
      for (Transaction t : ts.getOpenTransactions()) {
        if (t.getStatus() == Transaction.STATUS_PREPARED) {
          throw new BadInputException(
              folder.toString(),
              "the workspace database holds a prepared (two-phase) transaction, which Tumen never"
                  + " makes: it was changed outside Tumen and is not opened");
        }
      }
      List<String> out = new ArrayList<>();
      if (!mv.hasMap(META_MAP)) {
        return out;
      }
      TransactionMap<Object, Object> map = ts.begin().openMap(META_MAP);
      for (var it = map.keyIterator(null); it.hasNext(); ) {
        Object row = map.get(it.next());
        Value[] values = ((Row) row).getValueList();
        out.add(values[SQL_COLUMN].getString());
      }
      return out;
    } catch (MVStoreException | IllegalStateException | ClassCastException e) {
      throw new BadInputException(
          folder.toString(), "the workspace database cannot be read: " + e.getMessage());
    } finally {
      mv.closeImmediately();
    }
  }

  /** Every statement a fresh database holds after all the migrations. */
  private static Set<String> latest(String[] locations, String urlSettings) {
    Set<String> e = latest;
    if (e != null) {
      return e;
    }
    synchronized (H2SchemaGuard.class) {
      if (latest == null) {
        // made when the jar was built, from the same migrations (H2SchemaFile), else made now
        latest =
            H2SchemaFile.read(locations, urlSettings)
                .orElseGet(() -> Set.copyOf(migrateFresh(locations, urlSettings, false)));
      }
      return latest;
    }
  }

  /** Every statement a fresh database holds after any prefix of the migrations. */
  private static Set<String> expected(String[] locations, String urlSettings) {
    Set<String> e = expected;
    if (e != null) {
      return e;
    }
    synchronized (H2SchemaGuard.class) {
      if (expected == null) {
        expected = Set.copyOf(migrateFresh(locations, urlSettings, true));
      }
      return expected;
    }
  }

  static Set<String> migrateFresh(String[] locations, String urlSettings, boolean everyVersion) {
    // An in-memory file system: the same file layout as on disk, nothing written to disk.
    String dir = "memFS:/tumen-schema-" + UUID.randomUUID();
    String base = dir + "/tumen";
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:" + base + urlSettings);
    Set<String> out = new HashSet<>();
    try {
      List<String> versions = new ArrayList<>();
      if (everyVersion) {
        Flyway probe =
            Flyway.configure()
                .dataSource(ds)
                .locations(locations)
                .failOnMissingLocations(false)
                .loggers("slf4j")
                .load();
        for (MigrationInfo m : probe.info().all()) {
          if (m.getVersion() != null) {
            versions.add(m.getVersion().getVersion());
          }
        }
      } else {
        versions.add("latest");
      }
      // The empty database a first open makes, then each migration in turn.
      try (Connection c = ds.getConnection()) {
        c.isValid(1);
      }
      addMeta(base, out);
      for (String v : versions) {
        Flyway.configure()
            .dataSource(ds)
            .locations(locations)
            .failOnMissingLocations(false)
            .loggers("slf4j")
            .target(v)
            .load()
            .migrate();
        addMeta(base, out);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the expected workspace schema: " + e, e);
    } finally {
      FileUtils.deleteRecursive(dir, false);
    }
  }

  private static void addMeta(String base, Set<String> out) {
    for (String sql : meta(base + ".mv.db", Path.of("."))) {
      out.add(normalise(sql));
    }
  }

  static String normalise(String sql) {
    String s = GENERATED_NAME.matcher(sql).replaceAll("\"GENERATED\"");
    s = RESTART.matcher(s).replaceAll("");
    s = SELECTIVITY.matcher(s).replaceAll("");
    return BUILD.matcher(s).matches() ? "SET CREATE_BUILD" : s;
  }

  /** The statement's kind and object, short and on one line, for the message. */
  private static String describe(String sql) {
    String one = sql.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
    return one.length() <= 120 ? one : one.substring(0, 117) + "...";
  }

  /** For tests: the statements allowed, sorted. */
  static Set<String> allowedForTests(String[] locations, String urlSettings) {
    return new TreeSet<>(expected(locations, urlSettings));
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new BadInputException(file.toString(), "cannot read the workspace database: " + e);
    }
  }
}
