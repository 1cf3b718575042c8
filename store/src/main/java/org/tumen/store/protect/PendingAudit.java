package org.tumen.store.protect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Audit entries of events that happen while the workspace is locked (table {@code audit_pending}):
 * a sign-in, a password change, an account locked by failures. The trail's MAC key is in the
 * workspace keys, so these wait until the next unlock, which moves them into the trail (docs/
 * threat-model.md, "Events while locked").
 *
 * <p>Tamper evidence while they wait: each row carries {@code HMAC-SHA256(K, previous MAC ‖ row)}
 * under a random key {@code K} that lives only in this object's memory (one per process, never
 * written), chained from 32 zero bytes after each move. Whoever holds the database but not the
 * server's memory can delete, change, reorder or add rows, but not without {@link #moveInto}
 * noticing: it appends each row it can vouch for as queued, each other row marked {@code
 * unverified}, and, when fewer rows of this process verify than it wrote, one {@code
 * audit-queue-broken} entry with both counts. Rows written by an earlier process (it stopped while
 * locked) cannot be vouched for — their key died with it — and are moved marked {@code unverified}.
 * What is not defended: an attacker in the server's memory (who has the key), and the loss of the
 * last rows together with the process (a kill -9 between an event and the next unlock loses no row,
 * since each is committed when written, but a row deleted after a restart is not noticed).
 */
public final class PendingAudit {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;
  private final byte[] key = new byte[32];
  private byte[] lastMac = new byte[32];
  private long written;

  public PendingAudit(DataSource dataSource) {
    this.dataSource = dataSource;
    RANDOM.nextBytes(key);
  }

  /** What {@link #moveInto} did. */
  public record Moved(int verified, int unverified, long expected) {
    public boolean whole() {
      return verified == expected;
    }
  }

  /** Queues one entry, committed before this returns. */
  public synchronized void add(String actor, String action, String subject, String details) {
    String at = Instant.now().toString();
    String a = clip(actor, 200);
    String ac = clip(action, 50);
    String s = clip(subject, 500);
    String d = clip(details, 4000);
    try (Connection c = dataSource.getConnection()) {
      long seq;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_pending");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        seq = rs.getLong(1) + 1;
      }
      byte[] mac = mac(lastMac, seq, at, a, ac, s, d);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_pending (seq, at_utc, actor, action, subject, details, mac)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, seq);
        ps.setString(2, at);
        ps.setString(3, a);
        ps.setString(4, ac);
        ps.setString(5, s);
        ps.setString(6, d);
        ps.setBytes(7, mac);
        ps.executeUpdate();
      }
      lastMac = mac;
      written++;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot queue an audit entry: " + e.getMessage(), e);
    }
  }

  /** How many entries wait. */
  public long waiting() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_pending");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the queued audit entries: " + e.getMessage(), e);
    }
  }

  /** A waiting entry, as it will enter the trail (its MAC aside). */
  public record Waiting(
      long seq, String at, String actor, String action, String subject, String details) {}

  /** The waiting entries, oldest first, without moving them. */
  public List<Waiting> queue() {
    List<Waiting> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, at_utc, actor, action, subject, details FROM audit_pending"
                    + " ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Waiting(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the queued audit entries: " + e.getMessage(), e);
    }
    return out;
  }

  private record Row(
      long seq,
      String at,
      String actor,
      String action,
      String subject,
      String details,
      byte[] mac) {}

  /**
   * Appends every waiting entry to {@code log} (oldest first; the event's own time in the details
   * as {@code at=…}, then {@code queued} or {@code unverified}), then one {@code
   * audit-queue-broken} entry if rows this process wrote are missing or changed, and deletes the
   * rows moved. A crash in between leaves rows that the next move appends again: the trail may
   * overstate, never hide.
   */
  public synchronized Moved moveInto(AuditLog log) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, at_utc, actor, action, subject, details, mac FROM audit_pending"
                    + " ORDER BY seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBytes(7)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the queued audit entries: " + e.getMessage(), e);
    }
    byte[] prev = new byte[32];
    int verified = 0;
    int unverified = 0;
    long firstBad = -1;
    for (Row r : rows) {
      byte[] expected = mac(prev, r.seq(), r.at(), r.actor(), r.action(), r.subject(), r.details());
      boolean ok = verified < written && MessageDigest.isEqual(expected, r.mac());
      if (ok) {
        prev = expected;
        verified++;
      } else {
        unverified++;
        if (firstBad < 0) {
          firstBad = r.seq();
        }
      }
      String details = (r.details().isEmpty() ? "" : r.details() + " ") + "at=" + r.at();
      log.append(r.actor(), r.action(), r.subject(), details + (ok ? " queued" : " unverified"));
    }
    Moved moved = new Moved(verified, unverified, written);
    if (!moved.whole() || unverified > 0) {
      // broken: rows this process wrote are missing or changed; unverified: rows it did not write
      log.append(
          "tumen",
          moved.whole() ? "audit-queue-unverified" : "audit-queue-broken",
          "audit_pending",
          "written-while-locked="
              + written
              + " verified="
              + verified
              + " unverified="
              + unverified
              + (firstBad < 0 ? "" : " first-unverified=" + firstBad));
    }
    if (!rows.isEmpty()) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("DELETE FROM audit_pending WHERE seq <= ?")) {
        ps.setLong(1, rows.get(rows.size() - 1).seq());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot clear the queued audit entries: " + e.getMessage(), e);
      }
    }
    lastMac = new byte[32];
    written = 0;
    return moved;
  }

  private byte[] mac(
      byte[] prev,
      long seq,
      String at,
      String actor,
      String action,
      String subject,
      String details) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      m.update("tumen/audit-pending|".getBytes(StandardCharsets.US_ASCII));
      m.update(prev);
      m.update(ByteBuffer.allocate(8).putLong(seq).array());
      for (String f : new String[] {at, actor, action, subject, details}) {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        m.update(ByteBuffer.allocate(4).putInt(b.length).array());
        m.update(b);
      }
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  /** Overwrites the key (the session is closed). */
  public synchronized void wipe() {
    Arrays.fill(key, (byte) 0);
  }
}
