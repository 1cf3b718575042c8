package org.tumen.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.tumen.model.BadInputException;
import org.tumen.store.clusters.ClusterRepository;
import org.tumen.store.documentation.DocumentationRepository;
import org.tumen.store.estimates.EstimateRepository;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.IdentityReads;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.imports.ImportRecorder;
import org.tumen.store.imports.ListImporter;
import org.tumen.store.records.RecordRepository;

/**
 * A workspace: a folder holding an embedded H2 database, or a folder plus a PostgreSQL database,
 * with the schema migrated by Flyway. The way into everything the store keeps.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(dir, Optional.empty())) {
 *   ImportSummary s = ws.importer().importList("church-a", csv, null, Map.of(), Progress.NONE);
 *   ws.records().forEachRecord("church-a", r -> ...);
 * }
 * }</pre>
 *
 * <p>A workspace opens with no codec chosen: it reads a workspace without keys (or one that holds
 * plaintext identities) but writes no identity until {@link #useCodec} chooses a codec, which the
 * protection package does when it unlocks the keys. Plaintext is only ever written when the caller
 * chooses the {@link PlaintextCodec} explicitly (synthetic test data).
 */
public final class Workspace implements AutoCloseable {

  /** The embedded database's base name inside the workspace folder. */
  static final String H2_NAME = "tumen";

  /** Flyway locations: the store's SQL, then migrations that the protection package may add. */
  static final String[] MIGRATIONS = {
    "classpath:db/tumen", "classpath:org/tumen/store/protect/migration"
  };

  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /** The embedded database's URL settings (H2 keeps them in the schema it stores). */
  static final String H2_SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

  /** Idle connections kept for reuse (see {@link ConnectionCache}). */
  private static final int IDLE_CONNECTIONS = 16;

  private final Path directory;
  private final Database database;
  private final Connection keepAlive;
  private final ConnectionCache connections;

  private Workspace(Path directory, Database migrated, Connection keepAlive) {
    this.directory = directory;
    // The migration ran on connections of its own, all closed by now (see openH2); from here on
    // the repositories' connections are kept for reuse.
    this.connections = new ConnectionCache(migrated.dataSource(), IDLE_CONNECTIONS);
    this.database = migrated.withDataSource(connections);
    this.keepAlive = keepAlive;
  }

  static {
    // H2 hashes every value it makes into a cache so that equal values share one object; an import
    // makes a million distinct values, and the hashing cost it 5-10% (docs/benchmarks.md). Set
    // before
    // H2's settings class loads; a value given on the command line wins.
    if (System.getProperty("h2.objectCache") == null) {
      System.setProperty("h2.objectCache", "false");
    }
  }

