package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER, replaced by the owner of issue 6: Distil, audit and report in one step. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Distil, audit and report in one step.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd run' is not implemented yet (issue 6)");
  }
}
