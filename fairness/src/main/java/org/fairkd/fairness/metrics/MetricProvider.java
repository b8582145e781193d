package org.fairkd.fairness.metrics;

import java.util.List;

/**
 * Contributes metrics to the registry from outside the fairness module: implement it, list the
 * class in {@code META-INF/services/org.fairkd.fairness.metrics.MetricProvider}, and its metrics
 * are computed, written to the JSON, accepted by policies and documented by the report like the
 * standard ones (appended after them, in provider order). The registry asks every provider at each
 * {@link MetricRegistry#current()} call, so a provider may contribute conditionally.
 */
public interface MetricProvider {
  /** The metrics to add (never one of the standard names). */
  List<Metric> metrics();
}
