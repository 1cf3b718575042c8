package org.tumen.store.estimates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumen.store.Database;

/** Saves population estimates and reads them back. */
public final class EstimateRepository {

  private final Database db;

  /** Made by {@code Workspace.estimates()}. */
  public EstimateRepository(Database db) {
    this.db = db;
  }

  /** Saves an estimate; returns it with its id and time. */
  public StoredEstimate save(StoredEstimate e) {
    try (Connection c = db.connect()) {
      long id = db.ids(c).next();
      OffsetDateTime now = Database.now();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO estimate (id, run_id, stratum, lists, method, model, observed, estimate,"
                  + " interval_level, interval_lower, interval_upper, diagnostics,"
                  + " software_version, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setObject(2, e.linkageRun(), Types.BIGINT);
        ps.setString(3, e.stratum());
        ps.setString(4, String.join("\n", e.lists()));
        ps.setString(5, e.method());
        ps.setString(6, e.model());
        ps.setLong(7, e.observed());
        ps.setObject(8, e.estimate(), Types.DOUBLE);
        ps.setObject(9, e.level(), Types.DOUBLE);
        ps.setObject(10, e.lower(), Types.DOUBLE);
        ps.setObject(11, e.upper(), Types.DOUBLE);
        ps.setString(12, e.diagnostics());
        ps.setString(13, e.softwareVersion());
        ps.setObject(14, now);
        ps.executeUpdate();
      }
      return e.saved(id, now.toInstant());
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot save the estimate: " + ex.getMessage(), ex);
    }
  }

  /** Every saved estimate, oldest first. */
  public List<StoredEstimate> all() {
    List<StoredEstimate> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, run_id, stratum, lists, method, model, observed, estimate,"
                    + " interval_level, interval_lower, interval_upper, diagnostics,"
                    + " software_version, created_at FROM estimate ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoredEstimate(
                rs.getLong(1),
                rs.getObject(2, Long.class),
                rs.getString(3),
                Arrays.asList(rs.getString(4).split("\n")),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getObject(8, Double.class),
                rs.getObject(9, Double.class),
                rs.getObject(10, Double.class),
                rs.getObject(11, Double.class),
                rs.getString(12),
                rs.getString(13),
                rs.getObject(14, OffsetDateTime.class).toInstant()));
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read the estimates: " + ex.getMessage(), ex);
    }
    return out;
  }
}
