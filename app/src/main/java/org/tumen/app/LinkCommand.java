package org.tumen.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tumen.link.Evaluation;
import org.tumen.link.FieldParameters;
import org.tumen.link.LabelledPair;
import org.tumen.link.LinkCsv;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkSpec;
import org.tumen.link.Linker;
import org.tumen.link.RecordRef;
import org.tumen.link.SourceTable;
import org.tumen.model.BadInputException;
import org.tumen.store.PrivateFiles;
import org.tumen.store.Workspace;
import org.tumen.store.linkage.WorkspaceLinkage;
import org.tumen.store.review.DecidedPair;
import org.tumen.store.review.QueuedPair;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen link}: link records about the same person across lists (DESIGN.md). */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Link records about the same person across lists, scripts and spellings.",
      "Each input CSV is one list, named after its file. Each list is read on its own: without",
      "--spec its columns' roles are inferred from its headers (English, Korean, Chinese) and",
      "values, the lists are compared on the roles they share, and the per-list spec is printed",
      "on standard error, to save, edit and give back with --spec.",
      "With --truth (or --truth-pattern / --truth-column), also prints pairwise precision,",
      "recall and F1, clusters against true people, F1 per pair of name forms and the",
      "blocking recall ceiling."
    })
final class LinkCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "FILE",
      description = "List files (CSV with a header row).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--spec",
      paramLabel = "SPEC.json",
      description =
          "Link spec (JSON): per list {\"lists\": {NAME: {\"id\", \"fields\"}}}, or one spec"
              + " for all lists (docs/linkage.md, section 1).")
  Path spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "CLUSTERS.csv",
      description = "Clusters: source,record_id,cluster_id.")
  Path out;

  @Option(names = "--pairs", paramLabel = "PAIRS.csv", description = "Scored candidate pairs.")
  Path pairs;

  @Option(
      names = "--review",
      paramLabel = "REVIEW.csv",
      description = "Pairs in the uncertain band with each field's evidence.")
  Path review;

  private static final int DEFAULT_DRAWS = 20;

  @Option(
      names = "--draws",
      paramLabel = "DRAWS.csv",
      description =
          "Alternative clusterings drawn from the pairs' probabilities"
              + " (source,record_id,draw_1,...), for tumen estimate --draws.")
  Path draws;

  @Option(
      names = "--draw-count",
      paramLabel = "K",
      description = "How many clusterings --draws holds (default: 20).")
  Integer drawCount;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description = "Match probability needed to link (default: the spec's, else 0.5).")
  Double threshold;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Labelled pairs (source_a,record_id_a,source_b,record_id_b,match, or Splink's"
              + " labels) used to estimate m and check the EM estimate.")
  Path labels;

  @Option(
      names = "--decisions",
      paramLabel = "FILE",
      description =
          "Reviewers' decisions to obey: a pair decided same is linked, one decided different"
              + " never is (a review file with a 'decision' column filled in, or labelled pairs"
              + " source_a,record_id_a,source_b,record_id_b,match).")
  Path decisions;

  @Option(
      names = "--use-decisions",
      description =
          "Obey the decisions stored in the workspace (tumen review); no passphrase needed.")
  boolean useDecisions;

  @Option(
      names = "--queue-review",
      description =
          "Put the pairs of the review band into the workspace's review queue (sealed; needs the"
              + " passphrase) for tumen review; pairs already queued or decided are not added.")
  boolean queueReview;

  @Mixin WorkspaceOptions workspace;

  @Option(
      names = "--truth",
      paramLabel = "TRUTH.csv",
      description = "True people: CSV list,rec_id,person_id (as tumen simulate writes).")
  Path truth;

  @Option(
      names = "--truth-pattern",
      paramLabel = "REGEX",
      description = "True person = group 1 of this regex on the record id, e.g. 'rec-(\\d+)-.*'.")
  String truthPattern;

  @Option(
      names = "--truth-column",
      paramLabel = "COLUMN",
      description = "True person = this column of the inputs (e.g. Splink's cluster).")
  String truthColumn;

  @Option(
      names = "--verbose",
      description = "Print the fitted model (m, u, weights), blocking rules and timings on stderr.")
  boolean verbose;

  @Option(
      names = "--errors",
      paramLabel = "ERRORS.json",
      description =
          "Expected missed and false links per pair of lists, from the model (no truth needed),"
              + " for tumen estimate --errors; with --draws they are also written beside the"
              + " draws (DRAWS.errors.json).")
  Path errors;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = command.commandLine().getErr();
    PrintWriter stdout = command.commandLine().getOut();
    if (inputs.isEmpty()) {
      throw new BadInputException("--input", "no input files");
    }
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new BadInputException("--threshold", "must lie strictly between 0 and 1");
    }
    if (drawCount != null && draws == null) {
      throw new BadInputException("--draw-count", "needs --draws DRAWS.csv to write them to");
    }
    if (drawCount != null && (drawCount < 2 || drawCount > 1000)) {
      throw new BadInputException("--draw-count", "must be between 2 and 1000");
    }
    // before the work: at a million records a folder that is not there was found after 30 s
    makeFolders();
    List<SourceTable> tables = new ArrayList<>();
    for (Path p : inputs) {
      tables.add(SourceTable.read(p));
    }
    LinkSpec linkSpec;
    if (spec != null) {
      linkSpec = LinkSpec.read(spec);
    } else {
      linkSpec = LinkSpec.infer(tables);
    }
    if (threshold != null) {
      linkSpec = linkSpec.withThreshold(threshold);
    }
    Linker linker = new Linker();
    if (threads != null) {
      if (threads < 1) {
        throw new BadInputException("--threads", "must be at least 1");
      }
      linker = linker.withThreads(threads);
    }
    if (labels != null) {
      linker = linker.withLabels(LabelledPair.read(labels));
    }
    if (draws != null) {
      linker = linker.withDraws(drawCount == null ? DEFAULT_DRAWS : drawCount);
    }
    List<LabelledPair> decided = decided();
    if (!decided.isEmpty()) {
      linker = linker.withDecisions(decided);
    }
    Map<RecordRef, String> truthMap = truth(tables);
    long start = System.nanoTime();
    LinkResult result = linker.link(tables, linkSpec, TerminalProgress.forConsole());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (spec == null) {
      // printed once the spec has proved usable, so that bad input still gives one line
      err.println("tumen: inferred spec (save it, edit it, pass it with --spec):");
      err.println(linkSpec.toJson());
      err.flush();
    }
    write(out, result, LinkCsv::writeClusters);
    if (pairs != null) {
      write(pairs, result, LinkCsv::writePairs);
    }
    if (review != null) {
      err.println(
          "tumen: "
              + review
              + " holds the compared names, dates and other values IN CLEAR (owner-only file):"
              + " keep it on encrypted media and delete it after review");
      write(review, result, LinkCsv::writeReview);
    }
    if (draws != null) {
      write(draws, result, LinkCsv::writeDraws);
    }
    if (errors != null) {
      write(errors, result, LinkageErrorsFile::write);
    }
    if (draws != null && !sameFile(errors, LinkageErrorsFile.besideDraws(draws))) {
      write(LinkageErrorsFile.besideDraws(draws), result, LinkageErrorsFile::write);
    }
    if (queueReview) {
      queue(result, stdout);
    }
    result.model().notes().stream()
        .filter(n -> verbose || n.startsWith("warning") || n.startsWith("decisions:"))
        .forEach(n -> err.println("tumen: " + n));
    if (verbose) {
      for (FieldParameters f : result.model().fields()) {
        StringBuilder sb = new StringBuilder("tumen: field ").append(f.field()).append(':');
        for (int l = 0; l < f.levels().size(); l++) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  " %s m=%.4f u=%.6f w=%.2f;",
                  f.levels().get(l),
                  f.m().get(l),
                  f.u().get(l),
                  f.weight().get(l)));
        }
        err.println(sb);
      }
    }
    stdout.printf(
        Locale.ROOT,
        "linked %d records from %d lists into %d clusters in %.1f s (%d candidate pairs)%n",
        result.size(),
        tables.size(),
        result.clusterCount(),
        seconds,
        result.model().candidatePairs());
    if (truthMap != null) {
      print(stdout, Evaluation.of(result, truthMap));
    }
    stdout.flush();
    return 0;
  }

  /** The decisions of --decisions and --use-decisions, in that order. */
  private List<LabelledPair> decided() {
    List<LabelledPair> out = new ArrayList<>();
    if (decisions != null) {
      out.addAll(LabelledPair.read(decisions));
    }
    if (useDecisions) {
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        List<DecidedPair> stored = ws.review().labels();
        if (stored.isEmpty()) {
          command
              .commandLine()
              .getErr()
              .println("tumen: warning: " + ws.directory() + " holds no decisions (tumen review)");
        }
        out.addAll(WorkspaceLinkage.labels(stored));
      }
    }
    return out;
  }

  /** Seals the review band into the workspace's queue. */
  private void queue(LinkResult result, PrintWriter out) {
    List<QueuedPair> pairs = WorkspaceLinkage.reviewBand(result);
    try (WorkspaceSession session =
        WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      session.unlock(workspace.passphraseFile);
      int added = ws.review().enqueue(pairs);
      out.printf(
          Locale.ROOT, "review queue: %d of %d pairs in the band added; ", added, pairs.size());
      ReviewCommand.printStatus(out, ws.review().status());
    }
  }

  private static void print(PrintWriter out, Evaluation e) {
    out.printf(
        Locale.ROOT,
        "pairwise precision %.4f recall %.4f F1 %.4f (%d true pairs, %d linked, %d correct)%n",
        e.precision(),
        e.recall(),
        e.f1(),
        e.truePairs(),
        e.predictedPairs(),
        e.correctPairs());
    out.printf(
        Locale.ROOT,
        "clusters %d, true people %d (%+.2f%%)%n",
        e.clusters(),
        e.people(),
        100.0 * (e.clusters() - e.people()) / Math.max(1, e.people()));
    out.printf(Locale.ROOT, "blocking recall ceiling %.4f%n", e.blockingRecall());
    out.println("name forms\ttrue pairs\tlinked\tprecision\trecall\tF1");
    e.byNameForms()
        .forEach(
            (forms, c) ->
                out.printf(
                    Locale.ROOT,
                    "%s\t%d\t%d\t%.4f\t%.4f\t%.4f%n",
                    forms,
                    c.truePairs(),
                    c.predictedPairs(),
                    c.precision(),
                    c.recall(),
                    c.f1()));
  }

  /** Creates, owner-only, the folder of every output asked for that is missing. */
  private void makeFolders() {
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", out);
    outputs.put("--pairs", pairs);
    outputs.put("--review", review);
    outputs.put("--draws", draws);
    outputs.put("--errors", errors);
    outputs.forEach(
        (option, path) -> {
          if (path != null) {
            OutputPaths.createParent(option, path);
          }
        });
  }

  private static void write(Path file, LinkResult r, BiConsumer<LinkResult, Writer> how) {
    // Owner-only: the review holds names in clear, and every output ties records across lists.
    try (Writer w = PrivateFiles.newWriter(file)) {
      how.accept(r, w);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(file.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  /** The true person of each record, from whichever truth option was given; null if none. */
  private Map<RecordRef, String> truth(List<SourceTable> tables) {
    int given =
        (truth != null ? 1 : 0) + (truthPattern != null ? 1 : 0) + (truthColumn != null ? 1 : 0);
    if (given > 1) {
      throw new BadInputException(
          "--truth", "give only one of --truth, --truth-pattern and --truth-column");
    }
    Map<RecordRef, String> map = new HashMap<>();
    if (truth != null) {
      SourceTable t = SourceTable.read(truth);
      int list = first(t, "list", "source");
      int id = first(t, "rec_id", "record_id");
      int person = first(t, "person_id", "cluster", "person");
      if (list < 0 || id < 0 || person < 0) {
        throw new BadInputException(
            truth.toString(), "truth needs the columns list,rec_id,person_id");
      }
      for (List<String> row : t.rows()) {
        map.put(new RecordRef(row.get(list), row.get(id)), row.get(person));
      }
      return map;
    }
    if (truthPattern != null) {
      Pattern p;
      try {
        p = Pattern.compile(truthPattern);
      } catch (PatternSyntaxException e) {
        throw new BadInputException("--truth-pattern", "not a regular expression");
      }
      LinkSpec ids = LinkSpec.infer(tables);
      for (SourceTable t : tables) {
        int id = ids.idColumn(t);
        for (List<String> row : t.rows()) {
          Matcher m = p.matcher(row.get(id));
          if (m.matches() && m.groupCount() >= 1) {
            map.put(new RecordRef(t.name(), row.get(id)), m.group(1));
          }
        }
      }
      return map;
    }
    if (truthColumn != null) {
      LinkSpec ids = LinkSpec.infer(tables);
      for (SourceTable t : tables) {
        int id = ids.idColumn(t);
        int c = t.column(truthColumn);
        if (c < 0) {
          throw new BadInputException(t.name(), "no column \"" + truthColumn + "\"");
        }
        for (List<String> row : t.rows()) {
          map.put(new RecordRef(t.name(), row.get(id)), row.get(c));
        }
      }
      return map;
    }
    return null;
  }

  private static int first(SourceTable t, String... names) {
    for (String n : names) {
      int c = t.column(n);
      if (c >= 0) {
        return c;
      }
    }
    return -1;
  }

  /** Whether {@code a} names the file {@code b} does (so it is written once). */
  private static boolean sameFile(Path a, Path b) {
    return a != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
