package org.fairkd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fairkd.policies.metric.MetricInfo;
import org.fairkd.policies.metric.PolicyMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fairkd policy metrics}: every metric name a rule may use, its kind and formula. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "List the metric names a policy rule may use, with kind and formula.")
public final class PolicyMetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-32s %-20s %s%n", "METRIC", "KIND", "FORMULA / DESCRIPTION");
    for (String name : PolicyMetrics.names()) {
      MetricInfo m = PolicyMetrics.lookup(name).orElseThrow();
      String kind = m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      String doc = PolicyMetrics.describe(name);
      if (doc.isEmpty()) {
        doc = "distill.json figure (distillation." + name + " in audit.json)";
      }
      out.printf("%-32s %-20s %s%n", name, kind, doc);
    }
    out.flush();
    return ExitCodes.PASS;
  }
}
