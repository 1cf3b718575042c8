package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.CliRun.Run;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * {@code tumen link --queue-review}, {@code tumen review} and {@code tumen link --use-decisions}
 * end to end, in process, on a sealed workspace and simulated (synthetic) lists: a pair decided
 * against the model's clustering ends the other way at the next run.
 */
class ReviewCommandTest {

  private static final Pattern PAIR =
      Pattern.compile("pair (\\d+): (\\S+)/(\\S+) and (\\S+)/(\\S+), match probability .*");

  @TempDir Path dir;
  Path ws;
  Path pass;
  List<String> inputs = new ArrayList<>();

  Run tumen(String... args) {
    return CliRun.inWorkspace(ws, pass, args);
  }

  @BeforeEach
  void listsAndWorkspace() throws IOException {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
    Path lists = dir.resolve("lists");
    java.io.StringWriter err = new java.io.StringWriter();
    int sim =
        Main.run(
            new String[] {
              "simulate",
              "--population",
              "3000",
              "--lists",
              "3",
              "--seed",
              "5",
              "--out",
              lists.toString()
            },
            new java.io.PrintWriter(new java.io.StringWriter(), true),
            new java.io.PrintWriter(err, true));
    assertThat(sim).as(err.toString()).isZero();
    try (Stream<Path> s = Files.list(lists)) {
      s.filter(
              p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("truth.csv"))
          .sorted()
          .forEach(p -> inputs.add(p.toString()));
    }
  }

  Run link(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("link", "--threads", "1", "--input"));
    args.addAll(inputs);
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(more));
    return tumen(args.toArray(String[]::new));
  }

  static Map<String, String> clusters(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
      String[] f = line.split(",");
      out.put(f[0] + "/" + f[1], f[2]);
    }
    return out;
  }

  @Test
  void aDecisionAgainstTheModelChangesTheNextRunAndTheQueueShowsProgress() throws IOException {
    Path first = dir.resolve("c1.csv");
    Run queued = link(first, "--queue-review");
    assertThat(queued.status()).as(queued.err()).isZero();
    Matcher added =
        Pattern.compile("review queue: (\\d+) of (\\d+) pairs in the band added")
            .matcher(queued.out());
    assertThat(added.find()).as(queued.out()).isTrue();
    int band = Integer.parseInt(added.group(1));
    assertThat(band).isPositive().isEqualTo(Integer.parseInt(added.group(2)));

    Run status = tumen("review", "status");
    assertThat(status.out())
        .contains("0 of " + band + " pairs decided (0 same, 0 different), " + band + " remaining");

    Run next = tumen("review", "next");
    assertThat(next.status()).as(next.err()).isZero();
    Matcher m = PAIR.matcher(next.out().lines().findFirst().orElseThrow());
    assertThat(m.matches()).as(next.out()).isTrue();
    String id = m.group(1);
    String a = m.group(2) + "/" + m.group(3);
    String b = m.group(4) + "/" + m.group(5);
    assertThat(next.out()).contains("field", "level", "weight", "tumen review decide " + id);

    Map<String, String> before = clusters(first);
    boolean together = before.get(a).equals(before.get(b));
    Run decide = tumen("review", "decide", id, together ? "different" : "same");
    assertThat(decide.status()).as(decide.err()).isZero();
    assertThat(decide.out()).contains("1 of " + band + " pairs decided");

    Path second = dir.resolve("c2.csv");
    Run again = link(second, "--use-decisions", "--queue-review");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.err()).contains("decisions: ");
    Map<String, String> after = clusters(second);
    assertThat(after.get(a).equals(after.get(b))).isEqualTo(!together);
    // the decided pair is certain now: it is not queued again, and it is no longer "next"
    assertThat(tumen("review", "next").out()).doesNotContain("pair " + id + ":");

    // without the decisions the model's clustering comes back: the decision made the difference
    Path third = dir.resolve("c3.csv");
    assertThat(link(third).status()).isZero();
    assertThat(clusters(third).get(a).equals(clusters(third).get(b))).isEqualTo(together);
  }

  @Test
  void aDecidedReviewFileIsImportedAndBadInputIsOneLine() throws IOException {
    Path review = dir.resolve("review.csv");
    assertThat(link(dir.resolve("c.csv"), "--review", review.toString()).status()).isZero();
    List<String> lines = Files.readAllLines(review);
    assertThat(lines.size()).isGreaterThan(2);
    // a reviewer adds a decision column in a spreadsheet
    List<String> decided = new ArrayList<>();
    decided.add(lines.get(0) + ",decision");
    decided.add(lines.get(1) + ",same");
    decided.add(lines.get(2) + ",not sure");
    for (String l : lines.subList(3, lines.size())) {
      decided.add(l + ",");
    }
    Path file = dir.resolve("decided.csv");
    Files.write(file, decided);
    Run imported = tumen("review", "import", file.toString());
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("recorded 1 same and 0 different");
    // link obeys the file directly too
    Run linked = link(dir.resolve("c2.csv"), "--decisions", file.toString());
    assertThat(linked.err()).contains("decisions: 1 same");

    Run bad = tumen("review", "decide", "x12", "same");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).hasSize(1);
    Run badDecision = tumen("review", "decide", "12", "maybe");
    assertThat(badDecision.status()).isEqualTo(2);
    assertThat(badDecision.err()).contains("same, different or not-sure");
    Run unknown = tumen("review", "decide", "12", "same");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("no pair 12");
    Files.writeString(file, "source_a,record_id_a,source_b,record_id_b,decision\na,1,b,2,maybe\n");
    Run badFile = tumen("review", "import", file.toString());
    assertThat(badFile.status()).isEqualTo(2);
    assertThat(badFile.err()).contains(":2:5");
  }
}
