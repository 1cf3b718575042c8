package org.tumen.store.documentation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What counting reads of one save, in one compact value (docs/documentation.md, "Counting at
 * scale"; table {@code doc_count_segment}, V5_000): the same values {@link CountingReader} reads
 * from the six tables, in the order it reads them, so that replaying the segments of a workspace
 * gives the {@link org.tumen.model.documentation.CountingRecords} the tables give.
 *
 * <p>Why: H2 decodes every column of every row it scans (references, timestamps, units), about two
 * thirds of {@code tumen count}'s read; a segment holds only what counting needs, as
 * variable-length numbers, a few bytes per value (about 25 bytes an act).
 *
 * <p>Layout: a version byte; the segment's base id; six counts (events, chain rows beyond an
 * event's first link, information that tells an event, acts, involvements beyond an act's first,
 * citations beyond an act's first); a dictionary of codes (event and act types, places, institution
 * types); then the six sections. Ids are written as zig-zag numbers relative to the base, a date
 * end as {@code epochDay * 4 + precision} (1 year, 2 month, 3 day), a code as its number in the
 * dictionary.
 */
final class CountingSegment {

  private static final int VERSION = 1;

  /** No value (an event without a chain link, an act without a perpetrator). */
  static final long NONE = Long.MIN_VALUE;

  private CountingSegment() {}

  /** Receives a segment's values in the order they were read or written. */
  interface Sink {
    void event(
        long id,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        long next,
        long chainPerson);

    void chain(long event, long next, long person);

    void told(long event, long source);

    void act(
        long id,
        long event,
        long person,
        String group,
        int count,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        String perpetrator,
        long citedSource);

    void perpetrator(long act, String type);

    void cited(long act, long source);
  }

  /** Encodes what it is given; sections may be fed interleaved, each keeps its own order. */
  static final class Encoder implements Sink {
    private final long base;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final Out codes = new Out();
    private final Out events = new Out();
    private final Out chains = new Out();
    private final Out told = new Out();
    private final Out acts = new Out();
    private final Out perpetrators = new Out();
    private final Out cited = new Out();
    private int nEvents;
    private int nChains;
    private int nTold;
    private int nActs;
    private int nPerpetrators;
    private int nCited;
    private int nInformation;
    private long minId = Long.MAX_VALUE;
    private long maxId = Long.MIN_VALUE;

    Encoder(long base) {
      this.base = base;
    }

    int events() {
      return nEvents;
    }

    int chains() {
      return nChains;
    }

    /** Information rows (of which those that tell an event are in the segment). */
    int information() {
      return nInformation;
    }

    /** An information row: counted, and spanned, though only its event and source are kept. */
    void information(long id) {
      span(id);
      nInformation++;
    }

    int acts() {
      return nActs;
    }

    int involvements() {
      return nPerpetrators;
    }

    int citations() {
      return nCited;
    }

    /** The least and greatest row id of an event, information or act in the segment. */
    long minId() {
      return minId;
    }

    long maxId() {
      return maxId;
    }

    boolean isEmpty() {
      return nEvents == 0 && nActs == 0 && nChains == 0 && nInformation == 0;
    }

    private void span(long id) {
      minId = Math.min(minId, id);
      maxId = Math.max(maxId, id);
    }

    @Override
    public void event(
        long id,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        long next,
        long chainPerson) {
      span(id);
      events.id(id, base);
      events.varint(code(type));
      events.day(startDay, startPrecision);
      events.day(endDay, endPrecision);
      events.varint(code(place));
      if (next == NONE) {
        events.varint(0);
      } else {
        events.varint(1);
        events.id(next, base);
        events.id(chainPerson, base);
      }
      nEvents++;
    }

    @Override
    public void chain(long event, long next, long person) {
      chains.id(event, base);
      chains.id(next, base);
      chains.id(person, base);
      nChains++;
    }

