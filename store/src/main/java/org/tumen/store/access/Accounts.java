package org.tumen.store.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.tumen.model.BadInputException;

/**
 * The web application's accounts (table {@code web_account}). Plain JDBC; the web module hashes
 * passwords and seals secrets before they reach here.
 */
public final class Accounts {

  /**
   * Lower-case letters, digits, dot, dash, underscore: a login is a handle, not a person's name.
   */
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private static final String COLUMNS =
      "id, login, role, password_hash, secret_salt, totp_sealed, recovery_sealed, display_sealed,"
          + " language, interviewer_code, enrolled, last_totp_step, failed_attempts, locked_until,"
          + " disabled, created_at, factor_escrow, must_change_password,"
          + " password_reset_at";

  /**
   * Ids are the next after the largest: writers of this process take turns (each call of {@code
   * session.accounts()} makes a new object, so the lock is the class's). Another process racing
   * would fail on the primary key, never write twice.
   */
  static final Object WRITES = new Object();

  private final DataSource dataSource;

  public Accounts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A new account's fields. */
  public record NewAccount(
      String login,
      Role role,
      String passwordHash,
      byte[] secretSalt,
      byte[] totpSealed,
      byte[] recoverySealed,
      String language,
      String interviewerCode) {}

  /** Refuses a login that is not a plain lower-case handle of 2 to 64 characters. */
  public static String checkLogin(String login) {
    if (login == null || !LOGIN.matcher(login).matches()) {
      throw new BadInputException(
          "login",
          "use 2 to 64 lower-case letters, digits, '.', '-' or '_' (a handle, not a person's name)");
    }
    return login;
  }

  /**
   * Creates an account; returns its id. The id is the next after the largest (restores keep them).
   */
  public long create(NewAccount a) {
    checkLogin(a.login());
    synchronized (WRITES) {
      return insert(a);
    }
  }

