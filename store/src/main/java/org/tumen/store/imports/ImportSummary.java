package org.tumen.store.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one import did.
 *
 * @param list the list's name
 * @param file the file's name (without its folder)
 * @param format the format it was read as
 * @param encoding the character encoding of a CSV file ({@code UTF-8} or {@code x-windows-949});
 *     null for XLSX
 * @param records records stored by this import; for a repeated import, those stored the first time
 * @param sealedValues sealed values this import wrote: one identity document per record with any
 *     identity value, plus the file's name and each header (sealed since they come from the file);
 *     0 for a repeated import
 * @param columns each column's header and the field it was read as, in file order
 * @param extraColumns headers of the columns Tumen did not recognise, kept as extra attributes
 * @param datesKeptAsWritten birth dates in no known form, or ambiguous between day/month orders,
 *     kept only as written
 * @param sexKeptAsWritten sex values other than the known ones (F/M, 여/남, 女/男, ...)
 * @param alreadyImported true when this file was already imported into this list: nothing changed
 * @param importedAt when the file was (first) imported
 */
public record ImportSummary(
    String list,
    String file,
    ImportFormat format,
    String encoding,
    long records,
    long sealedValues,
    Map<String, String> columns,
    List<String> extraColumns,
    long datesKeptAsWritten,
    long sexKeptAsWritten,
    boolean alreadyImported,
    Instant importedAt) {

  public ImportSummary {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(importedAt, "importedAt");
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    extraColumns = List.copyOf(extraColumns);
    if (records < 0 || sealedValues < 0 || datesKeptAsWritten < 0 || sexKeptAsWritten < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }
}
