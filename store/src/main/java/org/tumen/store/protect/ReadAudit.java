package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import javax.sql.DataSource;
import org.tumen.store.identity.IdentityReads;

/**
 * Every read of an identity, as an audit entry (docs/threat-model.md, "Audit trail"): action
 * {@value #ACTION}, subject {@code list NAME}, {@code record ID}, {@code person ID}, {@code
 * documentation} or {@code all}, details with a count and the purpose. Each entry is committed and
 * anchored before it returns, so callers write it <em>before</em> they open the first value: a read
 * cut short by a crash or a kill still leaves its trace, and a failed append opens nothing. The
 * entry holds no identity.
 */
public final class ReadAudit implements IdentityReads {

  /** The audit action of a read. */
  public static final String ACTION = "read-identities";

  private static final Set<String> SHOWN_TABLES =
      Set.of("record", "person", "source", "event", "account", "review_pair");

  private final AuditLog audit;
  private final DataSource dataSource;

  ReadAudit(AuditLog audit, DataSource dataSource) {
    this.audit = audit;
    this.dataSource = dataSource;
  }

  @Override
  public void beforeList(String list, long records, String purpose) {
    audit.append(
        Protection.actor(), ACTION, "list " + list, "records=" + records + " " + purpose(purpose));
  }

  /** The tables whose single rows are read one at a time: the subject of the audit entry. */
  private static final java.util.Set<String> ONE_ROW_TABLES =
      java.util.Set.of("record", "person", "review_pair", "intake_draft");

  @Override
  public void beforeOne(String table, long id, String purpose) {
    if (!ONE_ROW_TABLES.contains(table)) {
      throw new IllegalArgumentException(
          "a read names a record, a person, a review pair or an intake draft, not " + table);
    }
    audit.append(Protection.actor(), ACTION, table + " " + id, purpose(purpose));
  }

  /**
   * Before one row's identity is shown to a person (the web application): subject {@code TABLE ID}
   * ({@code record}, {@code person}, {@code source}, {@code event} or {@code account}), details the
   * fields shown and the purpose. Field names are the program's own, never values.
   */
  @Override
  public void beforeShowing(String table, long id, Collection<String> fields, String purpose) {
    if (!SHOWN_TABLES.contains(table)) {
      throw new IllegalArgumentException("a showing names a " + SHOWN_TABLES + ", not " + table);
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a showing names the fields it shows");
    }
    String names = String.join(",", fields).replaceAll("[^A-Za-z0-9_.,-]", "_");
    audit.append(
        Protection.actor(), ACTION, table + " " + id, "fields=" + names + " " + purpose(purpose));
  }

  @Override
  public void beforeDocumentation(long values, String purpose) {
    audit.append(
        Protection.actor(), ACTION, "documentation", "values=" + values + " " + purpose(purpose));
  }

  /**
   * Before every identity value of the workspace is opened (an export with identities, the check of
   * {@code tumen audit verify}); the entry counts the persons not forgotten.
   */
  public void beforeAll(String purpose) {
    long persons;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM person WHERE forgotten_at IS NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      persons = rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the persons: " + e.getMessage(), e);
    }
    audit.append(Protection.actor(), ACTION, "all", "persons=" + persons + " " + purpose(purpose));
  }

  /** One line, whatever the caller passed: {@code audit show} prints an entry per line. */
  private static String purpose(String purpose) {
    String p = purpose == null ? "" : purpose.replaceAll("\\p{Cntrl}", " ").strip();
    return "purpose=" + (p.isEmpty() ? "not given" : p);
  }
}
