package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER, replaced by the owner of issue 4: student scoring latency and throughput. */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = "Measure single-row latency and batch throughput of a saved student.")
public final class BenchScoringCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd bench scoring' is not implemented yet");
  }
}
