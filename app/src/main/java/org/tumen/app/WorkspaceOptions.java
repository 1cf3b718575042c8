package org.tumen.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that touches a workspace accepts (DESIGN.md, "Common"): each falls back
 * to an environment variable, then to the default.
 */
final class WorkspaceOptions {

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "Workspace folder (default: $TUMEN_WORKSPACE, else ~/.tumen).")
  Path workspace;

  @Option(
      names = "--db",
      paramLabel = "JDBC-URL",
      description =
          "Database, e.g. jdbc:postgresql://127.0.0.1:5432/test (default: $TUMEN_DB, else the"
              + " embedded database in the workspace).")
  String db;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the workspace passphrase (default: $TUMEN_PASSPHRASE).")
  Path passphraseFile;

  Path workspace() {
    if (workspace != null) {
      return workspace;
    }
    String env = System.getenv("TUMEN_WORKSPACE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".tumen");
  }

  Optional<String> jdbcUrl() {
    if (db != null && !db.isBlank()) {
      return Optional.of(db);
    }
    String env = System.getenv("TUMEN_DB");
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
  }
}
