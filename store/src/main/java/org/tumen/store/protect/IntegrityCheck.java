package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.tumen.store.imports.BatchFacts;

/**
 * Checks what is not an identity (issue 12, findings 7 and 9): every import batch's facts against
 * their MAC, every record against a batch, and every person against a record or act. Reads no
 * identity, so it is not a read of identities in the audit trail.
 */
public final class IntegrityCheck {

  /** The outcome: whole, or the first problem found. */
  public record Result(long batches, long records, long persons, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final Protection protection;

  public IntegrityCheck(Protection protection) {
    this.protection = protection;
  }

  public Result run() {
    BatchMacs macs = protection.batchMacs();
    try (Connection c = protection.transaction()) {
      try {
        Map<Long, BatchMacs.Batch> batches = BatchMacs.batches(c);
        Map<Long, BatchFacts> facts = new HashMap<>();
        for (BatchMacs.Batch b : batches.values()) {
          facts.put(b.id(), b.facts());
        }
        long[] persons = new long[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(BatchMacs.RECORDS + " ORDER BY id")) {
          ps.setFetchSize(1000);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              BatchFacts f = facts.get(rs.getLong(10));
              if (f == null) {
                return problem(
                    batches.size(),
                    n,
                    "record " + rs.getLong(1) + " belongs to no import batch: added outside Tumen");
              }
              BatchMacs.add(f, rs);
              if (n == persons.length) {
                persons = Arrays.copyOf(persons, n * 2);
              }
              persons[n++] = rs.getLong(3);
            }
          }
        }
        for (BatchMacs.Batch b : batches.values()) {
          if (!macs.valid(b, facts.get(b.id()).finish())) {
            return problem(
                batches.size(),
                n,
                "the records of list '"
                    + b.list()
                    + "' (import batch "
                    + b.id()
                    + ") were changed outside Tumen: a record's list, sex, person, row or"
                    + " blind index, or a record added or removed (the batch's MAC fails)");
          }
        }
        long[] referenced = Arrays.copyOf(persons, n);
        Arrays.sort(referenced);
        long[] orphan = {0, -1};
        long personCount = 0;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.id FROM person p WHERE NOT EXISTS"
                    + " (SELECT 1 FROM doc_person d WHERE d.person_id = p.id) AND NOT EXISTS"
                    + " (SELECT 1 FROM doc_source s WHERE s.key_person_id = p.id) ORDER BY p.id")) {
          ps.setFetchSize(1000);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              personCount++;
              long id = rs.getLong(1);
              if (Arrays.binarySearch(referenced, id) < 0) {
                if (orphan[0]++ == 0) {
                  orphan[1] = id;
                }
              }
            }
          }
        }
        if (orphan[0] > 0) {
          return new Result(
              batches.size(),
              n,
              personCount,
              orphan[0]
                  + " person"
                  + (orphan[0] == 1 ? "" : "s")
                  + " (the first: "
                  + orphan[1]
                  + ") belong to no record, documentation or source: added outside Tumen, or left by an import"
                  + " that did not finish");
        }
        return new Result(batches.size(), n, personCount, null);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the workspace: " + e.getMessage(), e);
    }
  }

  private static Result problem(long batches, long records, String problem) {
    return new Result(batches, records, 0, problem);
  }
}
