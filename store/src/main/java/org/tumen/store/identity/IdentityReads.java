package org.tumen.store.identity;

/**
 * Told before identity values are opened, so that every read of an identity leaves a trace first
 * (docs/threat-model.md, "Audit trail"). A protected workspace's implementation appends to the
 * audit trail and commits before it returns; if it throws, nothing is opened.
 *
 * <p>Callers pass only what is not identifying: list names, ids, counts and a purpose written by
 * the program (never a value read from a list).
 */
public interface IdentityReads {

  /**
   * Before the records of a whole list are opened (a bulk read, e.g. for linkage).
   *
   * @param list the list's name
   * @param records how many records the read will open
   * @param purpose why, e.g. the command: {@code "tumen demo: link the lists"}
   */
  void beforeList(String list, long records, String purpose);

  /**
   * Before the values of one record or one person are opened ("show this witness").
   *
   * @param table {@code "record"} or {@code "person"}
   * @param id the record's or person's Tumen id
   * @param purpose why
   */
  void beforeOne(String table, long id, String purpose);

  /**
   * Before one row's identity is shown to a person, naming the fields shown (never their values).
   * The protected workspace's audit writes the web's showing entry ({@code fields=… purpose=…});
   * this default, for other implementations, says the same through {@link #beforeOne}.
   */
  default void beforeShowing(
      String table, long id, java.util.Collection<String> fields, String purpose) {
    beforeOne(table, id, "fields=" + String.join(",", fields) + " " + purpose);
  }

  /**
   * Before the sealed values of the stored documentation (testimonies, event summaries) are opened.
   *
   * @param values how many sealed values the read will open
   * @param purpose why
   */
  void beforeDocumentation(long values, String purpose);

  /**
   * For a workspace without keys: it has no audit trail to write to (the trail's MAC key lives in
   * the key file), and nothing sealed to protect.
   */
  IdentityReads NOT_AUDITED =
      new IdentityReads() {
        @Override
        public void beforeList(String list, long records, String purpose) {}

        @Override
        public void beforeOne(String table, long id, String purpose) {}

        @Override
        public void beforeDocumentation(long values, String purpose) {}
      };
}
