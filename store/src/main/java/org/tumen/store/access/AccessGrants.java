package org.tumen.store.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tumen.model.BadInputException;

/**
 * Need-to-know (docs/web.md): which sources and lists each account may see. An account sees a
 * source or list it was granted, the sources and lists of a case file it was granted, and (for
 * interviewers) the sources whose interviewer code is its own. Everything else is out of sight,
 * whatever the role. The web pages ask here before showing anything of a case; the other stores'
 * searches restrict themselves to {@link #visibleSources} and {@link #visibleLists}.
 */
public final class AccessGrants {

  /**
   * How long a kept set of visible sources is trusted without a change made here: it bounds what a
   * write this object does not see (documentation imported by another process, under an
   * interviewer's code) can stay unseen. Every grant, revocation and case-file change made through
   * this object drops the kept sets at once.
   */
  static final long KEPT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DataSource dataSource;

  /** The visible sources per account, as read at {@link Kept#generation}. */
  private final Map<Long, Kept> keptSources = new ConcurrentHashMap<>();

  /** Moves on after every change of grants or case files, after its commit. */
  private final AtomicLong generation = new AtomicLong();

  private record Kept(Set<String> sources, long generation, long readAt) {}

  public AccessGrants(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Forgets every kept set of visible sources: called after each change of grants or case files
   * (after its commit, so that a set read before it is never kept as current), and by a caller that
   * stored sources an interviewer code reaches.
   */
  public void changed() {
    generation.incrementAndGet();
    keptSources.clear();
  }

  /** Grants {@code accountId} the {@code kind} called {@code target}; returns the grant's id. */
  public long grant(long accountId, CaseKind kind, String target, String grantedBy) {
    String t = checkTarget(target);
    try {
      synchronized (Accounts.WRITES) {
        return insert(accountId, kind, t, grantedBy);
      }
    } finally {
      changed();
    }
  }

  private long insert(long accountId, CaseKind kind, String t, String grantedBy) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM web_access_grant WHERE account_id = ? AND kind = ? AND target = ?")) {
          ps.setLong(1, accountId);
          ps.setString(2, kind.code());
          ps.setString(3, t);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              long id = rs.getLong(1);
              c.rollback();
              return id;
            }
          }
        }
        long id = Accounts.nextId(c, "web_access_grant");
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO web_access_grant (id, account_id, kind, target, granted_by, granted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setLong(2, accountId);
          ps.setString(3, kind.code());
          ps.setString(4, t);
          ps.setString(5, grantedBy);
          ps.setString(6, Instant.now().toString());
          ps.executeUpdate();
        }
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Accounts.failure("grant access", e);
    }
  }

  /** Withdraws one grant; false when there was none with that id. */
  public boolean revoke(long grantId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM web_access_grant WHERE id = ?")) {
      ps.setLong(1, grantId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw Accounts.failure("revoke access", e);
    } finally {
      changed();
    }
  }

  /** Puts a source or list into a case file (a grant of the case then reaches it). */
  public void addToCase(String caseName, CaseKind kind, String target) {
    if (kind == CaseKind.CASE) {
      throw new BadInputException("kind", "a case file holds sources and lists, not case files");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO web_case_member (case_name, kind, target) VALUES (?, ?, ?)")) {
      ps.setString(1, checkTarget(caseName));
      ps.setString(2, kind.code());
      ps.setString(3, checkTarget(target));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Accounts.failure("add to a case file", e);
    } finally {
      changed();
    }
  }

  /**
   * Puts many sources or lists into a case file in one transaction (all or none); those already in
   * it are left as they are.
   */
  public void addAllToCase(String caseName, CaseKind kind, java.util.Collection<String> targets) {
    if (kind == CaseKind.CASE) {
      throw new BadInputException("kind", "a case file holds sources and lists, not case files");
    }
    String name = checkTarget(caseName);
    Set<String> checked = new TreeSet<>();
    for (String t : targets) {
      checked.add(checkTarget(t));
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Set<String> there = new TreeSet<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT target FROM web_case_member WHERE case_name = ? AND kind = ?")) {
          ps.setString(1, name);
          ps.setString(2, kind.code());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              there.add(rs.getString(1));
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO web_case_member (case_name, kind, target) VALUES (?, ?, ?)")) {
          int n = 0;
          for (String t : checked) {
            if (there.contains(t)) {
              continue;
            }
            ps.setString(1, name);
            ps.setString(2, kind.code());
            ps.setString(3, t);
            ps.addBatch();
            if (++n % 1000 == 0) {
              ps.executeBatch();
            }
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Accounts.failure("add to a case file", e);
    } finally {
      changed();
    }
  }

  /** Every grant, by login then kind and target. */
  public List<Grant> all() {
    return query("", null);
  }

  /** The grants of one account. */
  public List<Grant> of(long accountId) {
    return query(" WHERE g.account_id = ?", accountId);
  }

  /** Whether {@code accountId} may see the {@code kind} called {@code target}. */
  public boolean may(long accountId, CaseKind kind, String target) {
    if (target == null) {
      return false;
    }
    return switch (kind) {
      case CASE -> has(accountId, CaseKind.CASE, target);
      case SOURCE -> maySeeSource(accountId, target);
      case LIST -> visibleLists(accountId).contains(target);
    };
  }

  /**
   * The references of the sources the account may see: granted directly, through a case file, or
   * (an interviewer) collected under its interviewer code. The set is read once and kept for the
   * account (unmodifiable) until a grant or case file changes (or {@link #KEPT_NANOS} pass): a
   * search asks it at every request, and an interviewer's may hold thousands of sources.
   */
  public Set<String> visibleSources(long accountId) {
    long g = generation.get();
    long now = System.nanoTime();
    Kept k = current(accountId, g, now);
    if (k != null) {
      return k.sources();
    }
    Set<String> out = visible(accountId, CaseKind.SOURCE);
    out.addAll(
        strings(
            "SELECT s.ref FROM doc_source s JOIN web_account a ON a.interviewer_code = s.interviewer"
                + " WHERE a.id = ?",
            accountId));
    // immutable (not a view): the search keeps its need-to-know filter by this set's identity
    Set<String> sources = Set.copyOf(out);
    // read after g was taken: a change committed since then moved the generation on, and then
    // this set is not kept as current (it may miss that change)
    keptSources.put(accountId, new Kept(sources, g, now));
    return sources;
  }

  private Kept current(long accountId, long g, long now) {
    Kept k = keptSources.get(accountId);
    return k != null && k.generation() == g && now - k.readAt() < KEPT_NANOS ? k : null;
  }

  /**
   * Whether {@code sourceRef} is among {@link #visibleSources}: from the kept set when there is a
   * current one, else asked of that one source (a record page asks at every request; the whole set
   * of an interviewer may be thousands).
   */
  private boolean maySeeSource(long accountId, String sourceRef) {
    Kept k = current(accountId, generation.get(), System.nanoTime());
    if (k != null) {
      return k.sources().contains(sourceRef);
    }
    return !strings(
            "SELECT target FROM web_access_grant WHERE account_id = ? AND kind = 'source'"
                + " AND target = ?"
                + " UNION ALL SELECT m.target FROM web_case_member m JOIN web_access_grant g"
                + " ON g.kind = 'case' AND g.target = m.case_name"
                + " WHERE g.account_id = ? AND m.kind = 'source' AND m.target = ?"
                + " UNION ALL SELECT s.ref FROM doc_source s JOIN web_account a"
                + " ON a.interviewer_code = s.interviewer WHERE a.id = ? AND s.ref = ?",
            accountId,
            sourceRef,
            accountId,
            sourceRef,
            accountId,
            sourceRef)
        .isEmpty();
  }

  /** The names of the organisations' lists the account may see (directly or by case file). */
  public Set<String> visibleLists(long accountId) {
    return visible(accountId, CaseKind.LIST);
  }

  private Set<String> visible(long accountId, CaseKind kind) {
    Set<String> out =
        strings(
            "SELECT target FROM web_access_grant WHERE account_id = ? AND kind = '"
                + kind.code()
                + "' UNION ALL SELECT m.target FROM web_case_member m JOIN web_access_grant g"
                + " ON g.kind = 'case' AND g.target = m.case_name"
                + " WHERE g.account_id = ? AND m.kind = '"
                + kind.code()
                + "'",
            accountId,
            accountId);
    return out;
  }

  private boolean has(long accountId, CaseKind kind, String target) {
    return !strings(
            "SELECT target FROM web_access_grant WHERE account_id = ? AND kind = ? AND target = ?",
            accountId,
            kind.code(),
            target)
        .isEmpty();
  }

  /**
   * The first column's values, without repeats. The queries say UNION ALL, not UNION: the set drops
   * the repeats here, and the database's own de-duplication (H2 compares row values in a sorted
   * result) of an interviewer's ~1,300 sources cost a fifth of the web application's CPU under load
   * (docs/benchmarks.md, "webload9").
   */
  private Set<String> strings(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      Set<String> out = new TreeSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Accounts.failure("read access grants", e);
    }
  }

  private List<Grant> query(String where, Long accountId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT g.id, g.account_id, a.login, g.kind, g.target, g.granted_by, g.granted_at"
                    + " FROM web_access_grant g JOIN web_account a ON a.id = g.account_id"
                    + where
                    + " ORDER BY a.login, g.kind, g.target")) {
      if (accountId != null) {
        ps.setLong(1, accountId);
      }
      List<Grant> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Grant(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  CaseKind.parse(rs.getString(4)).orElseThrow(),
                  rs.getString(5),
                  rs.getString(6),
                  Instant.parse(rs.getString(7))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Accounts.failure("read access grants", e);
    }
  }

  private static String checkTarget(String target) {
    if (target == null || target.isBlank() || target.length() > 200) {
      throw new BadInputException(
          "target", "give the source, list or case name (1-200 characters)");
    }
    if (target.chars().anyMatch(Character::isISOControl)) {
      throw new BadInputException("target", "a name holds no control characters");
    }
    return target.strip();
  }
}
