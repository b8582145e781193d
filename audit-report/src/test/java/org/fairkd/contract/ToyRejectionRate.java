package org.fairkd.contract;

import java.util.List;
import org.fairkd.fairness.metrics.CountMetric;
import org.fairkd.fairness.metrics.Counts;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.GroupTransform;
import org.fairkd.fairness.metrics.Metric;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricProvider;
import org.fairkd.fairness.metrics.ReportPlacement;
import org.fairkd.fairness.report.Undefined;

/**
 * A toy count metric, the share of unfavourable decisions, and its difference group − reference:
 * added by this one class and one line in {@code META-INF/services}, nothing else.
 */
public final class ToyRejectionRate implements MetricProvider {
  static final String RATE = "toy_rejection_rate";
  static final String DIFFERENCE = "toy_rejection_rate_difference";

  private static final List<Metric> METRICS =
      List.of(
          CountMetric.ratio(
              MetricInfo.slice(RATE)
                  .formula("(FN + TN) / N")
                  .description("toy: share of unfavourable decisions; bootstrap interval")
                  .shown(ReportPlacement.TABLE)
                  .build(),
              c -> c.fn() + c.tn(),
              Counts::total,
              Undefined.EMPTY_SLICE),
          GroupDisparity.derived(
              MetricInfo.groupVsReference(DIFFERENCE, RATE)
                  .lowerIsBetter()
                  .formula("RR_g − RR_r")
                  .description("toy: rejection-rate gap to the reference; bootstrap interval")
                  .shown(ReportPlacement.TABLE)
                  .build(),
              GroupTransform.DIFFERENCE));

  @Override
  public List<Metric> metrics() {
    return ContractMetrics.active() ? METRICS : List.of();
  }
}
