package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The workspace's tables and sequences as JDBC metadata shows them, on H2 and PostgreSQL alike: for
 * backups, restores and the canary test's dump. Tables come in foreign-key order (a table after
 * every table it references), so rows can be inserted in that order and deleted in reverse.
 */
final class DatabaseTables {

  private DatabaseTables() {}

  /** The tables of the connection's schema, referenced tables first; Flyway's history excluded. */
  static List<String> inDependencyOrder(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.toLowerCase(Locale.ROOT).contains("schema_history")) {
          names.add(name);
        }
      }
    }
    names.sort(String::compareTo);
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    for (String t : names) {
      Set<String> r = new LinkedHashSet<>();
      try (ResultSet rs = md.getImportedKeys(c.getCatalog(), schema, t)) {
        while (rs.next()) {
          String p = rs.getString("PKTABLE_NAME");
          if (!p.equals(t) && names.contains(p)) {
            r.add(p);
          }
        }
      }
      refs.put(t, r);
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (order.size() < names.size()) {
      boolean progress = false;
      for (String t : names) {
        if (!placed.contains(t) && placed.containsAll(refs.get(t))) {
          order.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new SQLException("circular foreign keys among " + names);
      }
    }
    return order;
  }

  /** The sequences of the connection's schema. */
  static List<String> sequences(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?"
                + " ORDER BY sequence_name")) {
      ps.setString(1, c.getSchema());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Takes the next value of a sequence (a sequence never goes back, so this is a safe floor). */
  static long nextValue(Connection c, String sequence) throws SQLException {
    String q = quote(c.getSchema()) + "." + quote(sequence);
    String sql =
        isPostgres(c)
            ? "SELECT nextval('" + q.replace("'", "''") + "')"
            : "SELECT NEXT VALUE FOR " + q;
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void restartAt(Connection c, String sequence, long value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "ALTER SEQUENCE "
                + quote(c.getSchema())
                + "."
                + quote(sequence)
                + " RESTART WITH "
                + value)) {
      ps.execute();
    }
  }

  static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
