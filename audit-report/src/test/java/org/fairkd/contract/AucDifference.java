package org.fairkd.contract;

import java.util.List;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.GroupTransform;
import org.fairkd.fairness.metrics.Metric;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricProvider;
import org.fairkd.fairness.metrics.ReportPlacement;

/**
 * The AUC difference of each group against the reference, a disparity derived from a row (score)
 * metric: one class and one line in {@code META-INF/services}.
 */
public final class AucDifference implements MetricProvider {
  static final String NAME = "auc_difference";

  private static final List<Metric> METRICS =
      List.of(
          GroupDisparity.derived(
              MetricInfo.groupVsReference(NAME, "auc")
                  .higherIsBetter()
                  .formula("AUC_g − AUC_r")
                  .description("AUC gap to the reference; DeLong variances of both groups added")
                  .shown(ReportPlacement.TABLE)
                  .build(),
              GroupTransform.DIFFERENCE));

  @Override
  public List<Metric> metrics() {
    return ContractMetrics.active() ? METRICS : List.of();
  }
}
