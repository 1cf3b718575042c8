package org.tumen.store.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Database;
import org.tumen.store.Ids;
import org.tumen.store.identity.FieldSealer;
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
                        new ImportProblem(
                            where,
                            ImportProblem.Kind.UNKNOWN_FORMAT,
                            "cannot tell the format from the name; use --format csv|xlsx"));
    return importChecked(
        list, ListFile.of(file), file.getFileName().toString(), fmt, columnMap, progress);
  }

  /**
   * Imports a list held in memory (an upload, which is never written to disk), with the checks of
   * {@link #importList(String, Path, ImportFormat, Map, Progress)}; its format is told by its name
   * and must be what its content is.
   *
   * @param fileName the name it came with (its last part is kept, as for a file), in messages and
   *     in the import's record
   * @param content the file's bytes
   */
  public ImportSummary importList(
      String listName,
      String fileName,
      byte[] content,
      Map<String, String> columnMap,
      Progress progress) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(columnMap, "columnMap");
    Objects.requireNonNull(progress, "progress");
    String list = checkName(listName);
    String name = fileName(fileName);
    ImportFormat fmt =
        ImportFormat.byName(name)
            .orElseThrow(
                () ->
                    new ImportProblem(
                        name,
                        ImportProblem.Kind.UNKNOWN_FORMAT,
                        "not a .csv, .txt or .xlsx file name"));
    return importChecked(list, ListFile.inMemory(name, content), name, fmt, columnMap, progress);
  }

  /** The last part of a name as a browser or a user gave it, without control characters. */
  private static String fileName(String given) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    if (name.isEmpty()) {
      throw new ImportProblem(
          "", ImportProblem.Kind.UNKNOWN_FORMAT, "the file has no name; use a .csv or .xlsx name");
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private ImportSummary importChecked(
      String list,
      ListFile file,
      String fileName,
      ImportFormat fmt,
      Map<String, String> columnMap,
      Progress progress) {
    String where = file.where();
    try {
      if (file.size() == 0) {
        throw new ImportProblem(where, ImportProblem.Kind.EMPTY, "the file is empty");
      }
      fmt.checkContent(file.head(), where);
      FileScan.Result scan =
          fmt == ImportFormat.CSV ? FileScan.csv(file, where) : FileScan.xlsx(file);
      // one recorder for the whole transaction: should the workspace lock meanwhile, the recorder
      // that took the audit lock is the one that must release it
      ImportRecorder recorder = db.importRecorder();
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        try {
          ImportSummary summary =
              importIn(c, recorder, list, file, fileName, fmt, scan, columnMap, progress);
          c.commit();
          if (!summary.alreadyImported()) {
            recorder.committed();
          }
          return summary;
        } catch (RuntimeException | SQLException | IOException e) {
          c.rollback();
          throw e;
        } finally {
          progress.finish();
        }
      } finally {
        recorder.ended();
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
      ImportRecorder recorder,
      String list,
      ListFile file,
      String fileName,
      ImportFormat fmt,
      FileScan.Result scan,
      Map<String, String> columnMap,
      Progress progress)
      throws SQLException, IOException {
    String where = file.where();
    Long sourceId = BatchRows.sourceId(c, list);
    if (sourceId != null) {
      IdentityCodec reading = db.codecForReading(c);
      return BatchRows.previous(
          c, list, sourceId, fileName, fmt, reading.contentKey(scan.sha256()), where, reading);
    }
    IdentityCodec codec = db.codecForWriting(c);
    Ids ids = db.ids(c);
    OffsetDateTime now = Database.now();
    long source = ids.next();
    long batch = ids.next();
    String encoding = scan.charset() == null ? null : scan.charset().name();
    String contentKey = codec.contentKey(scan.sha256());
    FieldSealer shared = codec.sealerFor(0, null);
    BatchRows.insertSource(c, source, list, now);
    BatchRows.insertBatch(c, batch, source, fileName, contentKey, fmt, encoding, now, shared);
    long[] metaValues = {1};
    BatchFacts facts = new BatchFacts(batch, source, list, contentKey);
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
        RowWriter writer = new RowWriter(c, source, batch, now, facts)) {
      reader.start();
      sealing.start();
      try {
        pipe.drain(
            new RowPipeline.Writer() {
              @Override
              public void plan(ColumnPlan plan) throws SQLException {
                metaValues[0] += BatchRows.insertColumns(c, source, plan, shared);
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
      throw new ImportProblem(
          where, ImportProblem.Kind.NO_HEADER, "the file is empty: no header row");
    }
    if (session.rows() == 0) {
      throw new ImportProblem(
          where, ImportProblem.Kind.NO_RECORDS, "the file has a header but no records");
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE import_batch SET row_count = ? WHERE id = ?")) {
      ps.setLong(1, session.rows());
      ps.setLong(2, batch);
      ps.executeUpdate();
    }
    ColumnPlan plan = session.plan();
    ImportSummary summary =
        new ImportSummary(
            list,
            fileName,
            fmt,
            encoding,
            session.rows(),
            values + metaValues[0],
            BatchRows.columns(plan),
            plan.extraHeaders(),
            session.datesKeptAsWritten(),
            session.sexKeptAsWritten(),
            false,
            now.toInstant());
    // In the import's transaction: the audit entry and the batch's MAC commit with its rows.
    recorder.inTransaction(c, summary, batch, facts.finish());
    return summary;
  }

  /** The reading thread: parses and checks the file into the pipe, or passes on its failure. */
  private static void read(
      ListFile file,
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
}
