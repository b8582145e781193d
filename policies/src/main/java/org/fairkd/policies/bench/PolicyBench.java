package org.fairkd.policies.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.fairkd.policies.Policies;
import org.fairkd.policies.model.Policy;

/**
 * Times {@link Policies#resolve} of the bundled {@code lending-standard} pack and {@link
 * Policies#evaluate} on a synthetic audit with 6 attributes of 10 groups and their 15 pairwise
 * intersections of 100 groups (1,560 slices per model, every metric and disparity filled in). Times
 * are CPU time of the benchmark thread (robust on a shared machine), averaged after warm-up.
 *
 * <p>Run: {@code java -cp audit-report/target/fairkd.jar org.fairkd.policies.bench.PolicyBench}
 */
public final class PolicyBench {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<String> SLICE_METRICS =
      List.of("selection_rate", "true_positive_rate", "false_positive_rate", "accuracy", "auc");
  private static final List<String> WHOLE =
      List.of("demographic_parity_difference", "equalized_odds_difference");
  private static final List<String> GROUP =
      List.of("adverse_impact_ratio", "standardized_mean_difference");

  private PolicyBench() {}

  /** Prints the timings; no arguments. */
  public static void main(String[] args) {
    ObjectNode audit = syntheticAudit(new Random(42));
    time("resolve lending-standard", () -> Policies.resolve("lending-standard").rules().size());
    Policy standard = Policies.resolve("lending-standard");
    time("evaluate lending-standard", () -> Policies.evaluate(standard, audit).outcomes().size());
    Policy four = Policies.resolve("four-fifths");
    time("evaluate four-fifths", () -> Policies.evaluate(four, audit).outcomes().size());
  }

  private static void time(String what, IntSupplier task) {
    for (int i = 0; i < 5; i++) {
      task.getAsInt();
    }
    long start = THREADS.getCurrentThreadCpuTime();
    int n = 0;
    int size = 0;
    while (THREADS.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
      size = task.getAsInt();
      n++;
    }
    double ms = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / n;
    System.out.printf("%-28s %8.2f ms CPU (%d results, %d runs)%n", what, ms, size, n);
  }

  /** An audit.json tree: teacher, student and delta with slices, disparities and tests. */
  static ObjectNode syntheticAudit(Random r) {
    ObjectNode root = F.objectNode();
    root.put("schema", "fairkd.audit/1");
    root.putObject("config").put("ci_level", 0.95).put("min_slice_size", 30);
    ObjectNode models = root.putObject("models");
    ObjectNode comparison = root.putObject("comparison");
    comparison.set("fidelity", est(0.97, r));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      keys.add("a" + i);
    }
    for (int i = 0; i < 6; i++) {
      for (int j = i + 1; j < 6; j++) {
        keys.add("a" + i + "*a" + j);
      }
    }
    for (ObjectNode m :
        List.of(
            models.putObject("teacher"),
            models.putObject("student"),
            comparison.putObject("deltas"))) {
      ObjectNode overall = m.putObject("overall").putObject("metrics");
      SLICE_METRICS.forEach(s -> overall.set(s, est(r.nextDouble(), r)));
      ArrayNode slices = m.putArray("slices");
      ObjectNode disparities = m.putObject("disparities");
      ArrayNode tests = m.putArray("tests");
      for (String k : keys) {
        String[] names = k.split("\\*");
        int groups = names.length > 1 ? 100 : 10;
        ObjectNode d = disparities.putObject(k).put("reference", names.length > 1 ? "g0*g0" : "g0");
        WHOLE.forEach(w -> d.set(w, est(r.nextDouble() * 0.1, r)));
        for (String g : GROUP) {
          ObjectNode byGroup = d.putObject(g);
          for (int gi = 1; gi < groups; gi++) {
            byGroup.set(group(names.length, gi), est(0.7 + r.nextDouble() * 0.4, r));
          }
        }
        d.putArray("skipped");
        for (int gi = 0; gi < groups; gi++) {
          ObjectNode s = slices.addObject();
          ObjectNode attributes = s.putObject("attributes");
          for (String n : names) {
            attributes.put(n, "g" + gi);
          }
          s.put("count", 100.0).put("status", gi % 17 == 0 ? "insufficient_data" : "ok");
          ObjectNode metrics = s.putObject("metrics");
          SLICE_METRICS.forEach(x -> metrics.set(x, est(r.nextDouble(), r)));
          if (gi > 0) {
            tests
                .addObject()
                .put("attribute", k)
                .put("group", group(names.length, gi))
                .put("metric", "selection_rate")
                .put("p_value", r.nextDouble())
                .put("p_adjusted", r.nextDouble());
          }
        }
      }
    }
    return root;
  }

  private static String group(int arity, int gi) {
    return String.join("*", java.util.Collections.nCopies(arity, "g" + gi));
  }

  private static ObjectNode est(double v, Random r) {
    double half = 0.01 + 0.05 * r.nextDouble();
    return F.objectNode().put("value", v).put("ci_low", v - half).put("ci_high", v + half);
  }
}
