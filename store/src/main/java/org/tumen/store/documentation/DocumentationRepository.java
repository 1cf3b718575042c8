package org.tumen.store.documentation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Database;
import org.tumen.store.imports.ImportRecorder;

/**
 * Saves and loads the documentation model (docs/workspace.md, "Documentation"): sources with their
 * consent, events with their chains, acts with their involvements, and the information that ties
 * them. Codes, partial dates, gazetteer places and counts are stored in the clear so that they can
 * be counted; testimony text and event summaries are sealed like identities, under the key of the
 * source that told them or of the person they are about, so that forgetting either destroys them.
 */
public final class DocumentationRepository {

  private final Database database;
  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;

  public DocumentationRepository(Database database) {
    this(database, Vocabularies.standard(), Gazetteer.standard());
  }

  public DocumentationRepository(
      Database database, Vocabularies vocabularies, Gazetteer gazetteer) {
    this.database = database;
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  /**
   * Stores a whole graph in one transaction: all of it or, on any error, nothing. Its ids must not
   * be stored already; its person references join the persons stored under the same reference.
   *
   * @return the number of values sealed
   * @throws org.tumen.model.BadInputException for a workspace that takes no identity (no keys and
   *     no plaintext chosen), or a reference to a forgotten person
   */
  public int save(Documentation documentation) {
    return save(documentation, c -> {});
  }

  /** Work that must commit with a save of documentation, or not at all. */
  @FunctionalInterface
  public interface InTransaction {
    void run(Connection c) throws SQLException;
  }

  /**
   * As {@link #save(Documentation)}, and runs {@code also} on the save's connection before the
   * commit (an intake draft is deleted in the transaction that stores what it became).
   */
  public int save(Documentation documentation, InTransaction also) {
    return save(documentation, also, false);
  }

  /**
   * As {@link #save(Documentation)}, for a bulk import by a process that has the workspace to
   * itself (the command line's {@code tumen document import}): on H2 the database's background
   * writer stores the transaction's pages on threads of its own while the import writes ({@code SET
   * WRITE_DELAY}), instead of the importing thread pausing to store them each time some megabytes
   * are pending; after the commit the delay is set back to 0 and the database flushed ({@code
   * CHECKPOINT}) before the audit anchor moves and before this returns, so that an import reported
   * done is on disk, as with {@link #save}. The delay is a setting of the whole database: a commit
   * of another connection during the import would be stored up to {@value #IMPORT_WRITE_DELAY_MS}
   * ms later, which is why the web's saves do not use this.
   */
  public int saveImport(Documentation documentation) {
    return save(documentation, c -> {}, !database.isPostgres());
  }

  /** H2's background writer's delay during {@link #saveImport} (H2's own default). */
  static final int IMPORT_WRITE_DELAY_MS = 500;

  private int save(Documentation documentation, InTransaction also, boolean background) {
    // one recorder for the whole transaction: should the workspace lock meanwhile, the recorder
    // that
    // took the audit lock is the one that must release it
    ImportRecorder recorder = database.importRecorder();
    try (Connection c = database.connect()) {
      if (background) {
        // before the transaction: H2 commits at each SET
        execute(c, "SET WRITE_DELAY " + IMPORT_WRITE_DELAY_MS);
      }
      try {
        c.setAutoCommit(false);
        int sealed;
        try (DocumentationWriter w =
            new DocumentationWriter(
                c, database.isPostgres(), database.codecForWriting(c), database.ids(c))) {
          sealed = w.write(documentation);
        }
        recorder.documented(c, documentation.sources().size(), documentation.acts().size(), sealed);
        also.run(c);
        c.commit();
        if (background) {
          foreground(c);
          background = false;
          execute(c, "CHECKPOINT");
        }
        recorder.committed();
        return sealed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        if (background) {
          foreground(c);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the documentation: " + e.getMessage(), e);
    } finally {
      recorder.ended();
    }
  }

  /** H2 stores each commit again as it returns (the workspace's setting, Workspace.H2_SETTINGS). */
  private static void foreground(Connection c) throws SQLException {
    c.setAutoCommit(true);
    execute(c, "SET WRITE_DELAY 0");
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Everything stored, with its testimony and summaries opened; the read is audited before the
   * first value opens. Values destroyed by forgetting read as absent.
   *
   * @param purpose why, for the audit trail (written by the program, never read from data)
   */
  public Documentation load(String purpose) {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        long values = DocumentationReader.sealedValues(c);
        if (values > 0) {
          database.identityReads().beforeDocumentation(values, purpose);
        }
        Documentation d =
            new DocumentationReader(c, database.codecForReading(c), vocabularies, gazetteer, true)
                .read();
        c.commit();
        return d;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
  }

  /**
   * Everything stored except what is sealed (no testimony, no summaries): for counting, which needs
   * no identity and so neither keys nor an audit entry.
   */
  public Documentation loadCodes() {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        Documentation d = new DocumentationReader(c, null, vocabularies, gazetteer, false).read();
        c.commit();
        return d;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
  }

  /**
   * What counting reads, in columns ({@link CountingRecords}): codes, partial dates, places and the
   * row ids that link people, sources, events and acts; nothing sealed, so neither keys nor an
   * audit entry. People, sources and events are labelled by their row ids, not their references.
   * Much cheaper than {@link #loadCodes()} for a million acts: it reads only what counting needs,
   * from the compact segment each save stores beside its rows ({@link CountingSegment}), or from
   * the tables' columns when the segments do not cover every row ({@link CountingReader}), and
   * builds no graph. In that case it stores one segment for all rows, so that the next count reads
   * it: the only write of a read.
   */
  public CountingRecords loadForCounting() {
    try (Connection c = database.connect()) {
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      try {
        CountingReader reader = new CountingReader(c, vocabularies, gazetteer);
        // the segments in the default isolation: H2 counts a table's rows at once there, but
        // walks the whole table to count them in a snapshot
        CountingRecords fromSegments = reader.fromSegments(database.isPostgres());
        c.commit();
        if (fromSegments != null) {
          return fromSegments;
        }
        // the tables in one snapshot: the segment made from them must describe one state
        c.setTransactionIsolation(
            database.isPostgres() ? Connection.TRANSACTION_REPEATABLE_READ : H2_SNAPSHOT);
        CountingReader.Result r = reader.fromTables(database.isPostgres());
        storeSegment(c, r.rebuilt());
        return r.records();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
        c.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
  }

  /**
   * What counting reads ({@link #loadForCounting()}) of the part of the documentation that the
   * sources of the given references tell, cut as {@link Documentation#toldBy} cuts the graph
   * ({@link CountingRecords#toldBy}): need-to-know, for counts of an account's cases only, from the
   * same segments as {@code tumen count} instead of the whole graph. References of no stored source
   * are ignored.
   */
  public CountingRecords loadForCounting(Set<String> sourceRefs) {
    Set<Long> ids = sourceIds(sourceRefs);
    CountingRecords all = loadForCounting();
    return all.toldBy(s -> ids.contains(all.sourceKey(s)));
  }

  /** How many references one look-up asks for. */
  private static final int REFS_PER_QUERY = 500;

  /** The row ids of the stored sources of these references (by doc_source.ref's unique index). */
  private Set<Long> sourceIds(Set<String> refs) {
    Set<Long> ids = new HashSet<>();
    List<String> all = new ArrayList<>(refs);
    try (Connection c = database.connect()) {
      for (int from = 0; from < all.size(); from += REFS_PER_QUERY) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + REFS_PER_QUERY));
        String sql =
            "SELECT id FROM doc_source WHERE ref IN ("
                + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
    return ids;
  }

  /** H2's snapshot isolation (org.h2.engine.Constants.TRANSACTION_SNAPSHOT). */
  private static final int H2_SNAPSHOT = 6;

  /**
   * Stores the segment made from the tables in place of the stored ones, so that the next count
   * reads it (a workspace written before V5_000, or rows written by hand). Saves that committed
   * after the read's snapshot keep their own segments: the delete does not see them. Should this
   * fail (another count storing its own at the same time), the count stands and the next one tries
   * again.
   */
  private void storeSegment(Connection c, CountingSegment.Encoder segment) throws SQLException {
    try {
      CountingReader.store(c, segment, database.ids(c).next());
      c.commit();
    } catch (SQLException e) {
      c.rollback();
    }
  }

  /**
   * The person row whose data key seals a source's testimony: forgetting it (tumen forget) is how a
   * source's withdrawal destroys what only the source could open.
   */
  public OptionalLong keyHolderOfSource(String sourceRef) {
    return single("SELECT key_person_id FROM doc_source WHERE ref = ?", sourceRef);
  }

  /** The person row stored for a person reference of the documentation. */
  public OptionalLong personOf(String personRef) {
    return single("SELECT person_id FROM doc_person WHERE ref = ?", personRef);
  }

  private OptionalLong single(String sql, String ref) {
    try (Connection c = database.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ref);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the documentation: " + e.getMessage(), e);
    }
  }
}