  /**
   * Opens (creating if needed) the workspace in {@code dir} and migrates its schema.
   *
   * @param dir the workspace folder; created with its parents if missing
   * @param jdbcUrl a {@code jdbc:postgresql://} URL to keep the data in PostgreSQL instead of the
   *     embedded database; empty for the embedded database
   * @throws BadInputException if the folder cannot be created, the database cannot be reached, or
   *     the embedded database is open in another process
   */
  /** Whether {@code dir} holds an embedded workspace's database. */
  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.toAbsolutePath().normalize().resolve(H2_NAME + ".mv.db"));
  }

  public static Workspace open(Path dir, Optional<String> jdbcUrl) {
    return open(dir, jdbcUrl, true);
  }

  /**
   * Opens the workspace in {@code dir} as {@link #open} does, for a command that reads (and at most
   * stores what it derived, as {@code tumen count} its counting segment): the embedded database
   * does not compact its file when it closes. H2 otherwise spends up to its compaction time (200 ms
   * of CPU, and the file's writes and syncs: 0.4 s of CPU and 1.7 s of wall in a cold {@code tumen
   * count} of a million acts, docs/benchmarks.md "cold13") moving live pages out of sparse chunks
   * that earlier writers left, housekeeping that the next command that writes does anyway.
   */
  public static Workspace openToRead(Path dir, Optional<String> jdbcUrl) {
    return open(dir, jdbcUrl, false);
  }

  private static Workspace open(Path dir, Optional<String> jdbcUrl, boolean compactAtClose) {
    Path folder = dir.toAbsolutePath().normalize();
    try {
      PrivateFiles.createDirectories(folder);
    } catch (IOException e) {
      throw new BadInputException(folder.toString(), "cannot create the workspace folder: " + e);
    }
    if (!Files.isReadable(folder) || !Files.isWritable(folder) || !Files.isExecutable(folder)) {
      throw new BadInputException(
          folder.toString(),
          "cannot read and write the workspace folder: check its permissions (the account running"
              + " Tumen needs to read, write and enter it)");
    }
    if (jdbcUrl.isPresent()) {
      return openPostgres(folder, jdbcUrl.get());
    }
    return openH2(folder, compactAtClose);
  }

  /**
   * H2's time to compact the file as the database closes (a setting of the process's open, not kept
   * in the file): none.
   */
  static final String H2_NO_COMPACTION = ";MAX_COMPACT_TIME=0";

  private static Workspace openH2(Path folder, boolean compactAtClose) {
    // Before H2 runs a single statement of the file: H2 compiles and runs the code of triggers and
    // aliases it finds in the schema as it opens (issue 12, finding 3).
    H2SchemaGuard.check(folder.resolve(H2_NAME + ".mv.db"), folder, MIGRATIONS, H2_SETTINGS);
    JdbcDataSource ds = new JdbcDataSource();
    // H2's default page cache: with 256 MiB a million-row import took twice as long
    // (docs/benchmarks.md).
    // No tumen.trace.db: H2 would create it with the umask's mode (readable by others), and its
    // errors reach Tumen as exceptions anyway.
    ds.setURL(
        "jdbc:h2:file:"
            + folder.resolve(H2_NAME)
            + H2_SETTINGS
            + (compactAtClose ? "" : H2_NO_COMPACTION));
    Path file = folder.resolve(H2_NAME + ".mv.db");
    try {
      // Created empty here, owner-only, so that H2 (which takes the umask's mode) never makes it
      // readable by others; H2 starts a new store in an empty file.
      if (!Files.exists(file)) {
        Files.createFile(file, PrivateFiles.fileAttributes());
      }
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot create the workspace database: " + e);
    }
    // The probe stays open until the workspace holds its own connection: H2 closes a database with
    // its last session, and compacts the file as it closes (up to its compaction time each time, a
    // fifth of a cold `tumen count`'s main thread on a large workspace when the probe and the
    // migration each closed it; docs/benchmarks.md, "countweb13").
    Connection probe;
    try {
      probe = ds.getConnection();
      probe.isValid(1);
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        throw new BadInputException(
            folder.toString(),
            "the workspace is in use by another Tumen process; close it and try again");
      }
      throw new IllegalStateException(
          "cannot open the workspace database in " + folder + ": " + e.getMessage(), e);
    }
    try {
      Database db = new Database(ds, Dialect.H2, folder.toString());
      int migrations;
      try {
        migrations = migrate(db);
      } catch (IllegalStateException e) {
        // Another process opened the database between the probe and the migration.
        if (inUse(e)) {
          throw new BadInputException(
              folder.toString(),
              "the workspace is in use by another Tumen process; close it and try again");
        }
        throw e;
      }
      if (migrations > 0) {
        // After a migration the database must close once, so that H2 reloads the schema in its
        // own session: H2 2.4 binds a CHECK's value list to the session that created it and
        // fails the check once that session is gone. The migration's sessions are closed; the
        // probe is the last.
        closeQuietly(probe);
        probe = null;
      }
      return new Workspace(folder, db, ds.getConnection());
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        throw new BadInputException(
            folder.toString(),
            "the workspace is in use by another Tumen process; close it and try again");
      }
      throw new IllegalStateException(
          "cannot open the workspace database in " + folder + ": " + e.getMessage(), e);
    } finally {
      closeQuietly(probe);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // the workspace's own connection keeps the database open; nothing to undo
      }
    }
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }

  private static Workspace openPostgres(Path folder, String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new BadInputException(
          "--db", "not a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DATABASE): " + redact(url));
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "--db", "cannot read the URL " + redact(url) + ": " + e.getMessage());
    }
    // Lets the driver send a batch of inserts as one multi-row statement.
    ds.setReWriteBatchedInserts(true);
    ds.setConnectTimeout(10);
    try (Connection probe = ds.getConnection()) {
      probe.isValid(5);
    } catch (SQLException e) {
      throw new BadInputException(redact(url), "cannot use the database: " + e.getMessage());
    }
    Database db = new Database(ds, Dialect.POSTGRESQL, redact(url));
    PostgresSchemaGuard.check(ds, redact(url));
    migrate(db);
    return new Workspace(folder, db, null);
  }

  /** The URL without its query part, which may hold a password. */
  private static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** Brings the schema up to date; the number of migrations run (0 when it was). */
  private static int migrate(Database database) {
    // Most opens find the schema up to date: the history table read in one query instead of
    // starting Flyway (MigrationHistory says why that is the same check).
    try (Connection c = database.dataSource().getConnection()) {
      if (MigrationHistory.upToDate(c, MIGRATIONS)) {
        return 0;
      }
    } catch (SQLException e) {
      // Flyway below reports what is wrong with the database
    }
    try {
      return Flyway.configure()
          .dataSource(database.dataSource())
          .locations(MIGRATIONS)
          .failOnMissingLocations(false)
          .loggers("slf4j")
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayValidateException e) {
      // Before the first release a migration may still be edited in place (V1 was, for the
      // document layout): say so plainly instead of Flyway's checksum report.
      throw new BadInputException(
          database.where(),
          "this workspace was made by an earlier development build of Tumen whose schema has"
              + " changed since; import its lists into a new workspace",
          e);
    } catch (FlywayException e) {
      throw new IllegalStateException("cannot bring the workspace schema up to date: " + e, e);
    }
  }

  /** The workspace folder (absolute). */
  public Path directory() {
    return directory;
  }

  /** True when the data lives in the embedded database in {@link #directory()}. */
  public boolean isEmbedded() {
    return keepAlive != null;
  }

  /**
   * Seals and opens identities with {@code codec} from now on, without auditing reads: for the
   * {@link PlaintextCodec} (synthetic test data) and codecs under test. A workspace remembers the
   * codec that first sealed an identity in it and refuses any other (see {@link Database}).
   */
  public void useCodec(IdentityCodec codec) {
    database.useCodec(codec, IdentityReads.NOT_AUDITED);
  }

  /**
   * Seals and opens identities with {@code codec}, and tells {@code reads} before any identity is
   * opened (the protection package passes its audit trail).
   */
  public void useCodec(IdentityCodec codec, IdentityReads reads) {
    database.useCodec(codec, reads);
  }

  /**
   * Forgets the codec and the recorder (when a session locks): the workspace opens and writes no
   * identity again until a codec is chosen.
   */
  public void dropCodec() {
    database.dropCodec();
  }

  /**
   * Tells {@code recorder} of each import inside the import's transaction (the protection package
   * passes its audit trail, so that an import and its audit entry commit together).
   */
  public void recordImportsWith(ImportRecorder recorder) {
    database.recordImportsWith(recorder);
  }

  /**
   * The workspace's database, for features that keep their own tables (keys, audit trail). Plain
   * JDBC; callers close what they open.
   */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** Imports organisations' lists. */
  public ListImporter importer() {
    return new ListImporter(database);
  }

  /** Reads imported lists and their records back. */
  public RecordRepository records() {
    return new RecordRepository(database);
  }

  /** Saves and reads linkage runs and their clusters. */
  public ClusterRepository clusters() {
    return new ClusterRepository(database);
  }

  /** Saves and reads the documentation: sources, events, acts, information. */
  public DocumentationRepository documentation() {
    return new DocumentationRepository(database);
  }

  /** Interviewers' unfinished interviews, sealed, promoted into the documentation on submit. */
  public org.tumen.store.intake.IntakeDrafts intake() {
    return new org.tumen.store.intake.IntakeDrafts(database, documentation());
  }

  /** The linkage review queue and reviewers' decisions. */
  public org.tumen.store.review.ReviewQueue review() {
    return new org.tumen.store.review.ReviewQueue(database);
  }

  /** Saves and reads population estimates. */
  public EstimateRepository estimates() {
    return new EstimateRepository(database);
  }

  @Override
  public void close() {
    // The idle connections first: an embedded database closes with its last session.
    connections.close();
    if (keepAlive != null) {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot close the workspace database: " + e, e);
      }
    }
  }
}
