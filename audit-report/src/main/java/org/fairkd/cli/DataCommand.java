package org.fairkd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fairkd data}: describe a dataset or write synthetic lending data. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Describe a dataset or write synthetic lending data.",
    subcommands = {DataDescribeCommand.class, DataSynthCommand.class})
public final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand (describe or synth)");
  }
}
