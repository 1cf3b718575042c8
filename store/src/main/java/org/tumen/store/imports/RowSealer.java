package org.tumen.store.imports;

import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tumen.store.Ids;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.IdentityDocument;

/**
 * Turns a checked row into a {@link SealedRow}: new ids, a new person's data key, and the record's
 * identity values sealed as one {@link IdentityDocument}. It runs on the reading thread, so that
 * the encryption overlaps the database's work on the writing thread (docs/benchmarks.md).
 */
final class RowSealer {

  static final String TABLE = "record";
  private static final String INDEX_FIELD = "name";
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final IdentityCodec codec;
  private final Ids ids;

  /**
   * @param ids an id source on a connection of the reading thread's own (sequences are not
   *     transactional, so ids taken there are as unique as the writer's)
   */
  RowSealer(IdentityCodec codec, Ids ids) {
    this.codec = codec;
    this.ids = ids;
  }

  /**
   * @param keys storage keys of the non-blank identity values
   * @param values those values
   * @param names the name values among them, in column order, for the record's blind index
   */
  SealedRow seal(
      String sourceRecordId,
      long rowNo,
      String sex,
      String birthPrecision,
      List<String> keys,
      List<String> values,
      List<String> names)
      throws SQLException {
    long personId = ids.next();
    long recordId = ids.next();
    byte[] key = codec.newPersonKey(personId);
    byte[] sealed =
        keys.isEmpty()
            ? null
            : codec
                .sealerFor(personId, key)
                .seal(
                    TABLE, recordId, IdentityDocument.FIELD, IdentityDocument.encode(keys, values));
    byte[] index = names.isEmpty() ? null : codec.blindIndex(INDEX_FIELD, blindKey(names));
    return new SealedRow(
        personId, key, recordId, sourceRecordId, rowNo, sex, birthPrecision, sealed, index);
  }

  /**
   * The normalised form a record's blind index is taken of: its name values, compatibility-
   * normalised, lower-case, without spaces, joined by "|", so that "Kim Chol" and "kim chol" index
   * alike. Linkage-grade keys (romanisation, surname variants) are the linkage module's business.
   */
  static String blindKey(List<String> names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      out.append(out.length() == 0 ? "" : "|").append(SPACES.matcher(s).replaceAll(""));
    }
    return out.toString();
  }
}
