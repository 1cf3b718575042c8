package org.tumen.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tumen.model.BadInputException;
import org.tumen.model.TextEncoding;

/**
 * One pass over a file's bytes before it is parsed: its SHA-256 (what makes re-imports idempotent),
 * its line count (the progress bar's total), and for CSV its character encoding.
 *
 * <p>The encoding is decided by {@link TextEncoding}, as for {@code tumen link}: UTF-8, else
 * EUC-KR/CP949, else refused at the first byte neither reads.
 */
final class FileScan {

  private static final int CHUNK = 1 << 20;

  /**
   * @param sha256 the content hash in lower-case hex
   * @param lines line feeds in the file, plus one if it does not end with one
   * @param charset the CSV file's encoding; null when not asked for
   */
  record Result(String sha256, long lines, Charset charset) {}

  private FileScan() {}

  static Result xlsx(ListFile file) throws IOException {
    return hashAndCount(file);
  }

  static Result csv(ListFile file, String where) throws IOException {
    Result r = hashAndCount(file);
    Charset charset;
    try {
      charset = TextEncoding.of(file, where);
    } catch (ImportProblem e) {
      throw e;
    } catch (BadInputException e) {
      throw new ImportProblem(e.where(), ImportProblem.Kind.ENCODING, e.problem(), e);
    }
    return new Result(r.sha256(), r.lines(), charset);
  }

  private static Result hashAndCount(ListFile file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    long lines = 0;
    int last = '\n';
    byte[] buf = new byte[CHUNK];
    try (InputStream in = file.open()) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
      }
    }
    return new Result(
        HexFormat.of().formatHex(sha.digest()), last == '\n' ? lines : lines + 1, null);
  }
}
