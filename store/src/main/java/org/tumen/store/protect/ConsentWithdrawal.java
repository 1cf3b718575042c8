package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.ConsentUse;

/**
 * {@code tumen document withdraw}: a source withdraws its consent to one use. The withdrawal is
 * recorded on the consent (with its day) and in the audit trail; withdrawing consent to
 * <em>store</em> also destroys the source's key as {@link Forgetting} destroys a person's, so its
 * testimony (and any summary sealed under it) can never be opened again, while the codes, dates and
 * places that counts read stay.
 */
public final class ConsentWithdrawal {

  /** What the withdrawal did. */
  public record Result(
      String source, ConsentUse use, LocalDate on, boolean alreadyWithdrawn, int valuesDestroyed) {}

  private final Protection protection;

  public ConsentWithdrawal(Protection protection) {
    this.protection = protection;
  }

  /**
   * Withdraws {@code use} for the source {@code sourceRef} on {@code on}. Running it again is
   * harmless and finishes a withdrawal to store interrupted between its two steps.
   *
   * @throws BadInputException for an unknown source, a use never consented to, or a day before the
   *     consent was given
   */
  public Result withdraw(String sourceRef, ConsentUse use, LocalDate on) {
    String code = use.name().toLowerCase(Locale.ROOT).replace('_', '-');
    long keyPerson;
    LocalDate withdrawn;
    boolean already;
    try (Connection c = protection.transaction()) {
      try {
        long sourceId;
        try (PreparedStatement ps =
            c.prepareStatement("SELECT id, key_person_id FROM doc_source WHERE ref = ?")) {
          ps.setString(1, sourceRef);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new BadInputException("--source", "no source " + sourceRef + " is stored");
            }
            sourceId = rs.getLong(1);
            keyPerson = rs.getLong(2);
          }
        }
        LocalDate given;
        LocalDate before;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT given_on, withdrawn_on FROM doc_consent"
                    + " WHERE source_id = ? AND consent_use = ?")) {
          ps.setLong(1, sourceId);
          ps.setString(2, code);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new BadInputException(
                  "--use", "source " + sourceRef + " never gave consent to " + code);
            }
            given = rs.getObject(1, LocalDate.class);
            before = rs.getObject(2, LocalDate.class);
          }
        }
        already = before != null;
        withdrawn = already ? before : on;
        if (!already) {
          if (on.isBefore(given)) {
            throw new BadInputException(
                "--on", "the consent to " + code + " was given on " + given + ", after " + on);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE doc_consent SET withdrawn_on = ? WHERE source_id = ? AND consent_use = ?")) {
            ps.setObject(1, on);
            ps.setLong(2, sourceId);
            ps.setString(3, code);
            ps.executeUpdate();
          }
          protection
              .audit()
              .append(
                  c,
                  Protection.actor(),
                  "withdraw-consent",
                  "source " + sourceRef,
                  "use=" + code + " on=" + on);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot withdraw consent: " + e.getMessage(), e);
    } finally {
      protection.audit().transactionEnded();
    }
    if (!already) {
      protection.audit().anchor();
    }
    int destroyed = 0;
    if (use == ConsentUse.STORE) {
      Forgetting.Result r = new Forgetting(protection).forget(keyPerson);
      destroyed = r.valuesDeleted();
      already = already && r.alreadyForgotten();
    }
    return new Result(sourceRef, use, withdrawn, already, destroyed);
  }
}
