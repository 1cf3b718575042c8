package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of each import inside its transaction, so that what records it (the audit entry, the MAC of
 * the batch's facts) commits with the import or not at all (issue 12, finding 9): a crash can no
 * longer leave a list committed but unaudited. The protection package installs one when it unlocks.
 */
public interface ImportRecorder {

  /** Records nothing: a workspace without keys. */
  ImportRecorder NONE =
      new ImportRecorder() {
        @Override
        public void inTransaction(Connection c, ImportSummary s, long batchId, byte[] facts) {}

        @Override
        public void documented(Connection c, int sources, int acts, int sealedValues) {}

        @Override
        public void committed() {}
      };

  /**
   * Called after the batch's last row is written and before the commit, on the import's connection.
   *
   * @param facts the {@link BatchFacts} digest of the batch
   */
  void inTransaction(Connection c, ImportSummary summary, long batchId, byte[] facts)
      throws SQLException;

  /**
   * Called when documentation (sources, events, acts) has been written and before the commit, on
   * its connection: a save of documentation is recorded like an import, with the values it sealed.
   */
  void documented(Connection c, int sources, int acts, int sealedValues) throws SQLException;

  /** Called after the commit (to move the audit anchor). */
  void committed();

  /**
   * Called after the transaction has ended, committed or rolled back, on every path (to release the
   * audit trail's lock, which {@link #inTransaction} and {@link #documented} take).
   */
  default void ended() {}
}
