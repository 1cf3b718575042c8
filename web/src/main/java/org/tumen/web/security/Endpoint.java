package org.tumen.web.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;

/**
 * THE role table: every endpoint of the web application, who may call it, whether it is scoped to a
 * case (and by which path variable), and whether it needs the workspace unlocked. Security is
 * configured from these rows only (anything else is denied), and {@code EndpointMatrixTest} fails
 * when a handler has no row or when any role reaches more than its row grants.
 *
 * <p>To add an endpoint: write the controller method, add its row here (method, path exactly as in
 * the mapping, roles, case scope, unlocked), add its message keys in all three languages.
 */
public enum Endpoint {
  // Public: the sign-in steps, the error page and static files.
  ERROR(null, "/error", Who.PUBLIC),
  SIGN_IN_FORM(HttpMethod.GET, "/login", Who.PUBLIC),
  SIGN_IN(HttpMethod.POST, "/login", Who.PUBLIC),
  SECOND_FACTOR_FORM(HttpMethod.GET, "/login/code", Who.PUBLIC),
  SECOND_FACTOR(HttpMethod.POST, "/login/code", Who.PUBLIC),
  ENROL_FORM(HttpMethod.GET, "/login/enrol", Who.PUBLIC),
  ENROL(HttpMethod.POST, "/login/enrol", Who.PUBLIC),
  // After a password reset: the second factor passed, a new password before anything else.
  NEW_PASSWORD_FORM(HttpMethod.GET, "/login/new-password", Who.PUBLIC),
  NEW_PASSWORD(HttpMethod.POST, "/login/new-password", Who.PUBLIC),

  // Every signed-in account.
  HOME(HttpMethod.GET, "/", Who.ANY_ROLE),
  ACCOUNT(HttpMethod.GET, "/account", Who.ANY_ROLE),
  ACCOUNT_LANGUAGE(HttpMethod.POST, "/account/language", Who.ANY_ROLE),
  // Works while locked (sign-in does); its audit entry waits for the next unlock.
  ACCOUNT_PASSWORD(HttpMethod.POST, "/account/password", Who.ANY_ROLE),

  // Administration.
  WORKSPACE(HttpMethod.GET, "/admin/workspace", Who.ADMIN),
  UNLOCK(HttpMethod.POST, "/admin/unlock", Who.ADMIN),
  LOCK(HttpMethod.POST, "/admin/lock", Who.ADMIN, Needs.UNLOCKED),
  USERS(HttpMethod.GET, "/admin/users", Who.ADMIN, Needs.UNLOCKED),
  USER_ADD(HttpMethod.POST, "/admin/users", Who.ADMIN, Needs.UNLOCKED),
  USER_ROLE(HttpMethod.POST, "/admin/users/{login}/role", Who.ADMIN, Needs.UNLOCKED),
  USER_DISABLED(HttpMethod.POST, "/admin/users/{login}/disabled", Who.ADMIN, Needs.UNLOCKED),
  USER_RESET_FACTOR(
      HttpMethod.POST, "/admin/users/{login}/second-factor", Who.ADMIN, Needs.UNLOCKED),
  // A forgotten password: a one-time password (the escrowed second factor opened: unlocked).
  USER_RESET_PASSWORD(HttpMethod.POST, "/admin/users/{login}/password", Who.ADMIN, Needs.UNLOCKED),
  ACCESS(HttpMethod.GET, "/admin/access", Who.ADMIN, Needs.UNLOCKED),
  ACCESS_GRANT(HttpMethod.POST, "/admin/access", Who.ADMIN, Needs.UNLOCKED),
  ACCESS_REVOKE(HttpMethod.POST, "/admin/access/{id}/revoke", Who.ADMIN, Needs.UNLOCKED),
  CASE_MEMBER_ADD(HttpMethod.POST, "/admin/cases", Who.ADMIN, Needs.UNLOCKED),
  AUDIT(HttpMethod.GET, "/admin/audit", Who.ADMIN, Needs.UNLOCKED),
  BACKUP(HttpMethod.POST, "/admin/backup", Who.ADMIN, Needs.UNLOCKED),

