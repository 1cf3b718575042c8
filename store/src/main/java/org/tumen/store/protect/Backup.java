package org.tumen.store.protect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tumen.model.BadInputException;
import org.tumen.store.PrivateFiles;

/**
 * Encrypted, authenticated backups of a workspace's database (docs/threat-model.md, "Backups").
 *
 * <p>A backup file is {@value #MAGIC_TEXT} followed by one Tink streaming-AEAD ciphertext (AES-256
 * GCM-HKDF, 1 MiB segments; the magic is the associated data) of a zip holding every table's rows
 * and, last, {@code meta.json}. Tink authenticates every segment and marks the last one, so a
 * flipped bit, a cut-off end or reordered segments fail to decrypt. The key file is never inside.
 *
 * <p>{@link #restore} reads and checks the whole file once without writing anything, then replaces
 * every table's rows in one transaction, never moves a sequence backwards, and re-applies every
 * forgetting recorded in the key file since the backup was taken.
 */
public final class Backup {

  static final String MAGIC_TEXT = "TUMEN-BACKUP-1\n";
  private static final byte[] MAGIC = MAGIC_TEXT.getBytes(StandardCharsets.US_ASCII);
  private static final String META = "meta.json";
  private static final String TABLE_PREFIX = "table/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 1000;

  /** What a backup or restore covered. */
  public record Summary(Map<String, Long> rowsPerTable, String createdAt) {
    public long rows() {
      return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final Protection protection;

  public Backup(Protection protection) {
    this.protection = protection;
  }

  /** Writes a backup to {@code out} (beside, then renamed into place). */
  public Summary write(Path out) {
    protection.audit().append(Protection.actor(), "backup", String.valueOf(out.getFileName()), "");
    Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
    Map<String, Long> counts = new LinkedHashMap<>();
    String created = Instant.now().toString();
    try (Connection c = protection.transaction()) {
      Files.deleteIfExists(tmp); // a leftover would keep its old mode; a new file is 0600
      try (OutputStream file = PrivateFiles.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
          BufferedOutputStream buffered = new BufferedOutputStream(file, 1 << 16)) {
        buffered.write(MAGIC);
        OutputStream enc = protection.keys().backupAead().newEncryptingStream(buffered, MAGIC);
        try (ZipOutputStream zip = new ZipOutputStream(enc)) {
          ObjectNode meta = JSON.createObjectNode();
          meta.put("format", "tumen-backup/1");
          meta.put("createdAt", created);
          ArrayNode tables = meta.putArray("tables");
          for (String t : DatabaseTables.inDependencyOrder(c)) {
            zip.putNextEntry(new ZipEntry(TABLE_PREFIX + t));
            DataOutputStream data = new DataOutputStream(zip);
            long n = dumpTable(c, t, data, tables.addObject().put("name", t));
            data.flush();
            zip.closeEntry();
            counts.put(t, n);
          }
          ObjectNode seqs = meta.putObject("sequences");
          for (String s : DatabaseTables.sequences(c)) {
            seqs.put(s, DatabaseTables.nextValue(c, s));
          }
          zip.putNextEntry(new ZipEntry(META));
          zip.write(JSON.writeValueAsBytes(meta));
          zip.closeEntry();
        }
        c.rollback();
      }
      try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Summary(counts, created);
    } catch (SQLException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the backup: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(out.toString(), "cannot write the backup: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Only a leftover partial file, which is encrypted.
      }
    }
  }

  /**
   * Checks every byte of {@code in}, then replaces the workspace's data with it.
   *
   * @throws BadInputException if the file is not a backup of this workspace's keys, or is altered
   *     or truncated; nothing is written then
   */
  public Summary restore(Path in) {
    Contents checked = read(in, null, null);
    // The restore may replace the trail itself: no other entry is appended until it has ended.
    protection.audit().lockForTransaction();
    try (Connection c = protection.transaction()) {
      try {
        protection.audit().lockAcrossProcesses(c);
        List<String> current = DatabaseTables.inDependencyOrder(c);
        for (String t : checked.columns().keySet()) {
          if (!current.contains(t)) {
            throw new BadInputException(
                in.toString(), "the backup has a table this workspace lacks: " + t);
          }
        }
        // The audit trail is never rewound: a workspace that holds data keeps its trail (it already
        // holds every entry of the backup, and those made since). One that holds none (disaster
        // recovery into a new folder) takes the backup's, which the restore entry continues; the
        // few entries made there so far (the unlock before this restore) are counted in the
        // restore entry. Deciding by the trail instead would keep that unlock entry and drop the
        // backup's whole history (issue 12, finding 5).
        String audit = auditTable(current);
        boolean keepAudit = AuditLog.holdsData(c);
        long replaced = keepAudit ? 0 : count(c, audit);
        for (int i = current.size() - 1; i >= 0; i--) {
          if (keepAudit && current.get(i).equals(audit)) {
            continue;
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM " + DatabaseTables.quote(current.get(i)))) {
            ps.executeUpdate();
          }
        }
        Contents written = read(in, c, keepAudit ? audit : null);
        for (Map.Entry<String, Long> s : written.sequences().entrySet()) {
          long now = DatabaseTables.nextValue(c, s.getKey());
          DatabaseTables.restartAt(c, s.getKey(), Math.max(now, s.getValue()) + 1000);
        }
        int reapplied = Forgetting.reapply(c, protection.keys(), protection.batchMacs());
        protection
            .audit()
            .append(
                c,
                Protection.actor(),
                "restore",
                String.valueOf(in.getFileName()),
                "backup of "
                    + written.createdAt()
                    + (keepAudit
                        ? "; audit trail kept"
                        : "; audit trail taken from the backup (replacing "
                            + replaced
                            + " entries of this empty workspace)")
                    + "; forgotten re-applied="
                    + reapplied
                    + "; values="
                    + SealedValues.count(c));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot restore: " + e.getMessage(), e);
    } finally {
      protection.audit().transactionEnded();
    }
    protection.audit().anchor();
    return new Summary(checked.rows(), checked.createdAt());
  }

  private record Contents(
      Map<String, List<String>> columns,
      Map<String, Long> rows,
      Map<String, Long> sequences,
      String createdAt) {}

  /**
   * Decrypts and parses the whole backup; inserts its rows (except {@code skipTable}'s) into {@code
   * into} when not null. A decryption failure anywhere (altered, truncated) is a {@link
   * BadInputException}.
   */
  private Contents read(Path in, Connection into, String skipTable) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> seqs = new LinkedHashMap<>();
    String created = null;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(in), 1 << 16)) {
      byte[] magic = file.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new BadInputException(in.toString(), "not a Tumen backup");
      }
      InputStream dec = protection.keys().backupAead().newDecryptingStream(file, MAGIC);
      ZipInputStream zip = new ZipInputStream(dec);
      JsonNode meta = null;
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(META)) {
          meta = JSON.readTree(zip.readAllBytes());
        } else if (e.getName().startsWith(TABLE_PREFIX) && meta == null) {
          String t = e.getName().substring(TABLE_PREFIX.length());
          DataInputStream data = new DataInputStream(zip);
          List<String> cols = readColumns(data);
          columns.put(t, cols);
          rows.put(t, loadRows(data, t, cols, t.equals(skipTable) ? null : into));
        } else {
          throw new IOException("unexpected entry " + e.getName());
        }
      }
      // Read to the very end so that the last segment's tag is checked too.
      byte[] rest = new byte[8192];
      while (dec.read(rest) >= 0) {
        // Zip's central directory: authenticated, then ignored.
      }
      if (meta == null || !"tumen-backup/1".equals(meta.path("format").asText())) {
        throw new IOException("the backup's description is missing");
      }
      for (JsonNode t : meta.path("tables")) {
        Long n = rows.get(t.path("name").asText());
        if (n == null || n != t.path("rows").asLong(-1)) {
          throw new IOException("table " + t.path("name").asText() + " is incomplete");
        }
      }
      meta.path("sequences")
          .fields()
          .forEachRemaining(f -> seqs.put(f.getKey(), f.getValue().asLong()));
      created = meta.path("createdAt").asText();
    } catch (GeneralSecurityException | IOException e) {
      throw new BadInputException(
          in.toString(),
          "the backup is damaged, truncated or not made with this workspace's keys ("
              + firstLine(e)
              + "); nothing was restored");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot restore: " + e.getMessage(), e);
    }
    return new Contents(columns, rows, seqs, created);
  }

  private static long dumpTable(Connection c, String table, DataOutputStream out, ObjectNode meta)
      throws SQLException, IOException {
    long n = 0;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM " + DatabaseTables.quote(table))) {
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int k = md.getColumnCount();
        out.writeInt(k);
        int[] types = new int[k];
        for (int i = 1; i <= k; i++) {
          out.writeUTF(md.getColumnName(i));
          types[i - 1] = md.getColumnType(i);
          String name = md.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
          if (name.contains("timestamptz") || name.contains("time zone")) {
            // PostgreSQL's driver reports timestamptz as a plain TIMESTAMP.
            types[i - 1] = Types.TIMESTAMP_WITH_TIMEZONE;
          }
        }
        while (rs.next()) {
          out.writeBoolean(true);
          for (int i = 1; i <= k; i++) {
            writeValue(rs, i, types[i - 1], out);
          }
          n++;
        }
        out.writeBoolean(false);
      }
    }
    meta.put("rows", n);
    return n;
  }

  private static void writeValue(ResultSet rs, int i, int type, DataOutputStream out)
      throws SQLException, IOException {
    switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        long v = rs.getLong(i);
        tagged(out, rs.wasNull() ? 'N' : 'L').writeLong(v);
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean v = rs.getBoolean(i);
        tagged(out, rs.wasNull() ? 'N' : 'Z').writeBoolean(v);
      }
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
        double v = rs.getDouble(i);
        tagged(out, rs.wasNull() ? 'N' : 'D').writeDouble(v);
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] v = rs.getBytes(i);
        if (v == null) {
          out.writeByte('N');
        } else {
          tagged(out, 'B').writeInt(v.length);
          out.write(v);
        }
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> text(out, 'T', rs.getObject(i, OffsetDateTime.class));
      case Types.TIMESTAMP -> text(out, 't', rs.getObject(i, LocalDateTime.class));
      case Types.DATE -> text(out, 'd', rs.getObject(i, LocalDate.class));
      default -> text(out, 'S', rs.getString(i));
    }
  }

  private static DataOutputStream tagged(DataOutputStream out, char tag) throws IOException {
    out.writeByte(tag);
    return tag == 'N' ? new DataOutputStream(OutputStream.nullOutputStream()) : out;
  }

  private static void text(DataOutputStream out, char tag, Object v) throws IOException {
    if (v == null) {
      out.writeByte('N');
      return;
    }
    byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
    out.writeByte(tag);
    out.writeInt(b.length);
    out.write(b);
  }

  private static List<String> readColumns(DataInputStream in) throws IOException {
    int k = in.readInt();
    if (k < 1 || k > 1000) {
      throw new IOException("bad column count");
    }
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      cols.add(in.readUTF());
    }
    return cols;
  }

  private static long loadRows(DataInputStream in, String table, List<String> cols, Connection c)
      throws IOException, SQLException {
    PreparedStatement ps = null;
    if (c != null) {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(DatabaseTables.quote(table));
      sql.append(" (");
      for (int i = 0; i < cols.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(DatabaseTables.quote(cols.get(i)));
      }
      sql.append(") VALUES (").append("?, ".repeat(cols.size() - 1)).append("?)");
      ps = c.prepareStatement(sql.toString());
    }
    long n = 0;
    try {
      while (in.readBoolean()) {
        for (int i = 1; i <= cols.size(); i++) {
          Object v = readValue(in);
          if (ps != null) {
            bind(ps, i, v);
          }
        }
        n++;
        if (ps != null) {
          ps.addBatch();
          if (n % BATCH == 0) {
            ps.executeBatch();
          }
        }
      }
      if (ps != null) {
        ps.executeBatch();
      }
    } catch (EOFException e) {
      throw new IOException("table " + table + " ends early", e);
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
    return n;
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case 'N' -> null;
      case 'L' -> in.readLong();
      case 'Z' -> in.readBoolean();
      case 'D' -> in.readDouble();
      case 'B' -> readBytes(in);
      case 'T' -> OffsetDateTime.parse(new String(readBytes(in), StandardCharsets.UTF_8));
      case 't' -> LocalDateTime.parse(new String(readBytes(in), StandardCharsets.UTF_8));
      case 'd' -> LocalDate.parse(new String(readBytes(in), StandardCharsets.UTF_8));
      case 'S' -> new String(readBytes(in), StandardCharsets.UTF_8);
      default -> throw new IOException("bad value tag " + tag);
    };
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 28) {
      throw new IOException("bad value length");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setObject(i, null);
    } else if (v instanceof Long l) {
      ps.setLong(i, l);
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else {
      ps.setObject(i, v);
    }
  }

  private static String auditTable(List<String> tables) {
    return tables.stream().filter(t -> t.equalsIgnoreCase("audit_entry")).findFirst().orElseThrow();
  }

  private static long count(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM " + DatabaseTables.quote(table));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
