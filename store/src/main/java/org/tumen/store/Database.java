package org.tumen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;
import org.tumen.model.BadInputException;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.IdentityReads;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.imports.ImportRecorder;

/**
 * A workspace's database as its repositories see it: connections, ids, and the identity codec. Only
 * {@link Workspace} creates one.
 */
public final class Database {

  private static final String CODEC_SETTING = "identity_codec";
  private static final String TINK_PREFIX = "tink-";

  /** Reads a workspace whose codec nobody chose: one without identities, or a plaintext one. */
  private static final IdentityCodec UNCHOSEN = new PlaintextCodec();

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String where;

  /**
   * Null until {@link #useCodec} chooses one: identities are never written with a codec nobody
   * chose, so that protection is the default (docs/threat-model.md).
   */
  private volatile IdentityCodec codec;

  private volatile IdentityReads reads = IdentityReads.NOT_AUDITED;

  private volatile ImportRecorder imports = ImportRecorder.NONE;

  Database(DataSource dataSource, Dialect dialect, String where) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.where = where;
  }

  /**
   * The time now, to the microsecond: both databases keep microseconds, so a time read back equals
   * the time written.
   */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /** The same database reached through {@code other} (before any codec is chosen). */
  Database withDataSource(DataSource other) {
    return new Database(other, dialect, where);
  }

  /** The workspace folder or database URL (without its query), for messages. */
  String where() {
    return where;
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** An id source bound to {@code connection} (and so to its transaction). */
  public Ids ids(Connection connection) {
    return new Ids(connection, dialect);
  }

  /** True on PostgreSQL, where result sets stream only inside a transaction with a fetch size. */
  public boolean isPostgres() {
    return dialect == Dialect.POSTGRESQL;
  }

  DataSource dataSource() {
    return dataSource;
  }

  void useCodec(IdentityCodec codec, IdentityReads reads) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  void dropCodec() {
    this.codec = null;
    this.reads = IdentityReads.NOT_AUDITED;
    this.imports = ImportRecorder.NONE;
  }

  void recordImportsWith(ImportRecorder recorder) {
    this.imports = Objects.requireNonNull(recorder, "recorder");
  }

  /** Whom to tell of each import inside its transaction (the audit trail of a protected one). */
  public ImportRecorder importRecorder() {
    return imports;
  }

  /** Whom to tell before identities are opened (the audit trail of a protected workspace). */
  public IdentityReads identityReads() {
    return reads;
  }

  /**
   * The codec for writing identities in {@code connection}'s transaction. The first write records
   * the codec's id in the workspace; a later write with another codec is refused, so that a
   * protected workspace never receives a plaintext identity (and the reverse). Refused too when no
   * codec was chosen: a workspace without keys takes no identity unless plaintext was asked for.
   */
  public IdentityCodec codecForWriting(Connection connection) throws SQLException {
    IdentityCodec c = codec;
    if (c == null) {
      throw new BadInputException(
          where,
          "this workspace has no keys, and identities are never stored unprotected by default:"
              + " create its keys (tumen keys init) or give its passphrase"
              + " (--passphrase-file or TUMEN_PASSPHRASE)");
    }
    String stored = storedCodec(connection);
    if (stored == null) {
      recordCodec(c);
      stored = storedCodec(connection);
    }
    requireSame(stored, c);
    return c;
  }

  /**
   * Records the codec of the workspace's first write, if no writer did first: its own short
   * transaction, committed at once, inserted only if absent. Several first writes at once (two
   * documentation saves of a new workspace) used to insert the same row in their own transactions
   * and all but one failed on its primary key; now one insert wins, the others meet the unique key
   * (SQLState 23505, H2 and PostgreSQL alike: the row is there, which is what they wanted) and go
   * on to compare the codec that won with their own. Outside the caller's transaction, so that a
   * long import does not hold the row (and so every other writer) until it commits; a write that
   * then fails leaves the workspace sealed (or plaintext) all the same, as the first write chose.
   */
  private void recordCodec(IdentityCodec c) throws SQLException {
    try (Connection own = dataSource.getConnection()) {
      own.setAutoCommit(true);
      try (PreparedStatement ps =
          own.prepareStatement(
              "INSERT INTO workspace_setting (name, setting_value) SELECT ?, ?"
                  + " WHERE NOT EXISTS (SELECT 1 FROM workspace_setting WHERE name = ?)")) {
        ps.setString(1, CODEC_SETTING);
        ps.setString(2, c.id());
        ps.setString(3, CODEC_SETTING);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }

  /** SQLState of a unique or primary key violation (SQL standard; H2 and PostgreSQL). */
  private static final String UNIQUE_VIOLATION = "23505";

  /** The codec for reading identities; refuses one that did not seal this workspace. */
  public IdentityCodec codecForReading(Connection connection) throws SQLException {
    IdentityCodec c = codec == null ? UNCHOSEN : codec;
    String stored = storedCodec(connection);
    if (stored != null) {
      requireSame(stored, c);
    }
    return c;
  }

  private void requireSame(String stored, IdentityCodec c) {
    if (!stored.equals(c.id())
        && stored.startsWith(TINK_PREFIX)
        && c.id().startsWith(TINK_PREFIX)) {
      throw new BadInputException(
          where,
          "this workspace was sealed by an earlier development build ('"
              + stored
              + "'); this version ('"
              + c.id()
              + "') cannot read it: import its lists again into a new workspace");
    }
    if (!stored.equals(c.id())) {
      throw new BadInputException(
          where,
          "this workspace's identities are sealed by '"
              + stored
              + "' but it was opened with '"
              + c.id()
              + "'"
              + (stored.equals("plaintext")
                  ? ""
                  : "; give its passphrase (--passphrase-file or TUMEN_PASSPHRASE)"));
    }
  }

  private static String storedCodec(Connection connection) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT setting_value FROM workspace_setting WHERE name = ?")) {
      ps.setString(1, CODEC_SETTING);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
