package org.tumen.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tumen demo}: simulate, import, link, estimate and report on synthetic data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on synthetic data: simulate lists, import them into a fresh",
      "workspace, link, estimate and write an HTML summary. All data is synthetic."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the summary and the data (default: ${DEFAULT-VALUE}).",
      defaultValue = "tumen-demo")
  Path out;

  @Option(
      names = "--population",
      paramLabel = "N",
      description = "People in the synthetic population (default: ${DEFAULT-VALUE}).",
      defaultValue = "20000")
  int population;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("demo is being built");
  }
}
