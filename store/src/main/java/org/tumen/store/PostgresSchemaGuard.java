package org.tumen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tumen.model.BadInputException;

/**
 * Refuses a PostgreSQL schema holding objects that Tumen's migrations never make and that could
 * change what Tumen reads or writes behind its back (issue 12, finding 3): triggers and rules on
 * its tables (a rule {@code DO INSTEAD NOTHING} on {@code audit_entry} would drop audit entries
 * silently), row-level security policies (they could hide rows from {@code audit verify}), views
 * and functions in the schema, and event triggers. Their code runs in the server, never in Tumen's
 * process; whoever can create them can also change rows directly, which the audit trail and the
 * batch MACs detect, so this check is about changes that would otherwise go unseen.
 */
final class PostgresSchemaGuard {

  private static final String[][] CHECKS = {
    {
      "a trigger",
      "SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = current_schema() AND NOT t.tgisinternal"
    },
    {
      "a rule",
      "SELECT tablename || '.' || rulename FROM pg_rules WHERE schemaname = current_schema()"
    },
    {
      "a row-level security policy",
      "SELECT tablename || '.' || policyname FROM pg_policies WHERE schemaname = current_schema()"
    },
    {
      "row-level security",
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = current_schema() AND c.relrowsecurity"
    },
    {"a view", "SELECT viewname FROM pg_views WHERE schemaname = current_schema()"},
    {
      "a function",
      "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
          + " WHERE n.nspname = current_schema()"
    },
    {"an event trigger", "SELECT evtname FROM pg_event_trigger WHERE evtenabled <> 'D'"},
  };

  private PostgresSchemaGuard() {}

  static void check(DataSource ds, String where) {
    try (Connection c = ds.getConnection()) {
      for (String[] check : CHECKS) {
        try (PreparedStatement ps = c.prepareStatement(check[1]);
            ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            throw new BadInputException(
                where,
                "the workspace schema holds "
                    + check[0]
                    + " ("
                    + rs.getString(1).replaceAll("\\p{Cntrl}", "?")
                    + ") that Tumen's migrations do not make; it was changed outside Tumen and is"
                    + " not used");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the workspace schema: " + e.getMessage(), e);
    }
  }
}
