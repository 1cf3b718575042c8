package org.tumen.document.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.Source;

/**
 * Full-text search over the testimonies and event summaries of unlocked documentation, in Korean,
 * Chinese and English. The index lives only in memory (a {@link ByteBuffersDirectory}, never a
 * file), is built from the documentation after unlock and is gone when this is closed or the
 * process ends: testimony never rests in plaintext, not even as index terms.
 *
 * <p>Each text is analysed once, in the field of its language ({@link TextLanguage}); a query is
 * analysed by every language's analyzer and sent to every field, so the user need not say which
 * language they typed. A name query also tries the variants an injected expander gives (the
 * linker's name keys, wired by {@code app}: this engine depends only on {@code model}), so 리순희 can
 * find "Ri Sun Hui".
 */
public final class TestimonySearch implements AutoCloseable {

  private static final String KIND = "kind";
  private static final String ID = "id";

  /**
   * The sources a text comes from, indexed (not stored) so that a search restricted to the sources
   * a user may read filters inside Lucene, before the best hits are cut: a testimony's own source;
   * for an event's summary, every source that tells the event.
   */
  private static final String FROM = "from";

  private static final FieldType TEXT = textWithOffsets();

  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Map<TextLanguage, Analyzer> analyzers;
  private final Function<String, Set<String>> nameVariants;

