package org.fairkd.audit.result;

import org.fairkd.fairness.report.Estimate;

/**
 * One estimate of a model for one group, once with the true race/ethnicity and once with the
 * proxy's soft membership: the difference is what the proxy does to the estimate.
 *
 * @param model the model's role key ({@code teacher}, {@code student})
 * @param group the group (the same name in both attributes)
 * @param metric {@code selection_rate}, {@code adverse_impact_ratio} or {@code
 *     statistical_parity_difference} (the latter two against the reference group)
 * @param truth the estimate with the true attribute
 * @param proxy the estimate with the proxy
 */
public record ProxyBias(String model, String group, String metric, Estimate truth, Estimate proxy) {

  /** {@code proxy − truth}, or null when either is undefined. */
  public Double bias() {
    return truth.defined() && proxy.defined() ? proxy.value() - truth.value() : null;
  }
}
