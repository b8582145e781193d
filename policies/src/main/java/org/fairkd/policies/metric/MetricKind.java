package org.fairkd.policies.metric;

/**
 * Where a metric a rule names lives in an audit result, which decides the scopes a rule may give
 * it: the fairness registry's kinds ({@link org.fairkd.fairness.metrics.MetricKind}) plus the
 * distillation figures that only policies know.
 */
public enum MetricKind {
  /** One estimate per slice and overall ({@code models.<s>.slices[*].metrics.<m>}). */
  SLICE,
  /** One estimate per attribute ({@code models.<s>.disparities.<attr>.<m>}). */
  ATTRIBUTE,
  /** One estimate per group vs the reference ({@code models.<s>.disparities.<attr>.<m>.<g>}). */
  GROUP_VS_REFERENCE,
  /** One figure comparing student with teacher ({@code comparison.fidelity}, ...). */
  COMPARISON,
  /** One figure of the distillation run ({@code distillation.*}). */
  DISTILLATION;

  /** The policy kind of a registry kind. */
  public static MetricKind of(org.fairkd.fairness.metrics.MetricKind kind) {
    return switch (kind) {
      case SLICE -> SLICE;
      case ATTRIBUTE -> ATTRIBUTE;
      case GROUP_VS_REFERENCE -> GROUP_VS_REFERENCE;
      case COMPARISON -> COMPARISON;
    };
  }
}
