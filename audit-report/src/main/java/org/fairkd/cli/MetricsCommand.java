package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 3: Fairness metrics with intervals and tests from a
 * predictions CSV.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "Fairness metrics with intervals and tests from a predictions CSV.")
public final class MetricsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd metrics' is not implemented yet (issue 3)");
  }
}
