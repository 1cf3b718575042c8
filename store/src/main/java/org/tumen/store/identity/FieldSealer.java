package org.tumen.store.identity;

/**
 * Seals and opens the identity values of one person. The table, row and field are the associated
 * data of each value: an implementation must make a sealed value fail to open anywhere else.
 */
public interface FieldSealer {

  /**
   * @param table the table of the row the value belongs to, e.g. {@code "record"}
   * @param rowId that row's id
   * @param field the field name, e.g. {@code "full_name"}
   * @param plaintext the value; never null or empty (the store stores no row for a blank value)
   */
  byte[] seal(String table, long rowId, String field, String plaintext);

  /**
   * The inverse of {@link #seal} for the same table, row and field.
   *
   * @throws IllegalStateException if the value does not open (wrong key, moved or altered value)
   */
  String open(String table, long rowId, String field, byte[] sealed);
}