    @Override
    public void told(long event, long source) {
      told.id(event, base);
      told.id(source, base);
      nTold++;
    }

    @Override
    public void act(
        long id,
        long event,
        long person,
        String group,
        int count,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        String perpetrator,
        long citedSource) {
      span(id);
      int flags =
          (group != null ? 1 : 0) | (perpetrator != null ? 2 : 0) | (citedSource != NONE ? 4 : 0);
      acts.varint(flags);
      acts.id(id, base);
      acts.id(event, base);
      if (group != null) {
        acts.string(group);
      } else {
        acts.id(person, base);
      }
      acts.varint(count);
      acts.varint(code(type));
      acts.day(startDay, startPrecision);
      acts.day(endDay, endPrecision);
      acts.varint(code(place));
      if (perpetrator != null) {
        acts.varint(code(perpetrator));
      }
      if (citedSource != NONE) {
        acts.id(citedSource, base);
      }
      nActs++;
    }

    @Override
    public void perpetrator(long act, String type) {
      perpetrators.id(act, base);
      perpetrators.varint(code(type));
      nPerpetrators++;
    }

    @Override
    public void cited(long act, long source) {
      cited.id(act, base);
      cited.id(source, base);
      nCited++;
    }

    private int code(String s) {
      Integer n = dictionary.get(s);
      if (n == null) {
        n = dictionary.size();
        dictionary.put(s, n);
        codes.string(s);
      }
      return n;
    }

    byte[] bytes() {
      Out out = new Out();
      out.varint(VERSION);
      out.zigzag(base);
      out.varint(nEvents);
      out.varint(nChains);
      out.varint(nTold);
      out.varint(nActs);
      out.varint(nPerpetrators);
      out.varint(nCited);
      out.varint(dictionary.size());
      out.append(codes);
      for (Out section : new Out[] {events, chains, told, acts, perpetrators, cited}) {
        out.append(section);
      }
      return Arrays.copyOf(out.buf, out.size);
    }
  }

  /** Replays a segment's values into {@code sink}, section by section. */
  static void decode(byte[] data, Sink sink) {
    In in = new In(data);
    Header h = header(in);
    events(h, in, sink);
    acts(h, in, sink);
  }

  /**
   * Replays the event sections only (events, chains, information): with {@link #decodeActs} on
   * another thread, the two halves of a segment at once. Both halves together give {@code sink}s
   * the calls {@link #decode} gives, each half's in the same order.
   */
  static void decodeEvents(byte[] data, Sink sink) {
    In in = new In(data);
    events(header(in), in, sink);
  }

  /** Replays the act sections only (acts, perpetrators, citations); see {@link #decodeEvents}. */
  static void decodeActs(byte[] data, Sink sink) {
    In in = new In(data);
    Header h = header(in);
    skipEvents(h, in);
    acts(h, in, sink);
  }

  private record Header(
      long base,
      int events,
      int chains,
      int told,
      int acts,
      int perpetrators,
      int cited,
      String[] codes) {}

  private static Header header(In in) {
    int version = (int) in.varint();
    if (version != VERSION) {
      throw new IllegalStateException("a counting segment of unknown version " + version);
    }
    long base = in.zigzag();
    int nEvents = (int) in.varint();
    int nChains = (int) in.varint();
    int nTold = (int) in.varint();
    int nActs = (int) in.varint();
    int nPerpetrators = (int) in.varint();
    int nCited = (int) in.varint();
    String[] codes = new String[(int) in.varint()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = in.string();
    }
    return new Header(base, nEvents, nChains, nTold, nActs, nPerpetrators, nCited, codes);
  }

