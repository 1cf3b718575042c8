package org.tumen.store.imports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A digest of everything an import batch stored that is not sealed: the batch's id, list and
 * content key, and for each record, in id order, its ids, list, row, person, sex, birth-date
 * precision, blind index and the length of its sealed document. The protection package MACs it
 * (docs/threat-model.md, "Non-identity data"), so that moving a record to another list, changing a
 * sex, or adding, removing or re-linking records is detected by {@code tumen audit verify}. The
 * sealed documents themselves are authenticated by their AEAD (bound to record and person).
 *
 * <p>Made twice: by the importer as it writes, and by a check that reads the rows back.
 */
public final class BatchFacts {

  private static final byte[] DOMAIN =
      "tumen/import-batch-facts/v1".getBytes(StandardCharsets.UTF_8);

  private final MessageDigest sha;
  private final ByteBuffer fixed = ByteBuffer.allocate(8 * 5 + 2 + 4);
  private long rows;

  public BatchFacts(long batchId, long sourceId, String list, String contentKey) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    sha.update(DOMAIN);
    longs(batchId, sourceId);
    text(list);
    text(contentKey);
  }

  /**
   * Adds one record; call in increasing record id.
   *
   * @param sealedLength the length of its sealed document, or -1 when it has none
   */
  public void add(
      long recordId,
      long sourceId,
      long personId,
      String sourceRecordId,
      long rowNo,
      String sex,
      String birthPrecision,
      int sealedLength,
      byte[] nameIndex) {
    fixed.clear();
    fixed.putLong(recordId).putLong(sourceId).putLong(personId).putLong(rowNo);
    fixed.put(code(sex)).put(code(birthPrecision));
    fixed.putInt(sealedLength);
    sha.update(fixed.array(), 0, fixed.position());
    text(sourceRecordId);
    bytes(nameIndex);
    rows++;
  }

  /** The digest, with the number of records; the object is spent. */
  public byte[] finish() {
    longs(rows, -1);
    return sha.digest();
  }

  public long rows() {
    return rows;
  }

  private static byte code(String oneLetter) {
    return oneLetter == null || oneLetter.isEmpty() ? 0 : (byte) oneLetter.charAt(0);
  }

  private void longs(long a, long b) {
    sha.update(ByteBuffer.allocate(16).putLong(a).putLong(b).array());
  }

  private void text(String s) {
    bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] b) {
    sha.update(ByteBuffer.allocate(4).putInt(b == null ? -1 : b.length).array());
    if (b != null) {
      sha.update(b);
    }
  }
}
