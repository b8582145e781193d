package org.fairkd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * PLACEHOLDER, replaced by the owner of issue 6: Audit teacher and student scores computed
 * elsewhere.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit teacher and student scores computed elsewhere.")
public final class AuditCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("'fairkd audit' is not implemented yet (issue 6)");
  }
}
