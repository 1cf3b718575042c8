package org.tumen.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real CLI run in process on one workspace, with its passphrase from a file, for tests. */
final class CliRun {

  /** What one command gave back: its exit status and everything it printed. */
  record Run(int status, String out, String err) {}

  private CliRun() {}

  /** A command with no workspace options added. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static Run inWorkspace(Path ws, Path passphraseFile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--workspace", ws.toString(), "--passphrase-file", passphraseFile.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }
}
