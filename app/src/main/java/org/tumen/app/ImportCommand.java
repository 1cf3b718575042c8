package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.imports.ImportFormat;
import org.tumen.store.imports.ImportSummary;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumen import}: loads one organisation's list into the workspace, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import one organisation's list (CSV in UTF-8 or EUC-KR/CP949, or XLSX) into the workspace.",
      "Headers in English, Korean and Chinese are recognised (id/번호/编号, name/성명/姓名,",
      "surname/성/姓, birth_date/생년월일/出生日期, sex/성별/性别, birthplace/출생지/籍贯, note/비고/备注);",
      "other columns are kept as extra attributes. A bad row stores nothing; importing the same",
      "file again changes nothing. Identities are sealed under the workspace keys; the first",
      "import into a workspace without keys creates them (the passphrase as for 'keys init').",
      "Example: tumen import --list church-a lists/church-a.csv --map 'No.=id'"
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;

  @Spec CommandSpec spec;

  @Option(
      names = "--list",
      required = true,
      paramLabel = "NAME",
      description = "The list's name in the workspace, e.g. the organisation's.")
  String list;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or XLSX file.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "csv|xlsx",
      description = "The file's format (default: from its extension).")
  String format;

  @Option(
      names = "--map",
      paramLabel = "COLUMN=FIELD",
      description = {
        "Read COLUMN (a header of the file) as FIELD: id, full_name, surname, given_name,",
        "birth_date, sex, birthplace, note, extra or ignore. Repeatable."
      })
  Map<String, String> map = new LinkedHashMap<>();

  @Option(
      names = "--unprotected",
      description = {
        "Store identities in PLAIN TEXT, in a workspace without keys: for synthetic test data",
        "only, never for real lists. A workspace stays as its first import made it."
      })
  boolean unprotected;

  @Override
  public Integer call() {
    ImportFormat fmt = format == null ? null : parseFormat(format);
    // Checked before keys are made for it: a typo in the file name makes no keys.
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadInputException(file.toString(), "no such file, or it cannot be read");
    }
    if (fmt == null && ImportFormat.byExtension(file).isEmpty()) {
      throw new BadInputException(
          file.toString(), "cannot tell the format from the name; use --format csv|xlsx");
    }
    ImportSummary s;
    PrintWriter out = spec.commandLine().getOut();
    try (WorkspaceSession session =
        WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      // The import's audit entry is written inside its transaction by the protection's recorder.
      protection(session, out);
      s = ws.importer().importList(list, file, fmt, map, TerminalProgress.forConsole());
    }
    if (s.alreadyImported()) {
      out.printf(
          "%s was already imported into list '%s' (%s, %s); nothing changed%n",
          s.file(), s.list(), count(s.records(), "record"), s.importedAt());
      return 0;
    }
    out.printf(
        "imported %s into list '%s' from %s (%s)%n",
        count(s.records(), "record"),
        s.list(),
        s.file(),
        s.encoding() == null ? "xlsx" : s.encoding());
    if (!s.extraColumns().isEmpty()) {
      out.printf(
          "kept %d extra column%s: %s%n",
          s.extraColumns().size(),
          s.extraColumns().size() == 1 ? "" : "s",
          String.join(", ", s.extraColumns()));
    }
    if (s.datesKeptAsWritten() > 0) {
      out.printf(
          "%s kept only as written (unknown form, or day and month could be either way round)%n",
          count(s.datesKeptAsWritten(), "birth date"));
    }
    if (s.sexKeptAsWritten() > 0) {
      out.printf(
          "%s kept only as written (not F/M, 여/남, 女/男)%n",
          count(s.sexKeptAsWritten(), "sex value"));
    }
    out.flush();
    return 0;
  }

  /**
   * Protection is the default (the session's rule): a workspace with keys is unlocked; the first
   * import into a workspace without keys or identities creates its keys; plaintext only with {@code
   * --unprotected}.
   */
  private void protection(WorkspaceSession session, PrintWriter out) {
    WorkspaceSession.Readiness r =
        session.unlockOrCreateKeys(
            workspace.passphraseFile, unprotected, Argon2Cost.RFC9106_SECOND);
    if (r == WorkspaceSession.Readiness.PLAINTEXT) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tumen: warning: --unprotected: identities are stored in plain text");
      err.flush();
    } else if (r == WorkspaceSession.Readiness.KEYS_CREATED) {
      KeysCommand.Init.created(session, out);
    }
  }

  private static String count(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static ImportFormat parseFormat(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> ImportFormat.CSV;
      case "xlsx" -> ImportFormat.XLSX;
      default -> throw new BadInputException("--format", "use csv or xlsx");
    };
  }
}
