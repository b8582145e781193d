package org.fairkd.policies.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fairkd.fairness.metrics.MetricRegistry;

/**
 * The metric names a policy rule may use: every metric of the fairness module's {@link
 * MetricRegistry#current()} (per-slice metrics, whole-attribute and group-vs-reference disparities,
 * the student-vs-teacher comparison figures, with {@code kl} accepted for {@code kl_divergence}),
 * then the distillation figures {@code gap_recovered, latency_speedup, throughput_speedup,
 * size_ratio, log_loss} and the search figures ({@link org.fairkd.policies.search.SearchFigures}),
 * which policies own.
 */
public final class PolicyMetrics {
  /** The distillation figures, found in audit.json's {@code distillation} section. */
  public static final List<String> DISTILLATION =
      List.of("gap_recovered", "latency_speedup", "throughput_speedup", "size_ratio", "log_loss");

  private static final Map<String, String> ALIASES = Map.of("kl", "kl_divergence");
  private static MetricRegistry builtFrom;
  private static Map<String, MetricInfo> metrics;

  private PolicyMetrics() {}

  private static synchronized Map<String, MetricInfo> metrics() {
    MetricRegistry registry = MetricRegistry.current();
    if (registry != builtFrom) {
      Map<String, MetricInfo> m = new LinkedHashMap<>();
      for (org.fairkd.fairness.metrics.MetricInfo info : registry.infos()) {
        m.put(info.name(), MetricInfo.of(info.name(), info));
      }
      ALIASES.forEach(
          (alias, name) ->
              registry.find(name).ifPresent(i -> m.put(alias, MetricInfo.of(alias, i))));
      for (String d : DISTILLATION) {
        m.put(d, new MetricInfo(d, MetricKind.DISTILLATION, null, List.of(), ""));
      }
      for (String d : org.fairkd.policies.search.SearchFigures.ALL) {
        m.put(d, new MetricInfo(d, MetricKind.DISTILLATION, null, List.of(), ""));
      }
      metrics = Collections.unmodifiableMap(m);
      builtFrom = registry;
    }
    return metrics;
  }

  /**
   * True for the one comparison figure that is also measured per slice: {@code fidelity}, whose
   * value on a slice is that slice's decision agreement rate (a rule may scope it to slices).
   */
  public static boolean perSlice(String name) {
    return name.equals("fidelity");
  }

  /** The metric called {@code name}, if a rule may use it. */
  public static Optional<MetricInfo> lookup(String name) {
    return Optional.ofNullable(metrics().get(name));
  }

  /** Every valid name, in registry order, then the distillation figures. */
  public static Set<String> names() {
    return metrics().keySet();
  }

  /** The formula and description of a fairness metric (empty for distillation figures). */
  public static String describe(String name) {
    return lookup(name).map(MetricInfo::description).orElse("");
  }
}
