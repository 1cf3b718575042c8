package org.tumen.store.clusters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tumen.model.BadInputException;
import org.tumen.store.Database;

/** Saves linkage runs (which record fell into which cluster) and reads them back. */
public final class ClusterRepository {

  private static final int BATCH = 1000;

  private final Database db;

  /** Made by {@code Workspace.clusters()}. */
  public ClusterRepository(Database db) {
    this.db = db;
  }

  /**
   * Saves one linkage run, all or nothing.
   *
   * @param description how the run was made, e.g. the link spec and software version
   * @param members every record's cluster; each record at most once
   * @return the saved run
   * @throws BadInputException if a member names a list or record the workspace does not hold, or a
   *     record twice
   */
  public LinkageRun saveRun(String description, List<ClusterAssignment> members) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        LinkageRun run = save(c, description, members);
        c.commit();
        return run;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the linkage run: " + e.getMessage(), e);
    }
  }

  private LinkageRun save(Connection c, String description, List<ClusterAssignment> members)
      throws SQLException {
    Map<String, Map<String, Long>> recordIds = new HashMap<>();
    long runId = db.ids(c).next();
    OffsetDateTime now = Database.now();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO linkage_run (id, description, created_at) VALUES (?, ?, ?)")) {
      ps.setLong(1, runId);
      ps.setString(2, description);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
    Set<Long> seen = new HashSet<>();
    Set<String> clusters = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cluster_member (run_id, record_id, cluster_key) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (ClusterAssignment m : members) {
        Map<String, Long> ids = recordIds.computeIfAbsent(m.list(), l -> recordIds(c, l));
        Long recordId = ids.get(m.recordId());
        if (recordId == null) {
          throw new BadInputException(
              "clusters", "list " + m.list() + " has no record " + m.recordId());
        }
        if (!seen.add(recordId)) {
          throw new BadInputException(
              "clusters", "record " + m.recordId() + " of list " + m.list() + " appears twice");
        }
        clusters.add(m.clusterId());
        ps.setLong(1, runId);
        ps.setLong(2, recordId);
        ps.setString(3, m.clusterId());
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      ps.executeBatch();
    }
    return new LinkageRun(runId, description, now.toInstant(), seen.size(), clusters.size());
  }

  private static Map<String, Long> recordIds(Connection c, String list) {
    Map<String, Long> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.source_record_id, r.id FROM record r JOIN source s ON s.id = r.source_id"
                + " WHERE s.name = ?")) {
      ps.setString(1, list);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read list " + list + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new BadInputException("clusters", "no list named " + list + " in the workspace");
    }
    return out;
  }

  /** Every saved run, oldest first. */
  public List<LinkageRun> runs() {
    List<LinkageRun> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT l.id, l.description, l.created_at, COUNT(m.record_id),"
                    + " COUNT(DISTINCT m.cluster_key) FROM linkage_run l"
                    + " LEFT JOIN cluster_member m ON m.run_id = l.id"
                    + " GROUP BY l.id, l.description, l.created_at ORDER BY l.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new LinkageRun(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getLong(4),
                rs.getLong(5)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the linkage runs: " + e.getMessage(), e);
    }
    return out;
  }

  /** The names of the lists whose records a run assigned (for need-to-know: whose run it is). */
  public Set<String> listsOf(long runId) {
    Set<String> out = new TreeSet<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT s.name FROM cluster_member m JOIN record r ON r.id = m.record_id"
                    + " JOIN source s ON s.id = r.source_id WHERE m.run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read linkage run " + runId + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Calls {@code action} for each record of a run, ordered by cluster. */
  public void forEachMember(long runId, Consumer<ClusterAssignment> action) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.name, r.source_record_id, m.cluster_key FROM cluster_member m"
                  + " JOIN record r ON r.id = m.record_id JOIN source s ON s.id = r.source_id"
                  + " WHERE m.run_id = ? ORDER BY m.cluster_key, s.name, r.id")) {
        ps.setFetchSize(5000);
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(new ClusterAssignment(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read linkage run " + runId + ": " + e.getMessage(), e);
    }
  }
}
