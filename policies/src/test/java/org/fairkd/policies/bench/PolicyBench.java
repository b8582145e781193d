package org.fairkd.policies.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.Policies;
import org.fairkd.policies.facts.FactsBuilder;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.facts.Shortfall;
import org.fairkd.policies.facts.SliceKey;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Subject;

/**
 * Times {@link Policies#resolve} of the bundled {@code lending-standard} pack and {@link
 * Policies#evaluate} on synthetic figures: 6 attributes of 10 groups and their 15 pairwise
 * intersections of 100 groups (1,560 slices per subject, every metric and disparity filled in).
 * Times are CPU time of the benchmark thread (robust on a shared machine), averaged after warm-up.
 *
 * <p>Run from the test classpath: {@code mvn -q -pl policies -am test-compile} then {@code java -cp
 * <test and main classes and dependencies> org.fairkd.policies.bench.PolicyBench}.
 */
public final class PolicyBench {
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
    FactsBuilder audit = syntheticFacts(new Random(42));
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

  /** Teacher, student and delta with slices, disparities and tests. */
  static FactsBuilder syntheticFacts(Random r) {
    FactsBuilder b = new FactsBuilder().model("fidelity", est(0.97, r));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      keys.add("a" + i);
    }
    for (int i = 0; i < 6; i++) {
      for (int j = i + 1; j < 6; j++) {
        keys.add("a" + i + "*a" + j);
      }
    }
    for (Subject s : Subject.values()) {
      SLICE_METRICS.forEach(m -> b.overall(s, m, est(r.nextDouble(), r)));
      for (String k : keys) {
        int arity = k.split("\\*").length;
        int groups = arity > 1 ? 100 : 10;
        WHOLE.forEach(w -> b.attribute(s, k, w, est(r.nextDouble() * 0.1, r)));
        for (String g : GROUP) {
          for (int gi = 1; gi < groups; gi++) {
            b.group(s, k, g, group(arity, gi), est(0.7 + r.nextDouble() * 0.4, r));
          }
        }
        for (int gi = 0; gi < groups; gi++) {
          SliceKey key = new SliceKey(k, group(arity, gi));
          boolean small = gi % 17 == 0;
          for (String m : SLICE_METRICS) {
            Estimate e = est(r.nextDouble(), r);
            if (small) {
              b.slice(s, key, m, Figure.insufficient(e, new Shortfall(100.0, 30, null), k));
            } else {
              b.slice(s, key, m, e);
            }
          }
          if (gi > 0 && s != Subject.DELTA) {
            b.test(s, k, group(arity, gi), r.nextDouble());
          }
        }
      }
    }
    return b;
  }

  private static String group(int arity, int gi) {
    return String.join("*", Collections.nCopies(arity, "g" + gi));
  }

  private static Estimate est(double v, Random r) {
    double half = 0.01 + 0.05 * r.nextDouble();
    return Estimate.of(v, v - half, v + half);
  }
}