  private long insert(NewAccount a) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (byLogin(c, a.login()).isPresent()) {
          throw new BadInputException("login", "an account called '" + a.login() + "' exists");
        }
        long id = nextId(c, "web_account");
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO web_account ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, FALSE, 0, 0, NULL, FALSE, ?, NULL,"
                    + " FALSE, NULL)")) {
          ps.setLong(1, id);
          ps.setString(2, a.login());
          ps.setString(3, a.role().code());
          ps.setString(4, a.passwordHash());
          ps.setBytes(5, a.secretSalt());
          ps.setBytes(6, a.totpSealed());
          ps.setBytes(7, a.recoverySealed());
          ps.setString(8, a.language());
          ps.setString(9, a.interviewerCode());
          ps.setString(10, Instant.now().toString());
          ps.executeUpdate();
        }
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("create an account", e);
    }
  }

  static long nextId(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  public Optional<Account> byLogin(String login) {
    try (Connection c = dataSource.getConnection()) {
      return byLogin(c, login);
    } catch (SQLException e) {
      throw failure("read an account", e);
    }
  }

  private static Optional<Account> byLogin(Connection c, String login) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM web_account WHERE login = ?", login);
  }

  public Optional<Account> byId(long id) {
    try (Connection c = dataSource.getConnection()) {
      return one(c, "SELECT " + COLUMNS + " FROM web_account WHERE id = ?", id);
    } catch (SQLException e) {
      throw failure("read an account", e);
    }
  }

  /** Every account, by login. */
  public List<Account> all() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM web_account ORDER BY login");
        ResultSet rs = ps.executeQuery()) {
      List<Account> out = new ArrayList<>();
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the accounts", e);
    }
  }

  /** The number of accounts. */
  public long count() {
    return all().size();
  }

  /**
   * One failed sign-in: counts it, and locks the account for {@code lockFor} once it reaches {@code
   * maxFailures} in a row.
   */
  public void recordFailure(long id, int maxFailures, Duration lockFor) {
    Instant until = Instant.now().plus(lockFor);
    update(
        "UPDATE web_account SET failed_attempts = failed_attempts + 1,"
            + " locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END"
            + " WHERE id = ?",
        maxFailures,
        until.toString(),
        id);
  }

  /** A complete sign-in: the failure count starts again. */
  public void recordSuccess(long id) {
    update("UPDATE web_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?", id);
  }

  /**
   * Takes TOTP time step {@code step} for the account if it is later than every step used before;
   * false when it was already used (a replayed code) or an earlier one.
   */
  public boolean useTotpStep(long id, long step) {
    return update(
            "UPDATE web_account SET last_totp_step = ? WHERE id = ? AND last_totp_step < ?",
            step,
            id,
            step)
        == 1;
  }

  /** Enrolment done: the (re-)sealed secret and recovery codes, and the account may sign in. */
  public void enrol(long id, byte[] totpSealed, byte[] recoverySealed) {
    update(
        "UPDATE web_account SET totp_sealed = ?, recovery_sealed = ?, enrolled = TRUE WHERE id = ?",
        totpSealed,
        recoverySealed,
        id);
  }

  /** The sealed TOTP secret of an account not yet enrolled (made with the account). */
  public void setTotp(long id, byte[] totpSealed) {
    update("UPDATE web_account SET totp_sealed = ? WHERE id = ?", totpSealed, id);
  }

  /**
   * A new password: its hash, the salt of the key that seals the second factor, and the TOTP secret
   * and recovery codes re-sealed under that key, in one update; only while the stored hash is still
   * {@code oldHash} (two changes at once: one wins). False when it was not. A one-time password set
   * by an administrator is thereby replaced: the flag that asked for the change is cleared.
   */
  public boolean changePassword(
      long id,
      String oldHash,
      String newHash,
      byte[] secretSalt,
      byte[] totpSealed,
      byte[] recoverySealed) {
    return update(
            "UPDATE web_account SET password_hash = ?, secret_salt = ?, totp_sealed = ?,"
                + " recovery_sealed = ?, must_change_password = FALSE"
                + " WHERE id = ? AND password_hash = ?",
            newHash,
            secretSalt,
            totpSealed,
            recoverySealed,
            id,
            oldHash)
        == 1;
  }

  /**
   * An administrator's reset of the second factor: the sealed TOTP secret and recovery codes are
   * dropped (no one can open them without the password anyway), so is the escrowed copy of the
   * secret (the lost phone's factor must not come back with a password reset), and the account
   * enrols again at its next sign-in, with a new secret sealed under its password. The failure
   * count starts again.
   */
  public void resetSecondFactor(long id) {
    update(
        "UPDATE web_account SET totp_sealed = NULL, recovery_sealed = NULL, factor_escrow = NULL,"
            + " enrolled = FALSE, failed_attempts = 0, locked_until = NULL WHERE id = ?",
        id);
  }

  /**
   * The sealed TOTP secret of an account whose secret was reset, if it still has none (two
   * enrolment pages at once: the first one's secret stays). False when it had one.
   */
  public boolean setTotpIfAbsent(long id, byte[] totpSealed) {
    return update(
            "UPDATE web_account SET totp_sealed = ? WHERE id = ? AND totp_sealed IS NULL"
                + " AND enrolled = FALSE",
            totpSealed,
            id)
        == 1;
  }

  /**
   * Keeps a copy of the TOTP secret sealed under the workspace key (for an administrator's password
   * reset), if the account has none yet and its secret is still {@code totpSealed} (a reset or
   * re-enrolment meanwhile wins).
   */
  public boolean setFactorEscrowIfAbsent(long id, byte[] totpSealed, byte[] escrow) {
    return update(
            "UPDATE web_account SET factor_escrow = ? WHERE id = ? AND factor_escrow IS NULL"
                + " AND totp_sealed = ?",
            escrow,
            id,
            totpSealed)
        == 1;
  }

  /**
   * An administrator's reset of a forgotten password: a one-time password (its hash, the salt of
   * its key, the TOTP secret sealed under that key, no recovery codes: they were sealed under the
   * forgotten password) that must be changed at the next sign-in; the failure count and lock start
   * again. With {@code totpSealed} null the second factor is reset too (no escrowed copy to keep it
   * by): the account enrols again. {@code enrolled}: whether the account stays enrolled (it was,
   * and its secret is kept). {@code at}: the time of the reset, from which the one-time password
   * expires.
   */
  public void resetPassword(
      long id, String hash, byte[] secretSalt, byte[] totpSealed, boolean enrolled, Instant at) {
    update(
        "UPDATE web_account SET password_hash = ?, secret_salt = ?, totp_sealed = ?,"
            + " recovery_sealed = NULL, must_change_password = TRUE, failed_attempts = 0,"
            + " locked_until = NULL, enrolled = ?, password_reset_at = ? WHERE id = ?",
        hash,
        secretSalt,
        totpSealed,
        totpSealed != null && enrolled,
        at.toString(),
        id);
  }

  /** Replaces the sealed recovery codes (one was used). */
  public void setRecovery(long id, byte[] recoverySealed) {
    update("UPDATE web_account SET recovery_sealed = ? WHERE id = ?", recoverySealed, id);
  }

  public void setDisplayName(long id, byte[] sealed) {
    update("UPDATE web_account SET display_sealed = ? WHERE id = ?", sealed, id);
  }

  public void setRole(long id, Role role) {
    update("UPDATE web_account SET role = ? WHERE id = ?", role.code(), id);
  }

  public void setLanguage(long id, String language) {
    update("UPDATE web_account SET language = ? WHERE id = ?", language, id);
  }

  public void setDisabled(long id, boolean disabled) {
    update("UPDATE web_account SET disabled = ? WHERE id = ?", disabled, id);
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("update an account", e);
    }
  }

  private static Optional<Account> one(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static Account read(ResultSet rs) throws SQLException {
    String locked = rs.getString(14);
    return new Account(
        rs.getLong(1),
        rs.getString(2),
        Role.parse(rs.getString(3)).orElseThrow(),
        rs.getString(4),
        rs.getBytes(5),
        rs.getBytes(6),
        rs.getBytes(7),
        rs.getBytes(8),
        rs.getString(9),
        rs.getString(10),
        rs.getBoolean(11),
        rs.getLong(12),
        rs.getInt(13),
        locked == null ? null : Instant.parse(locked),
        rs.getBoolean(15),
        Instant.parse(rs.getString(16)),
        rs.getBytes(17),
        rs.getBoolean(18),
        instant(rs.getString(19)));
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }

  static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
  }
}
