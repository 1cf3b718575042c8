package org.tumen.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a workspace in a process of its own and keeps it open until its input closes: the other
 * Tumen process of {@link WorkspaceLockTest}.
 */
final class HoldWorkspace {

  private HoldWorkspace() {}

  public static void main(String[] args) throws Exception {
    try (Workspace ws = Workspace.open(Path.of(args[0]), Optional.empty())) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the test to close our input
      }
    }
  }
}
