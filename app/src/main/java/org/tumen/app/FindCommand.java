package org.tumen.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Protection;
import org.tumen.store.records.RecordRepository.PersonRef;
import org.tumen.store.records.StoredList;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen find}: whom to forget when someone withdraws consent (issue 12, finding 12). Prints
 * the matching records' person ids, lists and record ids, and nothing else: no name, no date, no
 * place. Every look-up is audited: a {@code find} entry saying how it looked and whom it found, and
 * for a look-up by name the read of each list it opened (names are compared decrypted, through the
 * linker's name keys, so that a name in any script finds its other spellings).
 */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "Find the person ids of a person, to forget them when consent is withdrawn: by name in any"
          + " script (--name, optionally --born) or by a list's record id (--list and --record)."
          + " Prints person ids, lists and record ids only; the audit trail records the look-up.",
    })
final class FindCommand implements Callable<Integer> {

  static final String PURPOSE = "tumen find: whom to forget (consent withdrawn)";

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "A whole name in any script or romanization (리영철, 李英哲, \"Ri Yong Chol\"):"
              + " surname and given name.")
  String name;

  @Option(
      names = "--born",
      paramLabel = "DATE",
      description =
          "With --name: a birth date (1972, 1972-05, 1972-05-14, ...) to tell namesakes apart.")
  String born;

  @Option(names = "--list", paramLabel = "LIST", description = "With --record: the list's name.")
  String list;

  @Option(
      names = "--record",
      paramLabel = "ID",
      description = "With --list: the record id as the list writes it.")
  String record;

  /** A person id as Tumen prints it. */
  static String personId(long id) {
    return "P-" + id;
  }

  /**
   * A person id as printed ({@code P-123}) or bare ({@code 123}).
   *
   * @throws BadInputException naming {@code where} if it is neither
   */
  static long parsePersonId(String text, String where) {
    String t = text.strip();
    if (t.regionMatches(true, 0, "P-", 0, 2)) {
      t = t.substring(2);
    }
    try {
      long id = Long.parseLong(t);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(
        where, "not a person id: expected P- and a number, as tumen find prints it (e.g. P-1042)");
  }

  @Override
  public Integer call() {
    boolean byName = name != null;
    boolean byRecord = list != null || record != null;
    if (byName == byRecord) {
      throw new BadInputException("", "give --name NAME, or --list LIST and --record ID");
    }
    if (byRecord && (list == null || record == null)) {
      throw new BadInputException(
          list == null ? "--record" : "--list", "needs both --list and --record");
    }
    if (born != null && !byName) {
      throw new BadInputException("--born", "works with --name only");
    }
    NameQuery query = null;
    if (byName) {
      query = new NameQuery(name, born);
      if (!query.isSpecific()) {
        throw new BadInputException(
            "--name", "give a surname and a given name: a surname alone names too many people");
      }
      if (!query.hasReadableDate(born)) {
        throw new BadInputException("--born", "not a date in a form Tumen reads");
      }
    }
    List<String> found = new ArrayList<>();
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Protection p = session.unlock(workspace.passphraseFile);
      String subject;
      if (byName) {
        subject = "by name" + (born == null ? "" : " and birth date");
        byName(ws, query, found);
      } else {
        subject = "list " + list + " record " + record;
        Optional<PersonRef> person = ws.records().personOf(list, record);
        person.ifPresent(r -> found.add(line(r.id(), list, record, r.forgotten())));
      }
      // What was looked for (never the name: it is an identity) and whom it found.
      p.audit()
          .append(
              Protection.actor(),
              "find",
              subject,
              "matches="
                  + found.size()
                  + " persons="
                  + found.stream()
                      .map(l -> l.split("\t")[0])
                      .distinct()
                      .collect(Collectors.joining(",")));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (found.isEmpty()) {
      out.println("no record matches");
    } else {
      out.println("person\tlist\trecord");
      found.forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private static void byName(Workspace ws, NameQuery query, List<String> found) {
    for (StoredList l : ws.records().lists()) {
      List<String> fields = l.fields();
      if (!fields.contains("full_name")
          && !fields.contains("surname")
          && !fields.contains("given_name")) {
        continue; // a list with no name column is not opened at all
      }
      ws.records()
          .forEachRecord(
              l.name(),
              PURPOSE,
              r -> {
                if (!r.forgotten() && query.matches(fields, r.values())) {
                  found.add(line(r.personId(), l.name(), r.sourceRecordId(), false));
                }
              });
    }
  }

  private static String line(long person, String list, String record, boolean forgotten) {
    return String.format(
        Locale.ROOT,
        "%s\t%s\t%s%s",
        personId(person),
        list,
        record,
        forgotten ? "\tforgotten" : "");
  }
}
