package org.tumen.store;

/** The little SQL that differs between the two databases; the schema itself is identical. */
enum Dialect {
  H2("SELECT NEXT VALUE FOR tumen_id"),
  POSTGRESQL("SELECT nextval('tumen_id')");

  private final String nextIdBlock;

  Dialect(String nextIdBlock) {
    this.nextIdBlock = nextIdBlock;
  }

  String nextIdBlock() {
    return nextIdBlock;
  }
}
