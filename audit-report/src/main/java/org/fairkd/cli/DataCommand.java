package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 2: Describe a dataset or write synthetic lending
 * data.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Describe a dataset or write synthetic lending data.")
public final class DataCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd data' is not implemented yet (issue 2)");
  }
}
