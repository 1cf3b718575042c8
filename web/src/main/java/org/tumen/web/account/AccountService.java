package org.tumen.web.account;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.codec.binary.Base32;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.tumen.model.BadInputException;
import org.tumen.store.access.Account;
import org.tumen.store.access.Accounts;
import org.tumen.store.access.Role;
import org.tumen.store.protect.Actor;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;

/**
 * Accounts of the web application: creation (from the command line or the administration page), the
 * password step, the second factor (TOTP or a recovery code) and enrolment. Plain Java: the command
 * line uses it without Spring.
 */
public final class AccountService {

  /** Failures in a row that lock an account. */
  public static final int MAX_FAILURES = 5;

  /** How long such a lock lasts. */
  public static final Duration LOCK_FOR = Duration.ofMinutes(15);

  /** NIST SP 800-63B asks at least 8; a shared server holding witnesses' names asks more. */
  public static final int MIN_PASSWORD = 12;

  public static final Set<String> LANGUAGES = Set.of("en", "ko", "zh");

  private static final String ISSUER = "Tumen";
  private static final String TOTP = "totp";
  private static final String RECOVERY = "recovery";
  private static final String ESCROW = "factor_escrow";
  private static final int RECOVERY_CODES = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * How long an administrator's one-time password signs in after the reset. It travels by another
   * channel (a message, a phone call) and may be read or kept there; three days leave a weekend to
   * receive and use it, and a forgotten or intercepted one stops working soon after instead of
   * never (docs/threat-model.md, "webfeat").
   */
  public static final Duration ONE_TIME_PASSWORD_VALID_FOR = Duration.ofHours(72);

  private final WorkspaceSession session;
  private final Clock clock;
  private final Argon2PasswordEncoder passwords;
  private final Totp totp;

  /** A hash of nothing, checked for unknown logins so that they take as long as known ones. */
  private final String decoy;

  public AccountService(WorkspaceSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
    // OWASP's first Argon2id option (19 MiB, 2 passes, 1 lane), 16-byte salt, 32-byte hash.
    this.passwords = new Argon2PasswordEncoder(16, 32, 1, SecretBox.MEMORY_KIB, SecretBox.PASSES);
    this.totp = new Totp(clock);
    this.decoy = passwords.encode("decoy password, never anyone's");
  }

  public Accounts accounts() {
    return session.accounts();
  }

  public Totp totp() {
    return totp;
  }

  /** What {@link #create} made: the TOTP secret to enrol an app with. */
  public record Created(long id, String login, String secretBase32, String uri) {}

