package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryCommandOfTheDesign() {
    Result r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("demo", "simulate", "import", "link", "estimate", "keys", "audit", "forget")
        .contains("backup", "restore", "export");
  }

  @Test
  void aValueOfTheWrongTypeIsOneLineAndExitTwo() {
    Result r = run("simulate", "--population", "abc", "--out", "x");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("tumen: ").contains("'abc'").contains("tumen simulate --help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsOneLineAndExitTwo() {
    Result r = run("frobnicate");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("frobnicate");
  }
}
