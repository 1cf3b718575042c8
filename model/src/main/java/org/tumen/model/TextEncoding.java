package org.tumen.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character encoding of an organisation's text file, decided the same way wherever Tumen reads
 * one ({@code tumen import}, {@code tumen link}).
 *
 * <p>Korean NGOs' files are UTF-8 or EUC-KR/CP949. A file is read as UTF-8 if it decodes strictly
 * as UTF-8 (real CP949 text almost never does, since its lead bytes 0x81–0xFE are followed by bytes
 * UTF-8 forbids), else as CP949 (a superset of EUC-KR) if it decodes strictly as that; otherwise it
 * is refused at the first byte that neither can read.
 */
public final class TextEncoding {

  /** Java's name for Microsoft's code page 949 (Unified Hangul Code), a superset of EUC-KR. */
  public static final Charset CP949 = Charset.forName("x-windows-949");

  private static final int CHUNK = 1 << 20;

  private TextEncoding() {}

  /** Bytes that can be read more than once from the start: a file, or a file held in memory. */
  @FunctionalInterface
  public interface Bytes {
    InputStream open() throws IOException;
  }

  /**
   * UTF-8 or CP949, whichever decodes the whole file strictly (UTF-8 first).
   *
   * @param where the file's name in messages
   * @throws BadInputException naming the line and byte that neither encoding can read
   * @throws IOException if the file cannot be read
   */
  public static Charset of(Path file, String where) throws IOException {
    return of(() -> Files.newInputStream(file), where);
  }

  /** As {@link #of(Path, String)}, for bytes that are not (or not only) in a file. */
  public static Charset of(Bytes file, String where) throws IOException {
    long utf8 = firstUndecodable(file, StandardCharsets.UTF_8);
    if (utf8 < 0) {
      return StandardCharsets.UTF_8;
    }
    long cp949 = firstUndecodable(file, CP949);
    if (cp949 < 0) {
      return CP949;
    }
    // The encoding that read further is the likelier one; its failure is the useful place.
    long offset = Math.max(utf8, cp949);
    long[] lineAndStart = lineOf(file, offset);
    int bad = byteAt(file, offset);
    throw new BadInputException(
        BadInputException.at(where, lineAndStart[0], 0),
        String.format(
            "byte %d of the file (byte %d of the line, 0x%02X) is neither UTF-8 nor EUC-KR/CP949"
                + " text; save the file as UTF-8",
            offset, offset - lineAndStart[1] + 1, bad));
  }

  /** The offset of the first byte that {@code charset} cannot decode strictly, or -1. */
  private static long firstUndecodable(Bytes file, Charset charset) throws IOException {
    CharsetDecoder dec =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK + 16);
    long base = 0;
    try (var ch = Channels.newChannel(file.open())) {
      boolean eof = false;
      while (!eof) {
        eof = ch.read(in) < 0;
        in.flip();
        CoderResult r = dec.decode(in, out, eof);
        if (r.isError()) {
          return base + in.position();
        }
        out.clear();
        base += in.position();
        in.compact();
      }
      if (dec.flush(out).isError()) {
        return base;
      }
    }
    return -1;
  }

  /** The 1-based line holding byte {@code offset}, and the offset where that line starts. */
  private static long[] lineOf(Bytes file, long offset) throws IOException {
    long line = 1;
    long start = 0;
    long pos = 0;
    byte[] buf = new byte[CHUNK];
    try (InputStream in = file.open()) {
      for (int n; pos < offset && (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n && pos < offset; i++, pos++) {
          if (buf[i] == '\n') {
            line++;
            start = pos + 1;
          }
        }
      }
    }
    return new long[] {line, start};
  }

  private static int byteAt(Bytes file, long offset) throws IOException {
    try (InputStream in = file.open()) {
      in.skipNBytes(offset);
      int b = in.read();
      return b < 0 ? 0 : b;
    } catch (java.io.EOFException e) {
      return 0;
    }
  }
}
