package org.fairkd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fairkd.policies.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fairkd policy list}: the bundled policies with version, rule count and title. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the bundled policies (usable as --policy NAME or in 'include').")
public final class PolicyListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-30s %-8s %5s  %s%n", "NAME", "VERSION", "RULES", "TITLE");
    for (Policies.Bundled b : Policies.bundled()) {
      out.printf("%-30s %-8s %5d  %s%n", b.name(), b.version(), b.rules(), b.title());
    }
    out.flush();
    return ExitCodes.PASS;
  }
}