  private TestimonySearch(
      ByteBuffersDirectory directory,
      Map<TextLanguage, Analyzer> analyzers,
      Function<String, Set<String>> nameVariants)
      throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.analyzers = analyzers;
    this.nameVariants = nameVariants;
  }

  /** Indexes the documentation's texts, with no name expansion. */
  public static TestimonySearch build(Documentation documentation) {
    return build(documentation, q -> Set.of());
  }

  /**
   * Indexes every source's text and every event's summary.
   *
   * @param nameVariants other spellings of a query (a name in Hangul → its romanisations, …); the
   *     query itself is always searched too
   */
  public static TestimonySearch build(
      Documentation documentation, Function<String, Set<String>> nameVariants) {
    Objects.requireNonNull(nameVariants);
    Map<TextLanguage, Analyzer> analyzers = new EnumMap<>(TextLanguage.class);
    Map<String, Analyzer> byField = new java.util.HashMap<>();
    for (TextLanguage l : TextLanguage.values()) {
      analyzers.put(l, l.analyzer());
      byField.put(l.field, analyzers.get(l));
    }
    Analyzer perField = new PerFieldAnalyzerWrapper(analyzers.get(TextLanguage.ENGLISH), byField);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      IndexWriterConfig config =
          new IndexWriterConfig(perField)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setRAMBufferSizeMB(128);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Source s : documentation.sources()) {
          if (s.text().isPresent()) {
            writer.addDocument(
                document(
                    SearchHit.Kind.SOURCE, s.id(), s.language(), s.text().get(), Set.of(s.id())));
          }
        }
        Map<String, Set<String>> tellers = tellers(documentation);
        for (Event e : documentation.events()) {
          if (e.summary().isPresent()) {
            writer.addDocument(
                document(
                    SearchHit.Kind.EVENT,
                    e.id(),
                    Optional.empty(),
                    e.summary().get(),
                    tellers.getOrDefault(e.id(), Set.of())));
          }
        }
        writer.commit();
      }
      return new TestimonySearch(directory, analyzers, nameVariants);
    } catch (IOException e) {
      // Only memory is written; an I/O error here is a Lucene bug, not the user's.
      throw new UncheckedIOException(e);
    }
  }

  /** Per event, the sources whose information is about it. */
  private static Map<String, Set<String>> tellers(Documentation documentation) {
    Map<String, Set<String>> out = new java.util.HashMap<>();
    for (Information i : documentation.information()) {
      i.event().ifPresent(e -> out.computeIfAbsent(e, k -> new TreeSet<>()).add(i.source()));
    }
    return out;
  }

  private static Document document(
      SearchHit.Kind kind, String id, Optional<String> language, String text, Set<String> from) {
    Document d = new Document();
    d.add(new StoredField(KIND, kind.name()));
    d.add(new StoredField(ID, id));
    d.add(new Field(TextLanguage.of(language, text).field, text, TEXT));
    for (String source : from) {
      d.add(new StringField(FROM, source, Field.Store.NO));
    }
    return d;
  }

  /** Indexed with character offsets so that a hit can say where it is; the text is not stored. */
  private static FieldType textWithOffsets() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /** How many texts (testimonies and summaries) are indexed. */
  public int size() {
    return reader.numDocs();
  }

  /**
   * The texts that contain every word of the query (or of one of its name variants), best first.
   *
   * @param limit the most hits to return
   * @return the hits, with the character ranges of the matching words; empty when the query has no
   *     searchable word
   */
  public List<SearchHit> search(String query, int limit) {
    return search(query, limit, null);
  }

  /**
   * The texts that contain every word of the query, among those the user may see: testimonies of
   * the given sources and summaries of events that one of them tells. The restriction is a filter
   * inside the search, applied before the best {@code limit} are taken, so a user sees as many hits
   * as there are among their sources, and nothing about the others (neither a hit nor its score's
   * effect on the order, nor a count).
   *
   * @param visibleSources the ids of the sources the user may read; null for no restriction
   */
  public List<SearchHit> search(String query, int limit, Set<String> visibleSources) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    Optional<Query> q = query(query);
    if (q.isEmpty()) {
      return List.of();
    }
    try {
      Query rewritten = searcher.rewrite(q.get());
      ScoreDoc[] top = searcher.search(restricted(rewritten, visibleSources), limit).scoreDocs;
      // the passages come from the text query alone: the filter matches no words
      Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
      StoredFields stored = searcher.storedFields();
      List<SearchHit> hits = new ArrayList<>(top.length);
      for (ScoreDoc sd : top) {
        Document d = stored.document(sd.doc);
        hits.add(
            new SearchHit(
                SearchHit.Kind.valueOf(d.get(KIND)),
                d.get(ID),
                sd.score,
                passages(weight, sd.doc)));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many texts among those the user may see match the query (all of them, not only the first
   * page), counted inside the same filter as {@link #search(String, int, Set)}.
   *
   * @param visibleSources the ids of the sources the user may read; null for no restriction
   */
  public int count(String query, Set<String> visibleSources) {
    Optional<Query> q = query(query);
    if (q.isEmpty()) {
      return 0;
    }
    try {
      return searcher.count(restricted(q.get(), visibleSources));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query restricted(Query query, Set<String> visibleSources) {
    if (visibleSources == null) {
      return query;
    }
    List<BytesRef> terms = visibleSources.stream().map(BytesRef::new).toList();
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermInSetQuery(FROM, terms), BooleanClause.Occur.FILTER)
        .build();
  }

  private Optional<Query> query(String text) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(text);
    forms.addAll(nameVariants.apply(text));
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String form : forms) {
      if (form == null || form.isBlank()) {
        continue;
      }
      for (TextLanguage l : TextLanguage.values()) {
        Query q =
            new QueryBuilder(analyzers.get(l))
                .createBooleanQuery(l.field, form, BooleanClause.Occur.MUST);
        if (q != null) {
          any.add(q, BooleanClause.Occur.SHOULD);
          clauses++;
        }
      }
    }
    return clauses == 0 ? Optional.empty() : Optional.of(any.build());
  }

  /** The offsets of every matching word in one document, in text order, overlaps merged. */
  private List<Passage.TextSpan> passages(Weight weight, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches matches = weight.matches(leaf, doc - leaf.docBase);
    List<int[]> ranges = new ArrayList<>();
    if (matches != null) {
      for (String field : matches) {
        MatchesIterator it = matches.getMatches(field);
        while (it != null && it.next()) {
          if (it.startOffset() >= 0 && it.endOffset() > it.startOffset()) {
            ranges.add(new int[] {it.startOffset(), it.endOffset()});
          }
        }
      }
    }
    ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<Passage.TextSpan> merged = new ArrayList<>();
    int[] current = null;
    for (int[] r : ranges) {
      if (current != null && r[0] <= current[1]) {
        current[1] = Math.max(current[1], r[1]);
      } else {
        if (current != null) {
          merged.add(new Passage.TextSpan(current[0], current[1]));
        }
        current = r.clone();
      }
    }
    if (current != null) {
      merged.add(new Passage.TextSpan(current[0], current[1]));
    }
    return merged;
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
      for (Analyzer a : analyzers.values()) {
        a.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
