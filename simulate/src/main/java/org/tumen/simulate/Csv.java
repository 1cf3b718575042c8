package org.tumen.simulate;

import org.apache.commons.csv.CSVFormat;

/** The CSV dialect of every file the simulator writes: RFC 4180 quoting, LF line ends, UTF-8. */
final class Csv {
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private Csv() {}
}