  private static void events(Header h, In in, Sink sink) {
    long base = h.base();
    String[] codes = h.codes();
    for (int i = 0; i < h.events(); i++) {
      long id = in.id(base);
      String type = codes[(int) in.varint()];
      long start = in.zigzag();
      long end = in.zigzag();
      String place = codes[(int) in.varint()];
      long next = NONE;
      long person = NONE;
      if (in.varint() == 1) {
        next = in.id(base);
        person = in.id(base);
      }
      sink.event(
          id,
          type,
          Math.floorDiv(start, 4),
          (int) Math.floorMod(start, 4),
          Math.floorDiv(end, 4),
          (int) Math.floorMod(end, 4),
          place,
          next,
          person);
    }
    for (int i = 0; i < h.chains(); i++) {
      sink.chain(in.id(base), in.id(base), in.id(base));
    }
    for (int i = 0; i < h.told(); i++) {
      sink.told(in.id(base), in.id(base));
    }
  }

  /** Reads past the event sections, as {@link #events} would, without replaying them. */
  private static void skipEvents(Header h, In in) {
    for (int i = 0; i < h.events(); i++) {
      in.skip(4); // id, type, start, end
      in.varint(); // place
      if (in.varint() == 1) {
        in.skip(2); // next, person
      }
    }
    in.skip(3L * h.chains());
    in.skip(2L * h.told());
  }

  private static void acts(Header h, In in, Sink sink) {
    long base = h.base();
    String[] codes = h.codes();
    for (int i = 0; i < h.acts(); i++) {
      int flags = (int) in.varint();
      long id = in.id(base);
      long event = in.id(base);
      String group = null;
      long person = NONE;
      if ((flags & 1) != 0) {
        group = in.string();
      } else {
        person = in.id(base);
      }
      int count = (int) in.varint();
      String type = codes[(int) in.varint()];
      long start = in.zigzag();
      long end = in.zigzag();
      String place = codes[(int) in.varint()];
      String perpetrator = (flags & 2) != 0 ? codes[(int) in.varint()] : null;
      long cited = (flags & 4) != 0 ? in.id(base) : NONE;
      sink.act(
          id,
          event,
          person,
          group,
          count,
          type,
          Math.floorDiv(start, 4),
          (int) Math.floorMod(start, 4),
          Math.floorDiv(end, 4),
          (int) Math.floorMod(end, 4),
          place,
          perpetrator,
          cited);
    }
    for (int i = 0; i < h.perpetrators(); i++) {
      long act = in.id(base);
      sink.perpetrator(act, codes[(int) in.varint()]);
    }
    for (int i = 0; i < h.cited(); i++) {
      sink.cited(in.id(base), in.id(base));
    }
    if (in.at != in.buf.length) {
      throw new IllegalStateException(
          "a counting segment with " + (in.buf.length - in.at) + " bytes left over");
    }
  }

  private static final class Out {
    byte[] buf = new byte[256];
    int size;

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    void varint(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    void zigzag(long v) {
      varint((v << 1) ^ (v >> 63));
    }

    void id(long id, long base) {
      zigzag(id - base);
    }

    void day(long epochDay, int precision) {
      if (precision < 1 || precision > 3) {
        throw new IllegalArgumentException("a date precision of " + precision);
      }
      zigzag(epochDay * 4 + precision);
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    void append(Out o) {
      room(o.size);
      System.arraycopy(o.buf, 0, buf, size, o.size);
      size += o.size;
    }
  }

  private static final class In {
    private final byte[] buf;
    int at;

    In(byte[] buf) {
      this.buf = buf;
    }

    long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        if (at == buf.length) {
          throw new IllegalStateException("a counting segment cut short");
        }
        byte b = buf[at++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
        if (shift > 63) {
          throw new IllegalStateException("a counting segment with a number too long");
        }
      }
    }

    long zigzag() {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    long id(long base) {
      return zigzag() + base;
    }

    /** Reads past {@code n} numbers. */
    void skip(long n) {
      for (long i = 0; i < n; i++) {
        varint();
      }
    }

    String string() {
      int n = (int) varint();
      if (n < 0 || n > buf.length - at) {
        throw new IllegalStateException("a counting segment cut short");
      }
      String s = new String(buf, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }
  }
}
