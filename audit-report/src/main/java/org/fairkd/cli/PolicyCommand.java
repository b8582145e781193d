package org.fairkd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd policy}: list the bundled release policies, show a resolved policy, check a policy
 * file, list the metric names rules may use, and evaluate a policy against an existing audit.json.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "List, show and check release policies.",
    subcommands = {
      PolicyListCommand.class,
      PolicyShowCommand.class,
      PolicyCheckCommand.class,
      PolicyMetricsCommand.class,
      PolicyEvaluateCommand.class
    })
public final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand (list, show, check, metrics, evaluate)");
  }
}
