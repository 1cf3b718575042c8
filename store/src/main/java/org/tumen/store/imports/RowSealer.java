package org.tumen.store.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.IdentityDocument;

/**
 * Turns a checked row into a {@link SealedRow}: a new data key for its person, and its identity
 * values sealed as one {@link IdentityDocument}. It runs on a thread of its own (see {@link
 * RowPipeline}); one thread, so that the codec derives consecutive persons' keys incrementally.
 */
final class RowSealer {

  static final String TABLE = "record";
  private static final String INDEX_FIELD = "name";
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final IdentityCodec codec;

  RowSealer(IdentityCodec codec) {
    this.codec = codec;
  }

  SealedRow seal(CheckedRow r) {
    byte[] key = codec.newPersonKey(r.personId());
    byte[] sealed =
        r.keys().isEmpty()
            ? null
            : codec
                .sealerFor(r.personId(), key)
                .seal(
                    TABLE,
                    r.recordId(),
                    IdentityDocument.FIELD,
                    IdentityDocument.encode(r.keys(), r.values()));
    byte[] index = r.names().isEmpty() ? null : codec.blindIndex(INDEX_FIELD, blindKey(r.names()));
    return new SealedRow(
        r.personId(),
        key,
        r.recordId(),
        r.sourceRecordId(),
        r.rowNo(),
        r.sex(),
        r.birthPrecision(),
        sealed,
        index);
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
