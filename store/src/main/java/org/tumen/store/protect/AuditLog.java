package org.tumen.store.protect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Mac;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The workspace's tamper-evident audit trail (docs/threat-model.md, "Audit trail").
 *
 * <p>Entry {@code n} stores {@code hash_n = SHA-256(hash_{n-1} || canonical(entry_n))} (a hash
 * chain, as in Schneier and Kelsey, "Secure audit logs to support computer forensics", ACM TISSEC
 * 2(2), 1999) and {@code HMAC(hash_n)} under the workspace's audit key, which lives in the key file
 * and never in the database. The head is also written to {@value #ANCHOR_FILE} beside the key file,
 * so that a truncated tail is detected.
 *
 * <p>Details are stored in the clear: callers never put an identity in them (ids and counts only).
 *
 * <p>One order (docs/threat-model.md, "One writer at a time"): every append takes the workspace's
 * trail lock, one per workspace folder in this process, shared by every {@code AuditLog} of it. The
 * group writer of {@link #append(String, String, String, String)} holds it from reading the head to
 * moving the anchor; {@link #append(Connection, String, String, String, String)} takes it before
 * reading the head and keeps it until the caller's transaction has ended ({@link
 * #transactionEnded()}), so no other entry can take the same number or chain from the same hash.
 */
public final class AuditLog {

  /** The anchor file's name in the workspace folder. */
  public static final String ANCHOR_FILE = "audit.anchor";

  private static final byte[] GENESIS = new byte[32];
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One entry as shown to users. */
  public record Entry(
      long seq, String at, String actor, String action, String subject, String details) {}

  /**
   * The outcome of {@link #verify()}.
   *
   * @param entries entries checked
   * @param firstBroken the first broken entry's number, or -1 when the chain is whole
   * @param problem what is wrong with it (empty when whole)
   */
  public record Verification(long entries, long firstBroken, String problem) {
    public boolean ok() {
      return firstBroken < 0;
    }
  }

  private final DataSource dataSource;
  private final Path anchorFile;
  private final Mac mac;
  private final ReentrantLock trailLock;
  private volatile Boolean postgres;

  /** The trail lock of each workspace folder opened in this process (never removed: one each). */
  private static final ConcurrentHashMap<Path, ReentrantLock> TRAIL_LOCKS =
      new ConcurrentHashMap<>();

  public AuditLog(DataSource dataSource, Path workspace, WorkspaceKeys keys) {
    this.dataSource = dataSource;
    this.anchorFile = workspace.resolve(ANCHOR_FILE);
    this.mac = keys.auditMac();
    this.trailLock =
        TRAIL_LOCKS.computeIfAbsent(
            anchorFile.toAbsolutePath().normalize(), k -> new ReentrantLock(true));
  }

  /** An entry waiting for the writer of {@link #append(String, String, String, String)}. */
  private static final class Pending {
    final String actor;
    final String action;
    final String subject;
    final String details;
    long seq;
    RuntimeException failure;
    boolean done;

    Pending(String actor, String action, String subject, String details) {
      this.actor = actor;
      this.action = action;
      this.subject = subject;
      this.details = details;
    }
  }

  /** At most this many waiting entries go into one transaction. */
  private static final int MAX_GROUP = 256;

  private final Object queueLock = new Object();
  private final Object anchorLock = new Object();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  /**
   * Appends an entry in its own transaction and moves the anchor; returns its number once the entry
   * is committed and anchored. Thread-safe, with group commit: in the web application many requests
   * append at once; while one thread writes, the entries that arrive wait, and the next of them
   * writes them all in one transaction (numbered in their order of arrival) and moves the anchor
   * once. Every caller still returns only after its own entry is committed and anchored; if the
   * group's transaction fails, every entry of the group fails with it.
   */
  public long append(String actor, String action, String subject, String details) {
    if (trailLock.isHeldByCurrentThread()) {
      // This thread's own transaction holds the next number until it ends: waiting for the group
      // writer would wait for ourselves.
      throw new IllegalStateException(
          "a standalone audit entry ("
              + clip(action, 50)
              + ") inside a transaction that appended to the trail and has not ended");
    }
    Pending me = new Pending(actor, action, subject, details);
    List<Pending> group;
    boolean interrupted = false;
    synchronized (queueLock) {
      queue.add(me);
      while (!me.done && writing) {
        try {
          queueLock.wait();
        } catch (InterruptedException e) {
          // The entry is queued and will be written: wait for it, then keep the interrupt.
          interrupted = true;
        }
      }
      if (!me.done) {
        writing = true;
        if (queue.size() <= MAX_GROUP) {
          group = queue;
          queue = new ArrayList<>();
        } else {
          // Oldest first; ours is among them, as it waited for no one.
          group = new ArrayList<>(queue.subList(0, MAX_GROUP));
          queue = new ArrayList<>(queue.subList(MAX_GROUP, queue.size()));
          if (!group.contains(me)) {
            group.add(me);
            queue.remove(me);
          }
        }
      } else {
        group = null;
      }
    }
    if (group != null) {
      try {
        write(group);
      } finally {
        synchronized (queueLock) {
          writing = false;
          queueLock.notifyAll();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (me.failure != null) {
      throw me.failure;
    }
    return me.seq;
  }

  /** Writes a group of entries in one transaction, anchors, and marks each done. */
  private void write(List<Pending> group) {
    RuntimeException failure = null;
    trailLock.lock();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        lockAcrossProcesses(c);
        Head head = head(c);
        for (Pending p : group) {
          head = insert(c, head, p.actor, p.action, p.subject, p.details);
          p.seq = head.seq();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      anchor();
    } catch (SQLException e) {
      failure = new IllegalStateException("cannot append to the audit trail: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      trailLock.unlock();
    }
    synchronized (queueLock) {
      for (Pending p : group) {
        p.failure = failure;
        p.done = true;
      }
    }
  }

  /** The last entry's number and hash (0 and the genesis hash for an empty trail). */
  private record Head(long seq, byte[] hash) {}

  private static Head head(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Head(rs.getLong(1), rs.getBytes(2)) : new Head(0, GENESIS);
    }
  }

  /**
   * Appends an entry inside the caller's transaction, so that the entry and the change it records
   * commit together or not at all. Takes the workspace's trail lock and keeps it: the caller must
   * call {@link #anchor()} after the commit and, on every path (in a {@code finally}, after the
   * commit or the rollback), {@link #transactionEnded()} on the same thread. Until then every other
   * append to the trail waits; no standalone append may be made on this thread meanwhile.
   */
  public long append(Connection c, String actor, String action, String subject, String details)
      throws SQLException {
    trailLock.lock();
    lockAcrossProcesses(c);
    return insert(c, head(c), actor, action, subject, details).seq();
  }

  /**
   * The trail lock of the other processes that write to the same PostgreSQL schema (`tumen serve`
   * and a command run beside it; two servers): a transaction-scoped advisory lock keyed by the
   * schema, taken after the in-process lock and before the head is read, released by the commit or
   * rollback. An embedded H2 database is opened by one process at a time and needs none.
   */
  void lockAcrossProcesses(Connection c) throws SQLException {
    Boolean postgres = this.postgres;
    if (postgres == null) {
      postgres = DatabaseTables.isPostgres(c);
      this.postgres = postgres;
    }
    if (postgres) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT pg_advisory_xact_lock(hashtext(current_schema()),"
                      + " hashtext('tumen.audit_entry'))");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  /**
   * Takes the trail lock for a transaction that rewrites the trail itself (a restore); release it
   * with {@link #transactionEnded()} in a {@code finally}.
   */
  public void lockForTransaction() {
    trailLock.lock();
  }

  /**
   * Ends what {@link #append(Connection, String, String, String, String)} began: releases the trail
   * lock, as often as this thread took it. Call it after the transaction's commit (and {@link
   * #anchor()}) or rollback; it does nothing on a thread that holds no lock, so callers may call it
   * whether or not they appended.
   */
  public void transactionEnded() {
    while (trailLock.isHeldByCurrentThread()) {
      trailLock.unlock();
    }
  }

  /** Inserts the entry after {@code head}; returns the new head. */
  private Head insert(
      Connection c, Head head, String actor, String action, String subject, String details)
      throws SQLException {
    long seq = head.seq() + 1;
    byte[] prev = head.hash();
    // Clipped before hashing: the hash covers exactly what the row stores (issue 12, finding 6).
    Entry e =
        new Entry(
            seq,
            Instant.now().toString(),
            clip(actor, 200),
            clip(action, 50),
            clip(subject, 500),
            clip(details, 4000));
    byte[] hash = hash(prev, e);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_entry (seq, at_utc, actor, action, subject, details, prev_hash,"
                + " entry_hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setString(2, e.at());
      ps.setString(3, e.actor());
      ps.setString(4, e.action());
      ps.setString(5, e.subject());
      ps.setString(6, e.details());
      ps.setBytes(7, prev);
      ps.setBytes(8, hash);
      ps.setBytes(9, computeMac(hash));
      ps.executeUpdate();
    }
    return new Head(seq, hash);
  }

  /** Writes the current head to the anchor file (crash-safe replacement). Thread-safe. */
  public void anchor() {
    // One writer at a time (the file is replaced through one temporary name), and each writes the
    // head it reads, so the anchor never moves back.
    // The trail lock too: the anchor of every AuditLog of the workspace moves in the trail's order.
    trailLock.lock();
    try {
      synchronized (anchorLock) {
        writeAnchor();
      }
    } finally {
      trailLock.unlock();
    }
  }

  private void writeAnchor() {
    try (Connection c = dataSource.getConnection()) {
      // Under the lock across processes too: another process's anchor would otherwise replace the
      // same temporary file, or move the anchor back to the head it read before ours.
      c.setAutoCommit(false);
      try {
        lockAcrossProcesses(c);
        Head head = head(c);
        if (head.seq() > 0) {
          ObjectNode a = JSON.createObjectNode();
          a.put("seq", head.seq());
          a.put("hash", Base64.getEncoder().encodeToString(head.hash()));
          a.put(
              "mac",
              Base64.getEncoder().encodeToString(computeMac(anchorBytes(head.seq(), head.hash()))));
          AtomicFiles.write(anchorFile, JSON.writeValueAsBytes(a));
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + anchorFile, e);
    }
  }

  /** Checks the whole chain and the anchor; names the first broken entry. */
  public Verification verify() {
    long expected = 1;
    byte[] prev = GENESIS;
    byte[] anchoredHash = null;
    Anchor anchor = readAnchor();
    if (anchor != null && anchor.problem() != null) {
      return new Verification(0, Math.max(anchor.seq(), 1), anchor.problem());
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT seq, at_utc, actor, action, subject, details, prev_hash, entry_hash, mac"
                  + " FROM audit_entry ORDER BY seq")) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Entry e =
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6));
            if (e.seq() != expected) {
              return new Verification(
                  expected - 1,
                  expected,
                  "entry " + expected + " is missing (the next entry is " + e.seq() + ")");
            }
            if (!MessageDigest.isEqual(prev, rs.getBytes(7))) {
              return new Verification(
                  expected - 1,
                  e.seq(),
                  "entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + " (reordered?)");
            }
            byte[] hash = hash(prev, e);
            if (!MessageDigest.isEqual(hash, rs.getBytes(8))) {
              return new Verification(
                  expected - 1, e.seq(), "entry " + e.seq() + " was altered (its hash differs)");
            }
            if (!macValid(rs.getBytes(9), hash)) {
              return new Verification(
                  expected - 1,
                  e.seq(),
                  "entry "
                      + e.seq()
                      + " was not written by Tumen (its MAC fails): inserted or"
                      + " rewritten");
            }
            if (anchor != null && anchor.seq() == e.seq()) {
              anchoredHash = hash;
            }
            prev = hash;
            expected++;
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
    long count = expected - 1;
    if (anchor != null) {
      if (anchor.seq() > count) {
        return new Verification(
            count,
            count + 1,
            "entries "
                + (count + 1)
                + " to "
                + anchor.seq()
                + " are missing (the anchor names entry "
                + anchor.seq()
                + ")");
      }
      if (!MessageDigest.isEqual(anchoredHash, anchor.hash())) {
        return new Verification(
            count, anchor.seq(), "entry " + anchor.seq() + " differs from the anchored one");
      }
    } else if (count > 0) {
      return new Verification(count, 1, "the anchor file " + anchorFile + " is missing");
    } else if (holdsData()) {
      return new Verification(0, 1, emptyTrail());
    }
    return new Verification(count, -1, "");
  }

  /**
   * Checks the head of the trail against the anchor, without walking the whole chain: the anchored
   * entry must be there with the anchored hash and a valid MAC, and every entry after it must chain
   * on with valid MACs. Called at unlock, before anything is appended, so that a truncated or wiped
   * trail is never re-anchored over (issue 12, finding 2). A trail with no entries and no anchor is
   * whole only in a workspace that holds nothing yet (keys just made, or a folder to restore into).
   */
  public Verification verifyHead() {
    Anchor anchor = readAnchor();
    if (anchor != null && anchor.problem() != null) {
      return new Verification(0, Math.max(anchor.seq(), 1), anchor.problem());
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long last = lastSeq(c);
        if (anchor == null) {
          if (last > 0) {
            return new Verification(last, 1, "the anchor file " + anchorFile + " is missing");
          }
          return holdsData(c) ? new Verification(0, 1, emptyTrail()) : new Verification(0, -1, "");
        }
        if (anchor.seq() > last) {
          return new Verification(
              last,
              last + 1,
              "entries "
                  + (last + 1)
                  + " to "
                  + anchor.seq()
                  + " are missing (the anchor names entry "
                  + anchor.seq()
                  + ")");
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, at_utc, actor, action, subject, details, prev_hash, entry_hash, mac"
                    + " FROM audit_entry WHERE seq >= ? ORDER BY seq")) {
          ps.setLong(1, anchor.seq());
          try (ResultSet rs = ps.executeQuery()) {
            long expected = anchor.seq();
            byte[] prev = null;
            while (rs.next()) {
              Entry e =
                  new Entry(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6));
              byte[] stored = rs.getBytes(7);
              if (e.seq() != expected || (prev != null && !MessageDigest.isEqual(prev, stored))) {
                return new Verification(
                    expected - 1, expected, "entry " + expected + " is missing or out of order");
              }
              byte[] hash = hash(stored, e);
              if (!MessageDigest.isEqual(hash, rs.getBytes(8)) || !macValid(rs.getBytes(9), hash)) {
                return new Verification(
                    expected - 1,
                    e.seq(),
                    "entry " + e.seq() + " was altered or not written by Tumen");
              }
              if (e.seq() == anchor.seq() && !MessageDigest.isEqual(hash, anchor.hash())) {
                return new Verification(
                    expected - 1, e.seq(), "entry " + e.seq() + " differs from the anchored one");
              }
              prev = hash;
              expected++;
            }
            if (expected == anchor.seq()) {
              return new Verification(
                  last, anchor.seq(), "entry " + anchor.seq() + " (the anchored one) is missing");
            }
          }
        }
        return new Verification(last, -1, "");
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  private String emptyTrail() {
    return "the audit trail is empty and "
        + anchorFile.getFileName()
        + " is missing, but the workspace holds lists or persons: the trail was wiped";
  }

  private static long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_entry");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private boolean holdsData() {
    try (Connection c = dataSource.getConnection()) {
      return holdsData(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the workspace: " + e.getMessage(), e);
    }
  }

  /** Whether the workspace holds anything an audit trail should account for. */
  static boolean holdsData(Connection c) throws SQLException {
    for (String table : new String[] {"source", "person"}) {
      try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return true;
        }
      } catch (SQLException e) {
        // A database holding only the audit table (unit tests of the trail alone).
        if (!missingTable(e)) {
          throw e;
        }
      }
    }
    return false;
  }

  private static boolean missingTable(SQLException e) {
    return e.getErrorCode() == 42102 || "42P01".equals(e.getSQLState());
  }

  /** Streams entries with numbers from {@code from} on, in order. */
  public void entries(long from, Consumer<Entry> sink) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT seq, at_utc, actor, action, subject, details FROM audit_entry"
                  + " WHERE seq >= ? ORDER BY seq")) {
        ps.setFetchSize(1000);
        ps.setLong(1, from);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  /** All entries, for tests and small workspaces. */
  public List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    entries(1, all::add);
    return all;
  }

  private record Anchor(long seq, byte[] hash, String problem) {}

  private Anchor readAnchor() {
    if (!Files.exists(anchorFile)) {
      return null;
    }
    try {
      JsonNode a = JSON.readTree(Files.readAllBytes(anchorFile));
      long seq = a.path("seq").asLong(-1);
      byte[] hash = Base64.getDecoder().decode(a.path("hash").asText());
      byte[] m = Base64.getDecoder().decode(a.path("mac").asText());
      if (seq < 1 || !macValid(m, anchorBytes(seq, hash))) {
        return new Anchor(seq, hash, "the anchor file " + anchorFile + " was altered");
      }
      return new Anchor(seq, hash, null);
    } catch (IOException | IllegalArgumentException e) {
      return new Anchor(1, null, "the anchor file " + anchorFile + " is damaged");
    }
  }

  static byte[] hash(byte[] prev, Entry e) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prev);
      sha.update(canonical(e));
      return sha.digest();
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every Java runtime has SHA-256", ex);
    }
  }

  /** The bytes an entry is hashed as: its number, then each text length-prefixed in UTF-8. */
  static byte[] canonical(Entry e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(e.seq());
      for (String s : new String[] {e.at(), e.actor(), e.action(), e.subject(), e.details()}) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  private static byte[] anchorBytes(long seq, byte[] hash) {
    byte[] prefix = ("tumen/audit-anchor|" + seq + "|").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(prefix, prefix.length + hash.length);
    System.arraycopy(hash, 0, out, prefix.length, hash.length);
    return out;
  }

  private byte[] computeMac(byte[] data) {
    try {
      return mac.computeMac(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute the audit MAC", e);
    }
  }

  private boolean macValid(byte[] tag, byte[] data) {
    try {
      mac.verifyMac(tag, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }
}
