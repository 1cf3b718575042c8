package org.tumen.web.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.tumen.store.access.Account;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Decides one request by its row of the role table: the account's current role (read from the
 * workspace at each request, so that a changed role, a disabled account, a reset second factor or a
 * password changed in another session takes effect at once) and, for a row scoped to a case,
 * whether the account was granted the case the path names.
 */
final class EndpointAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  private final Endpoint endpoint;
  private final WorkspaceSession session;

  EndpointAuthorization(Endpoint endpoint, WorkspaceSession session) {
    this.endpoint = endpoint;
    this.session = session;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    if (endpoint.isPublic()) {
      return new AuthorizationDecision(true);
    }
    Authentication a = authentication.get();
    if (a == null || !a.isAuthenticated() || !(a.getPrincipal() instanceof SignedIn s)) {
      return new AuthorizationDecision(false);
    }
    Account account = session.accounts().byId(s.accountId()).orElse(null);
    // a disabled account, a second factor reset, a password changed elsewhere: signed out
    if (account == null || account.disabled() || !s.current(account)) {
      return new AuthorizationDecision(false);
    }
    boolean own =
        endpoint.scope() == null
            || session
                .access()
                .may(
                    account.id(),
                    endpoint.scope(),
                    context.getVariables().get(endpoint.caseVariable()));
    return new AuthorizationDecision(endpoint.allows(account.role(), own));
  }
}
