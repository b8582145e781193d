package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 4: Distil a teacher ensemble into a student model.
 */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    description = "Distil a teacher ensemble into a student model.")
public final class DistillCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd distill' is not implemented yet (issue 4)");
  }
}
