package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 6: Measure audit throughput and student scoring
 * latency.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure audit throughput and student scoring latency.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd bench' is not implemented yet (issue 6)");
  }
}
