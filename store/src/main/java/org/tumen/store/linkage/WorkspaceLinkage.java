package org.tumen.store.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tumen.link.FieldEvidence;
import org.tumen.link.LabelledPair;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkSpec;
import org.tumen.link.Linker;
import org.tumen.link.RecordRef;
import org.tumen.link.ReviewPair;
import org.tumen.link.ScoredPair;
import org.tumen.link.SourceTable;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.clusters.ClusterAssignment;
import org.tumen.store.clusters.LinkageRun;
import org.tumen.store.records.StoredList;
import org.tumen.store.review.DecidedPair;
import org.tumen.store.review.Decision;
import org.tumen.store.review.FieldComparison;
import org.tumen.store.review.QueueStatus;
import org.tumen.store.review.QueuedPair;

/**
 * Linkage of the lists stored in a workspace, with the review queue in the loop (docs/linkage.md,
 * "Review in the workspace"): the reviewers' stored decisions are obeyed as labelled pairs (a pair
 * decided same is linked, one decided different never is, as {@code tumen link --use-decisions}),
 * the clusters are saved as a linkage run (what the estimate reads), and the pairs of the uncertain
 * band are sealed into the queue (as {@code --queue-review}). The lists' identities are opened with
 * one audited read per list; nothing is written outside the workspace.
 */
public final class WorkspaceLinkage {

  private WorkspaceLinkage() {}

  /**
   * What a run did.
   *
   * @param run the saved linkage run
   * @param lists the lists linked
   * @param records the records linked (forgotten persons' records are left out)
   * @param clusters the people found
   * @param candidatePairs pairs compared
   * @param decisionsObeyed reviewers' decisions among these lists, obeyed
   * @param band pairs in the uncertain band
   * @param queued of those, pairs new to the review queue
   * @param queue the queue's state afterwards
   */
  public record Outcome(
      LinkageRun run,
      List<String> lists,
      long records,
      long clusters,
      long candidatePairs,
      int decisionsObeyed,
      int band,
      int queued,
      QueueStatus queue) {
    public Outcome {
      lists = List.copyOf(lists);
    }
  }

  /**
   * Links {@code lists} of an unlocked workspace, saves the run and queues its review band.
   *
   * @param purpose why the identities are opened, for the audit trail
   * @param progress told of each step (reading, the engine's own steps, saving)
   * @throws BadInputException when fewer than two of the lists are in the workspace, or the lists
   *     cannot be linked as they are (the engine's message)
   */
  public static Outcome run(Workspace ws, Set<String> lists, String purpose, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    List<StoredList> chosen = new ArrayList<>();
    long total = 0;
    for (StoredList l : ws.records().lists()) {
      if (lists.contains(l.name())) {
        chosen.add(l);
        total += l.records();
      }
    }
    if (chosen.size() < 2) {
      throw new BadInputException("lists", "linkage needs at least two lists");
    }
    Set<String> names = new TreeSet<>();
    chosen.forEach(l -> names.add(l.name()));
    List<LabelledPair> decided = new ArrayList<>();
    for (LabelledPair p : labels(ws.review().labels())) {
      if (names.contains(p.a().source()) && names.contains(p.b().source())) {
        decided.add(p);
      }
    }
    progress.start("reading the lists", total);
    List<SourceTable> tables = new ArrayList<>();
    long records = 0;
    for (StoredList l : chosen) {
      List<List<String>> rows = new ArrayList<>((int) l.records());
      ws.records()
          .forEachRecord(
              l.name(),
              purpose,
              r -> {
                if (!r.forgotten()) {
                  rows.add(r.values());
                }
                progress.step(1);
              });
      records += rows.size();
      tables.add(new SourceTable(l.name(), l.headers(), rows));
    }
    progress.finish();
    Linker linker = new Linker();
    if (!decided.isEmpty()) {
      linker = linker.withDecisions(decided);
    }
    LinkResult result = linker.link(tables, LinkSpec.infer(tables), progress);
    tables.clear();
    progress.start("saving the clusters", 1);
    LinkageRun run = ws.clusters().saveRun(describe(names, decided.size()), assignments(result));
    progress.finish();
    List<QueuedPair> band = reviewBand(result);
    progress.start("queueing the review band", 1);
    int queued = ws.review().enqueue(band);
    progress.finish();
    return new Outcome(
        run,
        List.copyOf(names),
        records,
        result.clusterCount(),
        result.model().candidatePairs(),
        decided.size(),
        band.size(),
        queued,
        ws.review().status());
  }

  private static String describe(Set<String> names, int decisions) {
    String text =
        "linkage of " + String.join(", ", names) + " obeying " + decisions + " review decisions";
    return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
  }

  /** The stored decisions as labelled pairs; "not sure" is no label. */
  public static List<LabelledPair> labels(List<DecidedPair> decided) {
    List<LabelledPair> out = new ArrayList<>();
    for (DecidedPair d : decided) {
      if (d.decision() == Decision.NOT_SURE) {
        continue;
      }
      out.add(
          new LabelledPair(
              new RecordRef(d.pair().sourceA(), d.pair().recordA()),
              new RecordRef(d.pair().sourceB(), d.pair().recordB()),
              d.decision() == Decision.SAME));
    }
    return out;
  }

  /** The pairs of a linkage's uncertain band with their evidence, as the queue stores them. */
  public static List<QueuedPair> reviewBand(LinkResult result) {
    List<QueuedPair> pairs = new ArrayList<>();
    for (ReviewPair r : result.review()) {
      ScoredPair s = r.pair();
      List<FieldComparison> fields = new ArrayList<>();
      for (FieldEvidence e : r.evidence()) {
        fields.add(new FieldComparison(e.field(), e.valueA(), e.valueB(), e.level(), e.weight()));
      }
      pairs.add(
          QueuedPair.of(
              s.a().source(), s.a().id(), s.b().source(), s.b().id(), s.probability(), fields));
    }
    return pairs;
  }

  /** Every record's cluster, for {@code ClusterRepository.saveRun}. */
  public static List<ClusterAssignment> assignments(LinkResult linked) {
    List<ClusterAssignment> members = new ArrayList<>(linked.size());
    for (int i = 0; i < linked.size(); i++) {
      RecordRef r = linked.record(i);
      members.add(new ClusterAssignment(r.source(), r.id(), Integer.toString(linked.clusterOf(i))));
    }
    return members;
  }
}