  // Case work: only within the cases granted.
  LISTS(HttpMethod.GET, "/lists", Who.CASE_WORK),
  LIST(HttpMethod.GET, "/lists/{list}", Who.CASE_WORK, CaseKind.LIST, "list"),
  RECORD(
      HttpMethod.GET,
      "/lists/{list}/records/{record}",
      Who.IDENTITIES,
      CaseKind.LIST,
      "list",
      Needs.UNLOCKED),
  // Linkage review: pairs side by side (identities), within the lists granted.
  REVIEW(
      HttpMethod.GET, "/lists/{list}/review", Who.REVIEWERS, CaseKind.LIST, "list", Needs.UNLOCKED),
  REVIEW_DECIDE(
      HttpMethod.POST,
      "/lists/{list}/review/{id}",
      Who.REVIEWERS,
      CaseKind.LIST,
      "list",
      Needs.UNLOCKED),
  // Intake: an interviewer's own drafts (the store reaches only the owner's), sealed as they go.
  INTAKE(HttpMethod.GET, "/intake", Who.INTERVIEWERS),
  INTAKE_NEW(HttpMethod.POST, "/intake", Who.INTERVIEWERS, Needs.UNLOCKED),
  INTAKE_STEP(HttpMethod.GET, "/intake/{id}", Who.INTERVIEWERS, Needs.UNLOCKED),
  INTAKE_SAVE(HttpMethod.POST, "/intake/{id}", Who.INTERVIEWERS, Needs.UNLOCKED),
  INTAKE_SUBMIT(HttpMethod.POST, "/intake/{id}/submit", Who.INTERVIEWERS, Needs.UNLOCKED),
  // Search: hits only among the sources the account may see; a testimony's text per source.
  SEARCH(HttpMethod.GET, "/search", Who.CASE_WORK, Needs.UNLOCKED),
  SEARCH_SOURCE(
      HttpMethod.GET,
      "/search/sources/{source}",
      Who.IDENTITIES,
      CaseKind.SOURCE,
      "source",
      Needs.UNLOCKED),
  // Counts (codes only, no identity) and estimates as background jobs.
  COUNTS(HttpMethod.GET, "/counts", Who.ANALYSTS),
  ESTIMATE_RUN(HttpMethod.POST, "/estimates", Who.ANALYSTS),
  // A background job's progress and result: its owner's only (the controller checks).
  JOB(HttpMethod.GET, "/jobs/{id}", Who.LINKAGE),
  // Cancelling a job: its owner, or an administrator (the controller checks which).
  JOB_CANCEL(HttpMethod.POST, "/jobs/{id}/cancel", Who.JOB_CANCEL),
  // Uploading a list (identities in the file; the uploader is granted the new list).
  UPLOAD_FORM(HttpMethod.GET, "/uploads", Who.LIST_IMPORT),
  UPLOAD(HttpMethod.POST, "/uploads", Who.LIST_IMPORT, Needs.UNLOCKED),
  // Linkage of the lists the account may see, as a background job; it fills the review queue.
  LINKAGE(HttpMethod.GET, "/linkage", Who.LINKAGE),
  LINKAGE_RUN(HttpMethod.POST, "/linkage", Who.LINKAGE, Needs.UNLOCKED);

  /** Who a row lets in. */
  public enum Who {
    /** Anyone, signed in or not. */
    PUBLIC(EnumSet.noneOf(Role.class)),
    /** Any signed-in account. */
    ANY_ROLE(EnumSet.allOf(Role.class)),
    /** Administrators. */
    ADMIN(EnumSet.of(Role.ADMINISTRATOR)),
    /** Roles that work on cases, with pseudonymised data. */
    CASE_WORK(EnumSet.of(Role.INTERVIEWER, Role.REVIEWER, Role.ANALYST, Role.EDITOR, Role.VIEWER)),
    /** Roles whose work needs identities: never analysts or viewers. */
    IDENTITIES(EnumSet.of(Role.INTERVIEWER, Role.REVIEWER, Role.EDITOR)),
    /** Reviewers of linkage: they see the compared identities of the pairs they decide. */
    REVIEWERS(EnumSet.of(Role.REVIEWER)),
    /** Interviewers: intake of their own interviews. */
    INTERVIEWERS(EnumSet.of(Role.INTERVIEWER)),
    /** Counts and estimates, without identities. */
    ANALYSTS(EnumSet.of(Role.ANALYST, Role.EDITOR)),
    /**
     * Linkage runs (the server reads the identities it compares; the page shows none) and the
     * background jobs' pages: reviewers, analysts, editors.
     */
    LINKAGE(EnumSet.of(Role.REVIEWER, Role.ANALYST, Role.EDITOR)),
    /** Cancelling a background job: those who run jobs (their own), and administrators (any). */
    JOB_CANCEL(EnumSet.of(Role.ADMINISTRATOR, Role.REVIEWER, Role.ANALYST, Role.EDITOR)),
    /** Uploading a list: administrators and interviewers, who bring the organisations' lists. */
    LIST_IMPORT(EnumSet.of(Role.ADMINISTRATOR, Role.INTERVIEWER));

    private final Set<Role> roles;

    Who(Set<Role> roles) {
      this.roles = roles;
    }

    public Set<Role> roles() {
      return roles;
    }
  }

  /** Whether the row needs the workspace's keys in memory. */
  public enum Needs {
    NOTHING,
    UNLOCKED
  }

  private final HttpMethod method;
  private final String path;
  private final Who who;
  private final CaseKind scope;
  private final String caseVariable;
  private final Needs needs;

  Endpoint(HttpMethod method, String path, Who who) {
    this(method, path, who, null, null, Needs.NOTHING);
  }

  Endpoint(HttpMethod method, String path, Who who, Needs needs) {
    this(method, path, who, null, null, needs);
  }

  Endpoint(HttpMethod method, String path, Who who, CaseKind scope, String caseVariable) {
    this(method, path, who, scope, caseVariable, Needs.NOTHING);
  }

  Endpoint(
      HttpMethod method, String path, Who who, CaseKind scope, String caseVariable, Needs needs) {
    this.method = method;
    this.path = path;
    this.who = who;
    this.scope = scope;
    this.caseVariable = caseVariable;
    this.needs = needs;
  }

  /** The HTTP method, or null for any. */
  public HttpMethod method() {
    return method;
  }

  /** The path pattern, exactly as the controller maps it. */
  public String path() {
    return path;
  }

  public Who who() {
    return who;
  }

  /** The kind of case the path names, or null when the endpoint is not scoped to a case. */
  public CaseKind scope() {
    return scope;
  }

  /** The path variable that names the case. */
  public String caseVariable() {
    return caseVariable;
  }

  public boolean needsUnlocked() {
    return needs == Needs.UNLOCKED;
  }

  public boolean isPublic() {
    return who == Who.PUBLIC;
  }

  /**
   * Whether {@code role} may call this endpoint; {@code ownCase} says whether the case the path
   * names is one the account was granted (ignored for endpoints without a case scope).
   */
  public boolean allows(Role role, boolean ownCase) {
    if (isPublic()) {
      return true;
    }
    if (role == null || !who.roles().contains(role)) {
      return false;
    }
    return scope == null || ownCase;
  }
}
