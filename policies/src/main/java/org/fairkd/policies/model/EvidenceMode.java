package org.fairkd.policies.model;

import java.util.Locale;

/**
 * How a rule reads the evidence of an estimate with interval {@code [ci_low, ci_high]}.
 *
 * <ul>
 *   <li>{@code POINT}: the point estimate must satisfy the threshold.
 *   <li>{@code CI}: the whole interval must satisfy it (conservative; for {@code >= t} this is
 *       {@code ci_low >= t}, for {@code <= t} it is {@code ci_high <= t}): non-inferiority on a
 *       paired interval.
 *   <li>{@code SIGNIFICANT}: the rule fails only when the point estimate breaches the threshold
 *       <em>and</em> the group-vs-reference test is significant, {@code p_adjusted < alpha}
 *       ("practical and statistical significance"); a breach that is not significant warns.
 * </ul>
 */
public enum EvidenceMode {
  POINT,
  CI,
  SIGNIFICANT;

  /** The name used in policy files: {@code point}, {@code ci}, {@code significant}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
