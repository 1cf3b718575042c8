package org.tumen.store.session;

import java.util.Optional;

class H2WorkspaceSessionTest extends WorkspaceSessionContract {
  @Override
  Optional<String> jdbcUrl() {
    return Optional.empty();
  }
}
