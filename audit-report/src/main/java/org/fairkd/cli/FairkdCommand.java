package org.fairkd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fairkd} command line: distil a teacher ensemble into a student and audit both.
 *
 * <p>Exit codes: 0 every gating rule passed; 1 a gating rule failed; 2 bad input, bad usage or an
 * internal error. Each subcommand is a small class in this package or a sub-package.
 */
@Command(
    name = "fairkd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Distil a teacher ensemble into a fast student model and audit both for fairness.",
    subcommands = {
      DataCommand.class,
      MetricsCommand.class,
      DistillCommand.class,
      SearchCommand.class,
      PolicyCommand.class,
      RunCommand.class,
      AuditCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ProxyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FairkdCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Builds the configured command line (shared by {@link #main} and the tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FairkdCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    Logging.configure();
    System.exit(commandLine().execute(args));
  }
}
