package org.fairkd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fairkd bench}: measure audit throughput and student scoring on your own hardware. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure audit throughput and student scoring latency.",
    subcommands = {BenchAuditCommand.class, BenchScoringCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing required subcommand (audit, scoring)");
  }
}
