package org.fairkd.policies.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.MetricCatalog;
import org.fairkd.fairness.metrics.WholeDisparity;

/**
 * The metric names a policy rule may use: every metric of the fairness module's {@link
 * MetricCatalog} (per-slice metrics, whole-attribute and group-vs-reference disparities, the
 * student-vs-teacher comparison figures, with {@code kl} accepted for {@code kl_divergence}), and
 * the distillation figures {@code gap_recovered, latency_speedup, throughput_speedup, size_ratio,
 * log_loss}.
 */
public final class PolicyMetrics {
  /** The distillation figures, found in audit.json's {@code distillation} section. */
  public static final List<String> DISTILLATION =
      List.of("gap_recovered", "latency_speedup", "throughput_speedup", "size_ratio", "log_loss");

  private static final Map<String, MetricInfo> METRICS = build();

  private PolicyMetrics() {}

  private static Map<String, MetricInfo> build() {
    Map<String, String> tested = new LinkedHashMap<>();
    Map<String, List<String>> bases = new LinkedHashMap<>();
    for (GroupDisparity g : MetricCatalog.groupDisparities()) {
      bases.put(g.name(), g.bases());
      // the audit's group-vs-reference tests compare selection rates
      if (g.bases().equals(List.of("selection_rate"))) {
        tested.put(g.name(), "selection_rate");
      }
    }
    for (WholeDisparity w : MetricCatalog.wholeDisparities()) {
      bases.put(w.name(), w.bases());
    }
    Map<String, MetricInfo> m = new LinkedHashMap<>();
    for (org.fairkd.fairness.metrics.MetricInfo info : MetricCatalog.all().values()) {
      MetricKind kind = MetricKind.valueOf(info.kind().name());
      m.put(
          info.name(),
          new MetricInfo(
              info.name(),
              kind,
              tested.get(info.name()),
              bases.getOrDefault(info.name(), List.of())));
    }
    m.put("kl", new MetricInfo("kl", MetricKind.COMPARISON, null, List.of()));
    for (String d : DISTILLATION) {
      m.put(d, new MetricInfo(d, MetricKind.DISTILLATION, null, List.of()));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The metric called {@code name}, if a rule may use it. */
  public static Optional<MetricInfo> lookup(String name) {
    return Optional.ofNullable(METRICS.get(name));
  }

  /** Every valid name, in catalogue order. */
  public static Set<String> names() {
    return METRICS.keySet();
  }

  /** The formula and description of a fairness metric (empty for distillation figures). */
  public static String describe(String name) {
    String key = name.equals("kl") ? "kl_divergence" : name;
    return MetricCatalog.find(key).map(i -> i.formula() + " — " + i.description()).orElse("");
  }
}
