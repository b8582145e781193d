package org.fairkd.policies.metric;

/** Where a metric lives in an audit result, which decides the scopes a rule may give it. */
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
  DISTILLATION
}
