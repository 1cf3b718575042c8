package org.tumen.store.access;

import java.util.Optional;

class H2AccessTest extends AccessContract {
  @Override
  Optional<String> jdbcUrl() {
    return Optional.empty();
  }
}
