package org.tumen.document.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Counts the ranges of a hit's matching words without Lucene's matches API and without making them
 * spans: the results page shows only how many there are, and the matches API (a scorer tree per
 * hit, every language's alternative, then a list of spans sorted and merged) was a third of a
 * search's CPU (docs/web.md, "Counting a hit's matches"). Here each word's postings are read once
 * per index segment for all the hits in it, in document order.
 *
 * <p>The query is a disjunction of alternatives (a form of the query analysed by one language),
 * each a conjunction of words. A text's matching words are those of every alternative whose words
 * it all holds; their ranges are counted as {@link TestimonySearch#find} merges them (overlapping
 * or touching ranges are one: 工厂 in an English field is 工 and 厂), so offsets are still read, but
 * into packed longs, not objects.
 */
final class MatchCounter {

  private final List<Set<Term>> alternatives;
  private final List<Term> terms;

  private MatchCounter(List<Set<Term>> alternatives) {
    this.alternatives = alternatives;
    Set<Term> all = new LinkedHashSet<>();
    alternatives.forEach(all::addAll);
    this.terms = List.copyOf(all);
  }

  /** A counter for a query of the shape {@link TestimonySearch} builds; empty for another shape. */
  static Optional<MatchCounter> of(Query query) {
    if (!(query instanceof BooleanQuery any)) {
      return Optional.empty();
    }
    List<Set<Term>> alternatives = new ArrayList<>();
    for (BooleanClause c : any.clauses()) {
      if (c.getOccur() != BooleanClause.Occur.SHOULD) {
        return Optional.empty();
      }
      Set<Term> words = new LinkedHashSet<>();
      if (c.getQuery() instanceof TermQuery t) {
        words.add(t.getTerm());
      } else if (c.getQuery() instanceof BooleanQuery all) {
        for (BooleanClause w : all.clauses()) {
          if (w.getOccur() != BooleanClause.Occur.MUST || !(w.getQuery() instanceof TermQuery t)) {
            return Optional.empty();
          }
          words.add(t.getTerm());
        }
      } else {
        return Optional.empty(); // a synonym or phrase: count by offsets instead
      }
      alternatives.add(words);
    }
    return alternatives.isEmpty() ? Optional.empty() : Optional.of(new MatchCounter(alternatives));
  }

  /**
   * The matching words of each document, in the order given; each segment's postings are read once
   * for all the hits in it, in document order.
   */
  int[] count(IndexReader reader, int[] docs) throws IOException {
    // per hit and word: its ranges, each packed as start << 32 | end so that sorting orders them
    long[][][] ranges = new long[docs.length][terms.size()][];
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = reader.leaves();
    int at = 0;
    while (at < order.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[at]], leaves));
      int end = at;
      while (end < order.length && docs[order[end]] < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      Map<String, TermsEnum> fields = new HashMap<>();
      for (int t = 0; t < terms.size(); t++) {
        Term term = terms.get(t);
        TermsEnum te =
            fields.computeIfAbsent(
                term.field(),
                f -> {
                  try {
                    Terms in = leaf.reader().terms(f);
                    return in == null ? null : in.iterator();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        if (te == null || !te.seekExact(term.bytes())) {
          continue;
        }
        PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
        for (int k = at; k < end; k++) {
          int doc = docs[order[k]] - leaf.docBase;
          if (postings.docID() < doc) {
            postings.advance(doc);
          }
          if (postings.docID() == doc) {
            long[] r = new long[postings.freq()];
            int n = 0;
            for (int i = 0; i < r.length; i++) {
              postings.nextPosition();
              int start = postings.startOffset();
              int stop = postings.endOffset();
              if (start >= 0 && stop > start) {
                r[n++] = (long) start << 32 | stop;
              }
            }
            ranges[order[k]][t] = n == r.length ? r : Arrays.copyOf(r, n);
          }
        }
      }
      at = end;
    }
    int[] out = new int[docs.length];
    for (int d = 0; d < docs.length; d++) {
      long[][] r = ranges[d];
      Set<Integer> matched = new java.util.TreeSet<>();
      for (Set<Term> alternative : alternatives) {
        List<Integer> words = alternative.stream().map(terms::indexOf).toList();
        if (words.stream().allMatch(i -> r[i] != null && r[i].length > 0)) {
          matched.addAll(words);
        }
      }
      out[d] = merged(matched.stream().map(i -> r[i]).toList());
    }
    return out;
  }

  /**
   * How many ranges remain when overlapping or touching ones are merged, as the marks merge them.
   */
  private static int merged(List<long[]> words) {
    long[] all = new long[words.stream().mapToInt(w -> w.length).sum()];
    int n = 0;
    for (long[] w : words) {
      System.arraycopy(w, 0, all, n, w.length);
      n += w.length;
    }
    Arrays.sort(all);
    int count = 0;
    long end = -1;
    for (long r : all) {
      int start = (int) (r >>> 32);
      int stop = (int) r;
      if (count > 0 && start <= end) {
        end = Math.max(end, stop);
      } else {
        count++;
        end = stop;
      }
    }
    return count;
  }
}