  /**
   * Creates an account (the workspace must be unlocked: the display name is sealed under its key,
   * and the creation is audited). The TOTP secret is made now and sealed under the password; the
   * account completes enrolment at its first sign-in by typing a code.
   */
  public Created create(
      String login,
      Role role,
      char[] password,
      String displayName,
      String language,
      String interviewerCode) {
    Protection p = session.protection();
    Accounts.checkLogin(login);
    checkPassword(password);
    String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw new BadInputException("language", "use en, ko or zh");
    }
    byte[] salt = SecretBox.newSalt();
    String hash = passwords.encode(CharBuffer.wrap(password));
    SecretBox box = SecretBox.derive(password, salt);
    byte[] secret = Totp.newSecret();
    try {
      long id =
          session
              .accounts()
              .create(
                  new Accounts.NewAccount(
                      login,
                      role,
                      hash,
                      salt,
                      null,
                      null,
                      lang,
                      interviewerCode == null || interviewerCode.isBlank()
                          ? null
                          : interviewerCode.strip()));
      byte[] sealed = box.seal(id, TOTP, secret);
      session.accounts().setTotp(id, sealed);
      escrow(id, sealed, secret);
      if (displayName != null && !displayName.isBlank()) {
        session
            .accounts()
            .setDisplayName(
                id,
                p.codec()
                    .sealerFor(-1, null)
                    .seal("web_account", id, "display_name", displayName.strip()));
      }
      p.audit().append(Actor.current(), "account-add", "account " + login, "role=" + role.code());
      return new Created(id, login, Totp.base32(secret), Totp.uri(ISSUER, login, secret));
    } finally {
      box.wipe();
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The display name of an account, opened under the workspace key (caller audits the showing). */
  public Optional<String> displayName(Account a) {
    if (a.displaySealed() == null) {
      return Optional.empty();
    }
    return Optional.of(
        session
            .protection()
            .codec()
            .sealerFor(-1, null)
            .open("web_account", a.id(), "display_name", a.displaySealed()));
  }

  static void checkPassword(char[] password) {
    if (password == null || password.length < MIN_PASSWORD) {
      throw new BadInputException(
          "password", "use at least " + MIN_PASSWORD + " characters (several words are easiest)");
    }
    if (password.length > 200) {
      throw new BadInputException("password", "use at most 200 characters");
    }
  }

  /** The outcome of the password step. */
  public enum PasswordOutcome {
    OK,
    FAILED,
    LOCKED,
    /** The right one-time password, but older than {@link #ONE_TIME_PASSWORD_VALID_FOR}. */
    EXPIRED
  }

  /** The password step's outcome, and the pending sign-in when it passed. */
  public record PasswordResult(PasswordOutcome outcome, PendingSignIn pending) {}

  /** Checks a login and password; every failure counts towards the account's lock. */
  public PasswordResult checkPassword(String login, char[] password, java.time.Instant now) {
    Optional<Account> found =
        login == null || login.length() > 64
            ? Optional.empty()
            : session.accounts().byLogin(login.strip().toLowerCase(Locale.ROOT));
    if (found.isEmpty()) {
      passwords.matches(CharBuffer.wrap(password), decoy);
      return new PasswordResult(PasswordOutcome.FAILED, null);
    }
    Account a = found.get();
    boolean matches = passwords.matches(CharBuffer.wrap(password), a.passwordHash());
    if (a.lockedAt(now)) {
      return new PasswordResult(PasswordOutcome.LOCKED, null);
    }
    if (!matches || a.disabled()) {
      return failure(a);
    }
    if (oneTimePasswordExpired(a, now)) {
      // counts towards the lock like a wrong password: it is one, from then on. Audited each time
      // (at most as often as the lock allows): someone holds a password handed out days ago.
      session.audit(
          "web",
          "sign-in-expired-password",
          "account " + a.login(),
          "reset at " + a.passwordResetAt());
      PasswordResult f = failure(a);
      return f.outcome() == PasswordOutcome.LOCKED
          ? f
          : new PasswordResult(PasswordOutcome.EXPIRED, null);
    }
    SecretBox box = SecretBox.derive(password, a.secretSalt());
    try {
      return new PasswordResult(
          PasswordOutcome.OK, new PendingSignIn(a.id(), box.keyBytes(), a.enrolled(), now));
    } finally {
      box.wipe();
    }
  }

  /**
   * Whether the account's password is an administrator's one-time password that has expired at
   * {@code now}; one with no recorded reset time (set before it was recorded) has.
   */
  public static boolean oneTimePasswordExpired(Account a, Instant now) {
    return a.mustChangePassword()
        && (a.passwordResetAt() == null
            || !now.isBefore(a.passwordResetAt().plus(ONE_TIME_PASSWORD_VALID_FOR)));
  }

  private PasswordResult failure(Account a) {
    session.accounts().recordFailure(a.id(), MAX_FAILURES, LOCK_FOR);
    boolean nowLocked = a.failedAttempts() + 1 >= MAX_FAILURES;
    if (a.failedAttempts() + 1 == MAX_FAILURES) {
      // once, when the lock starts (queued while the workspace is locked)
      session.audit("web", "account-locked", "account " + a.login(), "failures=" + MAX_FAILURES);
    }
    return new PasswordResult(nowLocked ? PasswordOutcome.LOCKED : PasswordOutcome.FAILED, null);
  }

  /** The outcome of the second step. */
  public enum CodeOutcome {
    OK,
    OK_RECOVERY,
    WRONG,
    REPLAYED,
    LOCKED
  }

  /**
   * Checks a TOTP code (or a recovery code) of an enrolled account. A code whose time step was
   * already used is refused as replayed and counts as a failure.
   */
  public CodeOutcome secondFactor(PendingSignIn pending, String code, java.time.Instant now) {
    Account a = session.accounts().byId(pending.accountId()).orElse(null);
    if (a == null || a.disabled() || !a.enrolled()) {
      return CodeOutcome.WRONG;
    }
    if (a.lockedAt(now)) {
      return CodeOutcome.LOCKED;
    }
    SecretBox box = SecretBox.ofKey(pending.key());
    try {
      byte[] secret = box.open(a.id(), TOTP, a.totpSealed());
      if (secret == null) {
        return wrong(a);
      }
      OptionalLong step = totp.matchingStep(secret, code);
      if (step.isPresent() && a.factorEscrow() == null) {
        escrow(a.id(), a.totpSealed(), secret); // an account of before the escrow: now, if unlocked
      }
      Arrays.fill(secret, (byte) 0);
      if (step.isPresent()) {
        if (session.accounts().useTotpStep(a.id(), step.getAsLong())) {
          session.accounts().recordSuccess(a.id());
          return CodeOutcome.OK;
        }
        CodeOutcome o = wrong(a);
        return o == CodeOutcome.LOCKED ? o : CodeOutcome.REPLAYED;
      }
      if (useRecoveryCode(a, box, code)) {
        session.accounts().recordSuccess(a.id());
        return CodeOutcome.OK_RECOVERY;
      }
      return wrong(a);
    } finally {
      box.wipe();
    }
  }

  private CodeOutcome wrong(Account a) {
    return failure(a).outcome() == PasswordOutcome.LOCKED ? CodeOutcome.LOCKED : CodeOutcome.WRONG;
  }

  private boolean useRecoveryCode(Account a, SecretBox box, String typed) {
    String t = normaliseRecovery(typed);
    if (t.length() != 16) {
      return false;
    }
    byte[] sealed = box.open(a.id(), RECOVERY, a.recoverySealed());
    if (sealed == null) {
      return false;
    }
    List<String> codes =
        new ArrayList<>(
            List.of(new String(sealed, StandardCharsets.US_ASCII).split("\n", -1)).stream()
                .filter(s -> !s.isEmpty())
                .toList());
    boolean found = false;
    for (String c : codes) {
      found |=
          java.security.MessageDigest.isEqual(
              c.getBytes(StandardCharsets.US_ASCII), t.getBytes(StandardCharsets.US_ASCII));
    }
    if (!found) {
      return false;
    }
    codes.remove(t);
    session
        .accounts()
        .setRecovery(
            a.id(),
            box.seal(
                a.id(), RECOVERY, String.join("\n", codes).getBytes(StandardCharsets.US_ASCII)));
    return true;
  }

  private static String normaliseRecovery(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** The outcome of a password change. */
  public enum ChangeOutcome {
    OK,
    WRONG_PASSWORD,
    WRONG_CODE,
    REPLAYED,
    LOCKED,
    /** The new password is refused: see {@link #weakness}. */
    WEAK
  }

  /**
   * Why a new password is refused, as a message key's last part, or empty when it is accepted. NIST
   * SP 800-63B §5.1.1.2: length rather than composition rules; refuse what is easily guessed. Here:
   * 12 to 200 characters, at least 6 different ones (not "aaaaaaaaaaaa", "abcabcabcabc"), not
   * holding the login, not the current password.
   */
  public static Optional<String> weakness(char[] password, String login, char[] current) {
    if (password == null || password.length < MIN_PASSWORD) {
      return Optional.of("short");
    }
    if (password.length > 200) {
      return Optional.of("long");
    }
    if (current != null && Arrays.equals(password, current)) {
      return Optional.of("same");
    }
    String lower = new String(password).toLowerCase(Locale.ROOT);
    if (login != null && login.length() >= 3 && lower.contains(login.toLowerCase(Locale.ROOT))) {
      return Optional.of("login");
    }
    if (lower.codePoints().distinct().count() < 6) {
      return Optional.of("simple");
    }
    return Optional.empty();
  }

  /** A password change's outcome, and the reason a new password was refused. */
  public record Change(ChangeOutcome outcome, String weakness) {}

  /**
   * The signed-in account changes its password: the current password and a TOTP code from its app
   * (a wrong one counts towards the lock, as at sign-in; a code's time step is taken, so a code
   * seen over a shoulder cannot be used again), then the new password, hashed with Argon2id as at
   * creation. The TOTP secret and the recovery codes are sealed under a key from the password, so
   * they are opened with the old one and sealed again under a key from the new one (new salt), in
   * the same update as the new hash. Audited, or queued while the workspace is locked.
   */
  public Change changePassword(
      long accountId, char[] current, String code, char[] next, java.time.Instant now) {
    Account a = session.accounts().byId(accountId).orElse(null);
    if (a == null || a.disabled() || !a.enrolled()) {
      return new Change(ChangeOutcome.WRONG_CODE, "");
    }
    if (a.lockedAt(now)) {
      return new Change(ChangeOutcome.LOCKED, "");
    }
    if (!passwords.matches(CharBuffer.wrap(current), a.passwordHash())) {
      return new Change(
          failure(a).outcome() == PasswordOutcome.LOCKED
              ? ChangeOutcome.LOCKED
              : ChangeOutcome.WRONG_PASSWORD,
          "");
    }
    Optional<String> weak = weakness(next, a.login(), current);
    if (weak.isPresent()) {
      return new Change(ChangeOutcome.WEAK, weak.get());
    }
    SecretBox old = SecretBox.derive(current, a.secretSalt());
    byte[] secret = null;
    byte[] recovery = null;
    SecretBox fresh = null;
    try {
      secret = old.open(a.id(), TOTP, a.totpSealed());
      OptionalLong step = secret == null ? OptionalLong.empty() : totp.matchingStep(secret, code);
      if (step.isEmpty()) {
        return new Change(
            wrong(a) == CodeOutcome.LOCKED ? ChangeOutcome.LOCKED : ChangeOutcome.WRONG_CODE, "");
      }
      if (!session.accounts().useTotpStep(a.id(), step.getAsLong())) {
        return new Change(
            wrong(a) == CodeOutcome.LOCKED ? ChangeOutcome.LOCKED : ChangeOutcome.REPLAYED, "");
      }
      recovery = a.recoverySealed() == null ? null : old.open(a.id(), RECOVERY, a.recoverySealed());
      byte[] salt = SecretBox.newSalt();
      fresh = SecretBox.derive(next, salt);
      String hash = passwords.encode(CharBuffer.wrap(next));
      boolean changed =
          session
              .accounts()
              .changePassword(
                  a.id(),
                  a.passwordHash(),
                  hash,
                  salt,
                  fresh.seal(a.id(), TOTP, secret),
                  recovery == null ? null : fresh.seal(a.id(), RECOVERY, recovery));
      if (!changed) {
        return new Change(ChangeOutcome.WRONG_PASSWORD, "");
      }
      session.accounts().recordSuccess(a.id());
      session.audit(
          "web:" + a.login(), "account-password", "account " + a.login(), "second-factor=resealed");
      return new Change(ChangeOutcome.OK, "");
    } finally {
      old.wipe();
      if (fresh != null) {
        fresh.wipe();
      }
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
      if (recovery != null) {
        Arrays.fill(recovery, (byte) 0);
      }
    }
  }

  /**
   * An administrator resets another account's second factor (a lost phone): the sealed secret and
   * recovery codes are dropped and the account enrols again at its next sign-in (a new QR code, new
   * recovery codes). The administrator needs neither the secret (sealed under the account's
   * password, which they do not know) nor the workspace keys for it; the workspace must be unlocked
   * for the audit entry. An administrator may not reset their own: another administrator does, or,
   * on a server with one, {@code tumen users reset-second-factor} with the workspace passphrase.
   *
   * @throws BadInputException when {@code by} is the account itself
   */
  public void resetSecondFactor(Account target, String by) {
    if (target.login().equals(by)) {
      throw new BadInputException(
          "login", "another administrator must reset an administrator's own second factor");
    }
    session.accounts().resetSecondFactor(target.id());
    session
        .protection()
        .audit()
        .append(
            Actor.current(),
            "account-second-factor-reset",
            "account " + target.login(),
            "by=" + by);
  }

  /** What the enrolment page shows: the secret as text, its URI, and the URI's QR code. */
  public record Enrolment(String secretBase32, String uri, String qrSvg) {}

  /** The enrolment of an account that has not yet confirmed a code. */
  public Optional<Enrolment> enrolment(PendingSignIn pending) {
    Account a = session.accounts().byId(pending.accountId()).orElse(null);
    if (a == null || a.enrolled()) {
      return Optional.empty();
    }
    SecretBox box = SecretBox.ofKey(pending.key());
    try {
      if (a.totpSealed() == null) {
        // the second factor was reset by an administrator: a new secret, sealed under the
        // password just typed (the administrator never sees it)
        byte[] fresh = Totp.newSecret();
        session.accounts().setTotpIfAbsent(a.id(), box.seal(a.id(), TOTP, fresh));
        Arrays.fill(fresh, (byte) 0);
        a = session.accounts().byId(a.id()).orElseThrow();
      }
      byte[] secret = box.open(a.id(), TOTP, a.totpSealed());
      if (secret == null) {
        return Optional.empty();
      }
      String uri = Totp.uri(ISSUER, a.login(), secret);
      return Optional.of(new Enrolment(Totp.base32(secret), uri, QrCodes.svg(uri, 220)));
    } finally {
      box.wipe();
    }
  }

  /**
   * Confirms enrolment with a code from the app: on success, makes the recovery codes (sealed, and
   * returned once to be shown once) and marks the account enrolled; empty on a wrong code.
   */
  public Optional<List<String>> confirmEnrolment(
      PendingSignIn pending, String code, java.time.Instant now) {
    Account a = session.accounts().byId(pending.accountId()).orElse(null);
    if (a == null || a.enrolled() || a.disabled() || a.lockedAt(now)) {
      return Optional.empty();
    }
    SecretBox box = SecretBox.ofKey(pending.key());
    try {
      byte[] secret = box.open(a.id(), TOTP, a.totpSealed());
      OptionalLong step = secret == null ? OptionalLong.empty() : totp.matchingStep(secret, code);
      if (step.isEmpty() || !session.accounts().useTotpStep(a.id(), step.getAsLong())) {
        wrong(a);
        return Optional.empty();
      }
      escrow(a.id(), a.totpSealed(), secret);
      Arrays.fill(secret, (byte) 0);
      List<String> codes = newRecoveryCodes();
      session
          .accounts()
          .enrol(
              a.id(),
              a.totpSealed(),
              box.seal(
                  a.id(), RECOVERY, String.join("\n", codes).getBytes(StandardCharsets.US_ASCII)));
      session.accounts().recordSuccess(a.id());
      session.audit("web:" + a.login(), "account-enrol", "account " + a.login(), "");
      return Optional.of(shown(codes));
    } finally {
      box.wipe();
    }
  }

  private static List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>();
    Base32 b32 = new Base32();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      byte[] r = new byte[10];
      RANDOM.nextBytes(r);
      codes.add(b32.encodeToString(r).substring(0, 16));
    }
    return codes;
  }

