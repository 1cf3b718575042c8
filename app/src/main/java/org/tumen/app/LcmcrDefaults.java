package org.tumen.app;

import org.tumen.estimate.lcmcr.LcmcrOptions;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The LCMCR options' defaults for {@code tumen estimate --help}, taken from {@link
 * LcmcrOptions#defaults()} so that the help cannot drift from what the sampler runs.
 */
final class LcmcrDefaults implements IDefaultValueProvider {

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return null;
    }
    LcmcrOptions d = LcmcrOptions.defaults();
    return switch (o.longestName()) {
      case "--classes" -> String.valueOf(d.classes());
      case "--burnin" -> String.valueOf(d.burnin());
      case "--samples" -> String.valueOf(d.samples());
      case "--thinning" -> String.valueOf(d.thinning());
      default -> null;
    };
  }
}
