package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER, replaced by the owner of issue 5: List, show and check release policies. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "List, show and check release policies.")
public final class PolicyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd policy' is not implemented yet (issue 5)");
  }
}
