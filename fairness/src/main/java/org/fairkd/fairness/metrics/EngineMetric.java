package org.fairkd.fairness.metrics;

import java.util.Set;

/**
 * A metric that the engine computes with a dedicated method (not from a formula over counts or
 * rows): the standardized mean difference (Hedges' interval on Kish effective sizes), the fidelity
 * and the KL divergence of a comparison. Only the standard registry defines these.
 *
 * @param info registry entry
 */
public record EngineMetric(MetricInfo info) implements Metric {
  /** Name of the standardized mean difference. */
  public static final String SMD = "standardized_mean_difference";

  /** Name of the decision agreement of two models. */
  public static final String FIDELITY = "fidelity";

  /** Name of the KL divergence of two models' probabilities. */
  public static final String KL = "kl_divergence";

  /** The names the engine knows how to compute. */
  public static final Set<String> NAMES = Set.of(SMD, FIDELITY, KL);

  /** Checks that the engine computes this metric. */
  public EngineMetric {
    if (!NAMES.contains(info.name())) {
      throw new IllegalArgumentException(
          info.name() + ": the engine computes only " + NAMES + " itself");
    }
  }
}
