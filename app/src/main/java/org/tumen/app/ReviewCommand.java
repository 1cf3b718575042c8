package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tumen.link.LabelledPair;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Protection;
import org.tumen.store.review.Decision;
import org.tumen.store.review.FieldComparison;
import org.tumen.store.review.PairRef;
import org.tumen.store.review.QueueStatus;
import org.tumen.store.review.QueuedPair;
import org.tumen.store.review.ReviewQueue;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tumen review status | next | decide | import}: the linkage review queue of a workspace
 * (docs/linkage.md, "Review in the workspace"). {@code tumen link --queue-review} fills it; the
 * decisions are used by {@code tumen link --use-decisions}.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Review the pairs linkage was unsure of: see two records side by side with each field's",
      "evidence, and decide whether they are the same person. 'tumen link --queue-review' fills",
      "the queue; 'tumen link --use-decisions' links every pair decided same and never one",
      "decided different."
    },
    subcommands = {
      ReviewCommand.Status.class,
      ReviewCommand.Next.class,
      ReviewCommand.Decide.class,
      ReviewCommand.Import.class
    })
final class ReviewCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void printStatus(PrintWriter out, QueueStatus s) {
    out.printf(
        Locale.ROOT,
        "%d of %d pairs decided (%d same, %d different), %d remaining (%d not sure)%n",
        s.decided(),
        s.queued(),
        s.same(),
        s.different(),
        s.remaining(),
        s.notSure());
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "How far the review has got. Reads no identity: no passphrase needed.")
  static final class Status implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        PrintWriter out = spec.commandLine().getOut();
        printStatus(out, ws.review().status());
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "next",
      mixinStandardHelpOptions = true,
      description = {
        "Show the next pair to decide (the least certain first; pairs marked 'not sure' come",
        "back last) with each field side by side. Unlocks; opening the pair is audited."
      })
  static final class Next implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        session.unlock(workspace.passphraseFile);
        ReviewQueue q = ws.review();
        var next = q.nextId();
        if (next.isEmpty()) {
          out.println("nothing to review");
        } else {
          QueuedPair p = q.open(next.get(), "tumen review next: decide a linkage pair").get();
          print(out, p);
          out.printf("decide: tumen review decide %d same|different|not-sure%n", next.get());
        }
        printStatus(out, q.status());
      }
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, QueuedPair p) {
      PairRef r = p.pair();
      String a = r.sourceA() + "/" + r.recordA();
      String b = r.sourceB() + "/" + r.recordB();
      out.printf(
          Locale.ROOT,
          "pair %d: %s and %s, match probability %.3f%n",
          p.id(),
          printable(a),
          printable(b),
          p.probability());
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"field", printable(a), printable(b), "level", "weight"});
      for (FieldComparison f : p.fields()) {
        rows.add(
            new String[] {
              printable(f.field()),
              value(f.valueA()),
              value(f.valueB()),
              f.level() == null ? "(forgotten)" : f.level(),
              Double.isNaN(f.weight()) ? "" : String.format(Locale.ROOT, "%+.2f", f.weight())
            });
      }
      int[] width = new int[5];
      for (String[] row : rows) {
        for (int i = 0; i < 5; i++) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
          sb.append(row[i]);
          if (i < 4) {
            sb.append(" ".repeat(width[i] - row[i].length() + 2));
          }
        }
        out.println(sb.toString().stripTrailing());
      }
    }

    private static String value(String v) {
      return v == null ? "(forgotten)" : printable(v);
    }

    /** Control characters as \\uXXXX: a list's cell must not move the terminal's cursor. */
    static String printable(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      s.codePoints()
          .forEach(
              cp -> {
                if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                        && cp != 0x200D /* joiner inside Hangul/emoji is harmless */) {
                  sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
                } else {
                  sb.appendCodePoint(cp);
                }
              });
      return sb.toString();
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description = {
        "Record a decision about a queued pair: same, different or not-sure. Every decision is",
        "kept with who made it and when; the latest counts. Reads no identity."
      })
  static final class Decide implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PAIR", description = "The pair's id (review next).")
    String pair;

    @Parameters(index = "1", paramLabel = "DECISION", description = "same, different or not-sure.")
    String decision;

    @Override
    public Integer call() {
      Decision d =
          Decision.parse(decision)
              .orElseThrow(
                  () -> new BadInputException("DECISION", "must be same, different or not-sure"));
      long id;
      try {
        id = Long.parseLong(pair.strip());
      } catch (NumberFormatException e) {
        throw new BadInputException("PAIR", "not a pair id (a number, as review next shows it)");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        ReviewQueue q = ws.review();
        PairRef p =
            q.pair(id)
                .orElseThrow(
                    () -> new BadInputException("PAIR", "no pair " + id + " in the queue"));
        q.decide(p, d, Protection.actor());
        out.printf("pair %d: %s%n", id, d.code());
        printStatus(out, q.status());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Record the decisions of a file: a review file (tumen link --review) with a 'decision'",
        "column filled in (same, different, not sure or blank), or labelled pairs",
        "(source_a,record_id_a,source_b,record_id_b,match). Blank and 'not sure' rows are no",
        "decision. One transaction."
      })
  static final class Import implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The decided pairs (CSV).")
    Path file;

    @Override
    public Integer call() {
      List<LabelledPair> labels = LabelledPair.read(file);
      Map<PairRef, Decision> decided = new LinkedHashMap<>();
      for (LabelledPair l : labels) {
        if (l.a().equals(l.b())) {
          continue;
        }
        PairRef p = PairRef.of(l.a().source(), l.a().id(), l.b().source(), l.b().id());
        decided.remove(p); // a later row about the same pair wins, as it would stored later
        decided.put(p, l.match() ? Decision.SAME : Decision.DIFFERENT);
      }
      long same = decided.values().stream().filter(d -> d == Decision.SAME).count();
      PrintWriter out = spec.commandLine().getOut();
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        ReviewQueue q = ws.review();
        q.decideAll(decided, Protection.actor());
        out.printf("recorded %d same and %d different%n", same, decided.size() - same);
        printStatus(out, q.status());
      }
      out.flush();
      return 0;
    }
  }
}
