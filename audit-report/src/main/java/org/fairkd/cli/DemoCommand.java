package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 6: Run the whole pipeline on synthetic lending data.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on synthetic lending data.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd demo' is not implemented yet (issue 6)");
  }
}