  /** Codes as shown once: four groups of four. */
  private static List<String> shown(List<String> codes) {
    return codes.stream()
        .map(
            c ->
                c.substring(0, 4)
                    + "-"
                    + c.substring(4, 8)
                    + "-"
                    + c.substring(8, 12)
                    + "-"
                    + c.substring(12))
        .toList();
  }

  /**
   * Keeps a copy of the TOTP secret sealed under the workspace key, so that an administrator's
   * password reset can keep the second factor (docs/threat-model.md, "Administrator reset of a
   * forgotten password"). Only while the workspace is unlocked; at most once per secret.
   */
  private void escrow(long id, byte[] totpSealed, byte[] secret) {
    if (!session.isUnlocked() || totpSealed == null) {
      return;
    }
    byte[] sealed =
        session
            .protection()
            .codec()
            .sealerFor(-1, null)
            .seal("web_account", id, ESCROW, Totp.base32(secret));
    session.accounts().setFactorEscrowIfAbsent(id, totpSealed, sealed);
  }

  /** What an administrator's password reset made: the one-time password, shown once. */
  public record PasswordReset(String login, String oneTimePassword, boolean secondFactorKept) {}

  /**
   * An administrator resets a forgotten password: a random one-time password (100 bits, shown once
   * to the administrator, who gives it by another channel), hashed with Argon2id like every
   * password, which the account must change at its next sign-in, after its second factor, within
   * {@link #ONE_TIME_PASSWORD_VALID_FOR} of the reset (the time is stored with it). The TOTP secret
   * is opened from its escrowed copy (workspace key) and sealed under a key from the one-time
   * password, so the same authenticator app keeps working; the recovery codes were sealed under the
   * forgotten password and are gone (new ones are shown after the change). An account with no
   * escrowed copy (it has not signed in while the workspace was unlocked since the copy was
   * introduced) enrols its second factor again. Every session of the account ends. Audited; needs
   * the workspace unlocked. An administrator may not reset their own password on the web (they are
   * signed in: they change it), only from the command line.
   *
   * @throws BadInputException when {@code by} is the account itself and {@code ownAllowed} is false
   */
  public PasswordReset resetPassword(Account target, String by, boolean ownAllowed) {
    if (!ownAllowed && target.login().equals(by)) {
      throw new BadInputException("login", "change your own password on your account page");
    }
    Protection p = session.protection();
    byte[] secret = null;
    if (target.factorEscrow() != null) {
      String b32 =
          p.codec()
              .sealerFor(-1, null)
              .open("web_account", target.id(), ESCROW, target.factorEscrow());
      secret = new Base32().decode(b32);
    }
    String oneTime = oneTimePassword();
    byte[] salt = SecretBox.newSalt();
    SecretBox box = SecretBox.derive(oneTime.toCharArray(), salt);
    try {
      session
          .accounts()
          .resetPassword(
              target.id(),
              passwords.encode(oneTime),
              salt,
              secret == null ? null : box.seal(target.id(), TOTP, secret),
              target.enrolled(),
              clock.instant());
      p.audit()
          .append(
              Actor.current(),
              "account-password-reset",
              "account " + target.login(),
              "by=" + by + " second-factor=" + (secret == null ? "reset" : "kept"));
      return new PasswordReset(target.login(), oneTime, secret != null);
    } finally {
      box.wipe();
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /** 20 characters of Crockford-free Base32 in groups of five: 100 bits, easy to read aloud. */
  private static String oneTimePassword() {
    byte[] r = new byte[13];
    RANDOM.nextBytes(r);
    String b = new Base32().encodeToString(r).substring(0, 20);
    return b.substring(0, 5)
        + "-"
        + b.substring(5, 10)
        + "-"
        + b.substring(10, 15)
        + "-"
        + b.substring(15);
  }

  /** The outcome of the change a one-time password asks for. */
  public record ForcedChange(String weakness, List<String> recoveryCodes) {
    public boolean ok() {
      return weakness.isEmpty();
    }
  }

  /**
   * The change of a one-time password at the sign-in that follows an administrator's reset, after
   * the second factor passed ({@code pending} holds the key from the one-time password): the new
   * password (refused for the same reasons as any change, and when it is the one-time password),
   * the TOTP secret sealed again under a key from it, new recovery codes (returned to be shown
   * once). Audited as {@code account-password} (queued while locked).
   */
  public ForcedChange changeOneTimePassword(PendingSignIn pending, char[] next) {
    Account a = session.accounts().byId(pending.accountId()).orElse(null);
    if (a == null || a.disabled() || !a.mustChangePassword() || !a.enrolled()) {
      return new ForcedChange("same", List.of());
    }
    Optional<String> weak = weakness(next, a.login(), null);
    if (weak.isEmpty() && passwords.matches(CharBuffer.wrap(next), a.passwordHash())) {
      weak = Optional.of("same");
    }
    if (weak.isPresent()) {
      return new ForcedChange(weak.get(), List.of());
    }
    SecretBox old = SecretBox.ofKey(pending.key());
    SecretBox fresh = null;
    byte[] secret = null;
    try {
      secret = old.open(a.id(), TOTP, a.totpSealed());
      if (secret == null) {
        return new ForcedChange("same", List.of());
      }
      byte[] salt = SecretBox.newSalt();
      fresh = SecretBox.derive(next, salt);
      List<String> codes = newRecoveryCodes();
      boolean changed =
          session
              .accounts()
              .changePassword(
                  a.id(),
                  a.passwordHash(),
                  passwords.encode(CharBuffer.wrap(next)),
                  salt,
                  fresh.seal(a.id(), TOTP, secret),
                  fresh.seal(
                      a.id(),
                      RECOVERY,
                      String.join("\n", codes).getBytes(StandardCharsets.US_ASCII)));
      if (!changed) {
        return new ForcedChange("same", List.of());
      }
      session.audit(
          "web:" + a.login(),
          "account-password",
          "account " + a.login(),
          "after=reset second-factor=resealed recovery-codes=new");
      return new ForcedChange("", shown(codes));
    } finally {
      old.wipe();
      if (fresh != null) {
        fresh.wipe();
      }
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }
}
