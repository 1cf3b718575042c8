package org.tumen.store.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Database;
import org.tumen.store.Ids;
import org.tumen.store.identity.IdentityCodec;

/**
 * Imports one organisation's list (CSV or XLSX) into the workspace, all or nothing: the file is one
 * transaction, and any bad row, date, byte or header stops it with a {@link BadInputException} that
 * names the file, line and column, leaving the workspace as it was. Importing the same file into
 * the same list again changes nothing.
 */
public final class ListImporter {

  private final Database db;

  /** Made by {@code Workspace.importer()}. */
  public ListImporter(Database db) {
    this.db = db;
  }

  /**
   * @param listName the list's name in the workspace (the organisation's list)
   * @param file a CSV or XLSX file with a header row
   * @param format the file's format, or null to tell it by the file's extension
   * @param columnMap column header to field ({@code id}, {@code full_name}, {@code surname}, {@code
   *     given_name}, {@code birth_date}, {@code sex}, {@code birthplace}, {@code note}, {@code
   *     extra}, {@code ignore}), overriding the recognised headers
   * @param progress told of rows as they are stored
   * @throws BadInputException for anything wrong with the file or the arguments; nothing is stored
   */
  public ImportSummary importList(
      String listName,
      Path file,
      ImportFormat format,
      Map<String, String> columnMap,
      Progress progress) {
    Objects.requireNonNull(columnMap, "columnMap");
    Objects.requireNonNull(progress, "progress");
    String list = checkName(listName);
    String where = file.toString();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadInputException(where, "no such file, or it cannot be read");
    }
    ImportFormat fmt =
        format != null
            ? format
            : ImportFormat.byExtension(file)
                .orElseThrow(
                    () ->
                        new BadInputException(
                            where, "cannot tell the format from the name; use --format csv|xlsx"));
    try {
      if (Files.size(file) == 0) {
        throw new BadInputException(where, "the file is empty");
      }
      FileScan.Result scan =
          fmt == ImportFormat.CSV ? FileScan.csv(file, where) : FileScan.xlsx(file);
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        try {
          ImportSummary summary = importIn(c, list, file, fmt, scan, columnMap, progress);
          c.commit();
          return summary;
        } catch (RuntimeException | SQLException | IOException e) {
          c.rollback();
          throw e;
        } finally {
          progress.finish();
        }
      }
    } catch (ImportSession.StoreFailure e) {
      throw new IllegalStateException("cannot store the list: " + e.getCause().getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the list: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(where, "cannot read the file: " + e.getMessage(), e);
    }
  }

  private ImportSummary importIn(
      Connection c,
      String list,
      Path file,
      ImportFormat fmt,
      FileScan.Result scan,
      Map<String, String> columnMap,
      Progress progress)
      throws SQLException, IOException {
    String where = file.toString();
    String fileName = file.getFileName().toString();
    Long sourceId = sourceId(c, list);
    if (sourceId != null) {
      return previous(c, list, sourceId, fileName, fmt, scan.sha256(), where);
    }
    IdentityCodec codec = db.codecForWriting(c);
    Ids ids = db.ids(c);
    OffsetDateTime now = Database.now();
    long source = ids.next();
    long batch = ids.next();
    String encoding = scan.charset() == null ? null : scan.charset().name();
    insertSource(c, source, list, now);
    insertBatch(c, batch, source, fileName, scan.sha256(), fmt, encoding, now);
    progress.start("importing " + fileName, Math.max(0, scan.lines() - 1));
    RowPipeline pipe = new RowPipeline();
    ReaderIds readerIds = new ReaderIds(db);
    ImportSession session =
        new ImportSession(
            where,
            columnMap,
            fmt == ImportFormat.CSV,
            new DateReader(LocalDate.now(ZoneOffset.UTC)),
            progress,
            pipe::plan,
            readerIds,
            pipe::row);
    RowSealer sealer = new RowSealer(codec);
    Thread reader = new Thread(() -> read(file, fmt, scan, where, session, pipe), "tumen-read");
    Thread sealing = new Thread(() -> pipe.seal(sealer), "tumen-seal");
    long values;
    try (readerIds;
        RowWriter writer = new RowWriter(c, source, batch, now)) {
      reader.start();
      sealing.start();
      try {
        pipe.drain(
            new RowPipeline.Writer() {
              @Override
              public void plan(ColumnPlan plan) throws SQLException {
                insertColumns(c, source, plan);
              }

              @Override
              public void row(SealedRow row) throws SQLException {
                writer.write(row);
              }
            });
      } finally {
        pipe.abandon();
        join(reader);
        join(sealing);
      }
      writer.flush();
      values = writer.values();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the import was interrupted", e);
    }
    if (session.plan() == null) {
      throw new BadInputException(where, "the file is empty: no header row");
    }
    if (session.rows() == 0) {
      throw new BadInputException(where, "the file has a header but no records");
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE import_batch SET row_count = ? WHERE id = ?")) {
      ps.setLong(1, session.rows());
      ps.setLong(2, batch);
      ps.executeUpdate();
    }
    ColumnPlan plan = session.plan();
    return new ImportSummary(
        list,
        fileName,
        fmt,
        encoding,
        session.rows(),
        values,
        columns(plan),
        plan.extraHeaders(),
        session.datesKeptAsWritten(),
        session.sexKeptAsWritten(),
        false,
        now.toInstant());
  }

  /** The reading thread: parses and seals the file into the pipe, or passes on its failure. */
  private static void read(
      Path file,
      ImportFormat fmt,
      FileScan.Result scan,
      String where,
      ImportSession session,
      RowPipeline pipe) {
    try {
      if (fmt == ImportFormat.CSV) {
        CsvTable.read(file, scan.charset(), where, session);
      } else {
        XlsxTable.read(file, where, session);
      }
      pipe.end();
    } catch (IOException e) {
      pipe.fail(new UncheckedIOException(e));
    } catch (RuntimeException | Error e) {
      pipe.fail(e);
    }
  }

  private static void join(Thread reader) {
    boolean interrupted = false;
    while (reader.isAlive()) {
      try {
        reader.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ids for the reading thread, from a connection of its own, opened at the first id: the writing
   * thread's connection is busy with the batches, and a PostgreSQL connection serves one thread at
   * a time. Sequences are not transactional, so these ids are as unique as the writer's.
   */
  private static final class ReaderIds implements ImportSession.IdSource, AutoCloseable {
    private final Database db;
    private Connection connection;
    private Ids ids;

    ReaderIds(Database db) {
      this.db = db;
    }

    @Override
    public long next() throws SQLException {
      if (ids == null) {
        connection = db.connect();
        // Not committed: sequences are not transactional, and on H2 each commit would store the
        // whole database, the writer's pages included.
        connection.setAutoCommit(false);
        ids = db.ids(connection);
      }
      return ids.next();
    }

    @Override
    public void close() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private static String checkName(String listName) {
    if (listName == null || listName.isBlank()) {
      throw new BadInputException("--list", "a list needs a name");
    }
    String name = listName.strip();
    if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      throw new BadInputException(
          "--list", "a list name is at most 200 characters, with no control characters");
    }
    return name;
  }

  private static Long sourceId(Connection c, String list) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
      ps.setString(1, list);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The summary of an earlier import of this file; refuses a different file for the same list. */
  private static ImportSummary previous(
      Connection c,
      String list,
      long sourceId,
      String fileName,
      ImportFormat fmt,
      String sha256,
      String where)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file_name, content_sha256, file_encoding, row_count, imported_at FROM"
                + " import_batch WHERE source_id = ? ORDER BY id")) {
      ps.setLong(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
          if (!rs.getString(2).equals(sha256)) {
            throw new BadInputException(
                where,
                "list '"
                    + list
                    + "' already holds another file ("
                    + rs.getString(1)
                    + ", imported "
                    + at.toInstant()
                    + "); import this one under another --list name");
          }
          ColumnPlanView view = ColumnPlanView.read(c, sourceId);
          return new ImportSummary(
              list,
              fileName,
              fmt,
              rs.getString(3),
              rs.getLong(4),
              0,
              view.columns(),
              view.extraHeaders(),
              0,
              0,
              true,
              at.toInstant());
        }
      }
    }
    throw new IllegalStateException("list '" + list + "' has no import on record");
  }

  private static void insertSource(Connection c, long id, String list, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO source (id, kind, name, consent_store, consent_quote, consent_contact,"
                + " created_at) VALUES (?, 'list', ?, TRUE, FALSE, FALSE, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, list);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
  }

  private static void insertBatch(
      Connection c,
      long id,
      long source,
      String fileName,
      String sha256,
      ImportFormat fmt,
      String encoding,
      OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO import_batch (id, source_id, file_name, content_sha256, file_format,"
                + " file_encoding, row_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, source);
      ps.setString(3, fileName.length() > 1000 ? fileName.substring(0, 1000) : fileName);
      ps.setString(4, sha256);
      ps.setString(5, fmt.name().toLowerCase(java.util.Locale.ROOT));
      ps.setString(6, encoding);
      ps.setObject(7, now);
      ps.executeUpdate();
    }
  }

  private static void insertColumns(Connection c, long source, ColumnPlan plan)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO list_column (source_id, position, header, field) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < plan.size(); i++) {
        if (plan.field(i) == Field.IGNORE) {
          continue;
        }
        String header = plan.headers().get(i);
        ps.setLong(1, source);
        ps.setInt(2, i + 1);
        ps.setString(3, header.length() > 500 ? header.substring(0, 500) : header);
        ps.setString(4, plan.storageKey(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Map<String, String> columns(ColumnPlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      out.putIfAbsent(plan.headers().get(i), plan.field(i).key());
    }
    return out;
  }

  /** The stored columns of an imported list, for the summary of a repeated import. */
  private record ColumnPlanView(Map<String, String> columns, List<String> extraHeaders) {
    static ColumnPlanView read(Connection c, long sourceId) throws SQLException {
      Map<String, String> columns = new LinkedHashMap<>();
      List<String> extras = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT header, field FROM list_column WHERE source_id = ? ORDER BY position")) {
        ps.setLong(1, sourceId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String field = rs.getString(2);
            boolean extra = field.startsWith("extra.");
            columns.putIfAbsent(rs.getString(1), extra ? "extra" : field);
            if (extra) {
              extras.add(rs.getString(1));
            }
          }
        }
      }
      return new ColumnPlanView(columns, extras);
    }
  }
}
