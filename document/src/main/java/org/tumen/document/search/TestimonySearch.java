package org.tumen.document.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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

  /**
   * Kind and id of a text ({@code SOURCE:id}, as {@link #KEY}) as a doc value: what a hit is, read
   * per hit without decompressing stored fields. Nothing is stored.
   */
  private static final String REF = "ref";

  /**
   * The sources a text comes from, indexed (not stored) so that a search restricted to the sources
   * a user may read filters inside Lucene, before the best hits are cut: a testimony's own source;
   * for an event's summary, every source that tells the event.
   */
  private static final String FROM = "from";

  /** Kind and id of a text, indexed (not stored) so that an update can replace its document. */
  private static final String KEY = "key";

  private static final FieldType TEXT = textWithOffsets();

  /** So many need-to-know filters are kept (one per distinct set of visible sources). */
  static final int FILTERS_KEPT = 256;

  private final ByteBuffersDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<TextLanguage, Analyzer> analyzers;
  private final Function<String, Set<String>> nameVariants;

  /**
   * Per event with a summary, its summary and language-less tellers: what an update needs to
   * re-index the event when a new source tells it.
   */
  private final Map<String, String> summaries = new java.util.HashMap<>();

  private final Map<String, Set<String>> tellers = new java.util.HashMap<>();

  /**
   * The need-to-know filters built so far, by the set of visible sources they admit (a changed
   * grant gives another set, so another filter): building one sorts a user's ~1,300 source ids,
   * which cost as much as the search itself when done on every query.
   */
  /**
   * The documents each kept filter admits, per segment: without it every search looked up each of a
   * user's ~1,300 source ids in the index again (Lucene's own cache declines a filter that matches
   * far more documents than the words, which is every need-to-know filter). Only the filters are
   * kept here (no text query, no word), and they go with the index.
   */
  private final LRUQueryCache filterDocs =
      new LRUQueryCache(FILTERS_KEPT, 32L << 20, leaf -> true, Float.POSITIVE_INFINITY);

  private static final QueryCachingPolicy FILTERS_ONLY =
      new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {}

        @Override
        public boolean shouldCache(Query query) {
          return query instanceof TermInSetQuery;
        }
      };

  private final Map<Set<String>, Query> filters =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Set<String>, Query> eldest) {
          return size() > FILTERS_KEPT;
        }
      };

  private TestimonySearch(
      ByteBuffersDirectory directory,
      IndexWriter writer,
      Map<TextLanguage, Analyzer> analyzers,
      Function<String, Set<String>> nameVariants)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(filterDocs);
                searcher.setQueryCachingPolicy(FILTERS_ONLY);
                return searcher;
              }
            });
    this.analyzers = analyzers;
    this.nameVariants = nameVariants;
  }

  /** A page of hits and how many there are in all, from one pass over the index. */
  public record Result(List<SearchHit> hits, int total) {
    public Result {
      hits = List.copyOf(hits);
    }
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
    return build(documentation, nameVariants, (done, total) -> {});
  }

  /**
   * How far a build is: told after every {@value #PROGRESS_EVERY} texts and at the end. A build is
   * stopped by an exception thrown from here (the index is closed and the exception passed on).
   */
  @FunctionalInterface
  public interface Progress {
    void indexed(int done, int total);
  }

  static final int PROGRESS_EVERY = 512;

  /**
   * Indexes every source's text and every event's summary, telling {@code progress} how many of
   * them are indexed.
   */
  public static TestimonySearch build(
      Documentation documentation, Function<String, Set<String>> nameVariants, Progress progress) {
    Objects.requireNonNull(nameVariants);
    Objects.requireNonNull(progress);
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
              .setRAMBufferSizeMB(128)
              .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(directory, config);
      TestimonySearch search = new TestimonySearch(directory, writer, analyzers, nameVariants);
      try {
        search.index(documentation, true, progress);
      } catch (RuntimeException | Error e) {
        search.close();
        throw e;
      }
      return search;
    } catch (IOException e) {
      // Only memory is written; an I/O error here is a Lucene bug, not the user's.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds new documentation (an intake's source, events and information) to the index, or replaces
   * the texts of the same ids: a source's testimony, an event's summary, and the summary of every
   * event the new information tells (its tellers grow). Searches started after this returns see the
   * change; those under way finish on the index as it was.
   */
  public void add(Documentation part) {
    try {
      index(part, false, (done, total) -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void index(Documentation documentation, boolean fresh, Progress progress)
      throws IOException {
    int total = 0;
    for (Source s : documentation.sources()) {
      total += s.text().isPresent() ? 1 : 0;
    }
    for (Event e : documentation.events()) {
      total += e.summary().isPresent() ? 1 : 0;
    }
    int done = 0;
    progress.indexed(0, total);
    for (Source s : documentation.sources()) {
      if (s.text().isPresent()) {
        if (++done % PROGRESS_EVERY == 0) {
          progress.indexed(done, total);
        }
        Document d =
            document(SearchHit.Kind.SOURCE, s.id(), s.language(), s.text().get(), Set.of(s.id()));
        if (fresh) {
          writer.addDocument(d);
        } else {
          writer.updateDocument(key(SearchHit.Kind.SOURCE, s.id()), d);
        }
      }
    }
    Set<String> changed = new LinkedHashSet<>();
    for (Event e : documentation.events()) {
      if (e.summary().isPresent()) {
        summaries.put(e.id(), e.summary().get());
        changed.add(e.id());
      }
    }
    for (Map.Entry<String, Set<String>> t : tellers(documentation).entrySet()) {
      tellers.computeIfAbsent(t.getKey(), k -> new TreeSet<>()).addAll(t.getValue());
      if (summaries.containsKey(t.getKey())) {
        changed.add(t.getKey());
      }
    }
    for (String id : changed) {
      if (++done % PROGRESS_EVERY == 0) {
        progress.indexed(Math.min(done, total), Math.max(done, total));
      }
      Document d =
          document(
              SearchHit.Kind.EVENT,
              id,
              Optional.empty(),
              summaries.get(id),
              tellers.getOrDefault(id, Set.of()));
      if (fresh) {
        writer.addDocument(d);
      } else {
        writer.updateDocument(key(SearchHit.Kind.EVENT, id), d);
      }
    }
    // no commit: nothing is ever to be read back from "disk"; the searchers read the writer's
    // buffers in memory (near-real-time)
    searchers.maybeRefreshBlocking();
    progress.indexed(Math.max(done, total), Math.max(done, total));
  }

  private static Term key(SearchHit.Kind kind, String id) {
    return new Term(KEY, kind.name() + ":" + id);
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
    d.add(new StringField(KEY, key(kind, id).text(), Field.Store.NO));
    d.add(new BinaryDocValuesField(REF, new BytesRef(key(kind, id).text())));
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
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return find(query, limit, visibleSources).hits();
  }

  /**
   * The hits of {@link #search(String, int, Set)} and the count of {@link #count(String, Set)}
   * together, from one pass over the index (the count is exact: every match is counted while the
   * best are kept).
   *
   * @param visibleSources the ids of the sources the user may read; null for no restriction
   */
  public Result find(String query, int limit, Set<String> visibleSources) {
    return find(query, limit, visibleSources, true);
  }

  /**
   * The hits and total of {@link #find}, each hit with the number of its matching words ({@link
   * SearchHit#matches}) but not their ranges: for a page that shows only how many there are. The
   * count is the number of ranges {@link #find} gives, read without the matches API (see {@link
   * MatchCounter}).
   *
   * @param visibleSources the ids of the sources the user may read; null for no restriction
   */
  public Result findCounted(String query, int limit, Set<String> visibleSources) {
    return find(query, limit, visibleSources, false);
  }

  private Result find(String query, int limit, Set<String> visibleSources, boolean ranges) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    Optional<Query> q = query(query);
    if (q.isEmpty()) {
      return new Result(List.of(), 0);
    }
    Optional<MatchCounter> counter = ranges ? Optional.empty() : MatchCounter.of(q.get());
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query rewritten = searcher.rewrite(q.get());
        TopDocs top =
            searcher.search(
                restricted(rewritten, visibleSources),
                new TopScoreDocCollectorManager(limit, null, Integer.MAX_VALUE));
        int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
        int[] counts =
            counter.isPresent() ? counter.get().count(searcher.getIndexReader(), docs) : null;
        // the passages come from the text query alone: the filter matches no words
        Weight weight =
            counts == null
                ? searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1)
                : null;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < docs.length; i++) {
          ScoreDoc sd = top.scoreDocs[i];
          // kind and id from the doc values: reading them as stored fields decompressed a block
          // of documents per hit, 15 % of the web application's CPU under load (webload9)
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
          BinaryDocValues refs = leaf.reader().getBinaryDocValues(REF);
          if (refs == null || !refs.advanceExact(sd.doc - leaf.docBase)) {
            throw new IllegalStateException("a hit without its reference: " + sd.doc);
          }
          String ref = refs.binaryValue().utf8ToString();
          int colon = ref.indexOf(':');
          SearchHit.Kind kind = SearchHit.Kind.valueOf(ref.substring(0, colon));
          String id = ref.substring(colon + 1);
          if (counts != null) {
            hits.add(new SearchHit(kind, id, sd.score, List.of(), counts[i]));
          } else {
            List<Passage.TextSpan> p = passages(searcher.getIndexReader(), weight, sd.doc);
            hits.add(new SearchHit(kind, id, sd.score, ranges ? p : List.of(), p.size()));
          }
        }
        return new Result(hits, Math.toIntExact(top.totalHits.value));
      } finally {
        searchers.release(searcher);
      }
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
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.count(restricted(q.get(), visibleSources));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query restricted(Query query, Set<String> visibleSources) {
    if (visibleSources == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(filter(visibleSources), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * The need-to-know filter of a set of visible sources, built once per distinct set. One source (a
   * testimony's page marking the query's words) is a term query, not kept: kept, each page would
   * push a user's whole set out of the filters kept.
   */
  private Query filter(Set<String> visibleSources) {
    if (visibleSources.size() == 1) {
      return new TermQuery(new Term(FROM, visibleSources.iterator().next()));
    }
    // a set that cannot change (Set.of, Set.copyOf) is looked up by identity first: the web's
    // kept sets are asked again and again, and hashing and comparing ~1,300 ids per search, under
    // this lock, was as costly as the filter it found
    boolean immutable = visibleSources.getClass() == IMMUTABLE_SET;
    synchronized (filters) {
      Query f = immutable ? byIdentity.get(visibleSources) : null;
      if (f != null) {
        return f;
      }
      f = filters.get(visibleSources);
      if (f == null) {
        Set<String> key = Set.copyOf(visibleSources);
        f = new TermInSetQuery(FROM, key.stream().map(BytesRef::new).toList());
        filters.put(key, f);
      }
      if (immutable) {
        if (byIdentity.size() >= 2 * FILTERS_KEPT) {
          byIdentity.clear();
        }
        byIdentity.put(visibleSources, f);
      }
      return f;
    }
  }

  /** The class of an immutable set of more than two elements (Set.of, Set.copyOf). */
  private static final Class<?> IMMUTABLE_SET = Set.of("a", "b", "c").getClass();

  /** Filters by the identity of an immutable set asked before (bounded; guarded by filters). */
  private final Map<Set<String>, Query> byIdentity = new java.util.IdentityHashMap<>();

  /** How often a search found its filter's documents kept (for tests). */
  long filterDocsHits() {
    return filterDocs.getHitCount();
  }

  /** How many need-to-know filters are kept now (for tests). */
  int filtersKept() {
    synchronized (filters) {
      return filters.size();
    }
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
  private static List<Passage.TextSpan> passages(
      org.apache.lucene.index.IndexReader reader, Weight weight, int doc) throws IOException {
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
      searchers.close();
      filterDocs.clear();
      writer.close();
      directory.close();
      for (Analyzer a : analyzers.values()) {
        a.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
