package org.tumen.store.protect;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.BadInputException;
import org.tumen.model.SpreadsheetSafe;
import org.tumen.store.PrivateFiles;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityDocument;

/**
 * {@code tumen export}: the workspace as CSV files for analysis elsewhere. By default pseudonymised
 * (docs/threat-model.md, "Backups and exports"): Tumen's own ids, codes and counts, no identity
 * value, no blind index, not even the organisations' record numbers (which their own lists would
 * turn back into names). Identities are added only when asked, and the audit trail says so.
 *
 * <p>Files are created owner-only ({@link PrivateFiles}); every text cell goes through {@link
 * SpreadsheetSafe}, so a list name or a note that a spreadsheet would run as a formula is text.
 */
public final class Export {

  /**
   * Each file and the query that fills it: explicit columns, so a column added to the schema later
   * is never exported by accident.
   */
  private static final Map<String, String> PSEUDONYMISED = new LinkedHashMap<>();

  static {
    PSEUDONYMISED.put(
        "sources.csv",
        "SELECT id, kind, name, organisation, language, reliability FROM source ORDER BY id");
    PSEUDONYMISED.put(
        "persons.csv",
        "SELECT id AS person_id, CASE WHEN forgotten_at IS NULL THEN 'no' ELSE 'yes' END AS"
            + " forgotten FROM person ORDER BY id");
    PSEUDONYMISED.put(
        "records.csv",
        "SELECT id AS record_id, source_id, person_id, sex, birth_precision FROM record"
            + " ORDER BY id");
    PSEUDONYMISED.put(
        "events.csv",
        "SELECT id AS event_id, ref, event_type, start_day, start_precision, end_day,"
            + " end_precision, place_code, place_approximate FROM doc_event ORDER BY id");
    PSEUDONYMISED.put(
        "acts.csv",
        "SELECT id AS act_id, ref, event_id, victim_person_id AS person_id, victim_count,"
            + " act_type, start_day, start_precision, end_day, end_precision, place_code,"
            + " place_approximate FROM doc_act ORDER BY id");
    PSEUDONYMISED.put(
        "clusters.csv",
        "SELECT run_id, record_id, cluster_key FROM cluster_member ORDER BY run_id, record_id");
  }

  /** What an export wrote. */
  public record Summary(Map<String, Long> rowsPerFile, long identityValues) {}

  private final Protection protection;

  public Export(Protection protection) {
    this.protection = protection;
  }

  public Summary write(Path dir, boolean withIdentities) {
    if (withIdentities) {
      // Committed before the first value is opened: an export killed midway leaves a trace. The
      // export-identities entry below adds the counts once the files are written.
      protection.reads().beforeAll("tumen export --with-identities");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    long identities = 0;
    try {
      PrivateFiles.createDirectories(dir);
      try (Connection c = protection.transaction()) {
        try {
          for (Map.Entry<String, String> f : PSEUDONYMISED.entrySet()) {
            counts.put(f.getKey(), query(c, f.getValue(), dir.resolve(f.getKey())));
          }
          if (withIdentities) {
            identities = identities(c, dir.resolve("identities.csv"));
            counts.put("identities.csv", identities);
          }
          PrivateFiles.writeString(
              dir.resolve("README.txt"),
              withIdentities
                  ? "Tumen export WITH IDENTITIES (identities.csv): handle as the most sensitive"
                      + " data you hold; its making is in the workspace's audit trail.\n"
                  : "Tumen export, pseudonymised: Tumen's ids and coded fields only; no names,"
                      + " birth dates, birthplaces, free text or the organisations' record"
                      + " numbers.\n");
          protection
              .audit()
              .append(
                  c,
                  Protection.actor(),
                  withIdentities ? "export-identities" : "export",
                  String.valueOf(dir.getFileName()),
                  "files=" + counts.size() + " identity-values=" + identities);
          c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
      protection.audit().anchor();
      return new Summary(counts, identities);
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), "cannot write the export: " + e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot export: " + e.getMessage(), e);
    } finally {
      protection.audit().transactionEnded();
    }
  }

  private static long query(Connection c, String sql, Path file) throws SQLException, IOException {
    long n = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery();
          Writer w = PrivateFiles.newWriter(file);
          CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        int k = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= k; i++) {
          out.print(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        out.println();
        while (rs.next()) {
          for (int i = 1; i <= k; i++) {
            out.print(SpreadsheetSafe.cell(rs.getString(i)));
          }
          out.println();
          n++;
        }
      }
    }
    return n;
  }

  private long identities(Connection c, Path file) throws SQLException, IOException {
    long[] n = {0};
    try (Writer w = PrivateFiles.newWriter(file);
        CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      out.printRecord("owner_table", "owner_id", "person_id", "field", "value");
      SealedValues.forEach(
          c,
          true,
          v -> {
            FieldSealer sealer =
                protection
                    .codec()
                    .sealerFor(
                        v.personId() == null ? 0 : v.personId(),
                        v.personId() == null ? null : v.wrappedKey());
            String value = sealer.open(v.table(), v.ownerId(), v.field(), v.sealed());
            Map<String, String> values =
                v.field().equals(IdentityDocument.FIELD)
                    ? IdentityDocument.decode(value)
                    : Map.of(v.field(), value);
            for (Map.Entry<String, String> e : values.entrySet()) {
              try {
                out.printRecord(
                    v.table(),
                    v.ownerId(),
                    v.personId() == null ? "" : v.personId(),
                    SpreadsheetSafe.cell(e.getKey()),
                    SpreadsheetSafe.cell(e.getValue()));
              } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
              }
              n[0]++;
            }
            return true;
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return n[0];
  }
}
