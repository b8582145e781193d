package org.fairkd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fairkd.policies.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd policy show NAME|FILE}: the resolved policy as YAML, with includes and overrides
 * applied and every default written out; the output is itself a valid standalone policy.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print the resolved policy (includes and overrides applied) as YAML.")
public final class PolicyShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME|FILE", description = "A bundled policy name or a policy file.")
  String policy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(Policies.toYaml(Policies.resolve(policy)));
    out.flush();
    return ExitCodes.PASS;
  }
}
