package org.fairkd.fairness.metrics;

import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;

/**
 * A group-vs-reference disparity derived from base slice metrics of the group and of the reference
 * group; NaN when undefined (e.g. a zero reference rate in a ratio). Built on count metrics, any
 * {@link Contrast} works and the interval comes from the bootstrap; built on one row metric (e.g.
 * AUC), the disparity is a {@link GroupTransform} of it and its interval is analytic (delta method
 * on the two slices' linearized variances).
 *
 * @param info registry entry (kind {@link MetricKind#GROUP_VS_REFERENCE}; its bases)
 * @param contrast {@code (groupValues, referenceValues) -> disparity}, values in bases order
 * @param transform the transform of a single base, or null for a general contrast
 * @param why why the disparity is undefined although both groups are usable
 */
public record GroupDisparity(
    MetricInfo info, Contrast contrast, GroupTransform transform, Undefined why) implements Metric {
  private static final Undefined ZERO_REFERENCE =
      Undefined.of(UndefinedReason.ZERO_DENOMINATOR, "reference rate is 0");

  /** The function of a general disparity. */
  @FunctionalInterface
  public interface Contrast {
    /** Disparity of a group against the reference, NaN when undefined. */
    double apply(double[] group, double[] reference);
  }

  /** Checks the kind and, for a transform, the single base. */
  public GroupDisparity {
    if (info.kind() != MetricKind.GROUP_VS_REFERENCE || info.bases().isEmpty()) {
      throw new IllegalArgumentException(
          info.name() + ": a group disparity needs kind GROUP_VS_REFERENCE and bases");
    }
    if (transform != null && info.bases().size() != 1) {
      throw new IllegalArgumentException(info.name() + ": a transform derives from one base");
    }
  }

  /** A general disparity of count-metric bases (bootstrap interval). */
  public static GroupDisparity of(MetricInfo info, Contrast contrast) {
    return new GroupDisparity(info, contrast, null, ZERO_REFERENCE);
  }

  /** {@code transform} of the single base (count or row metric). */
  public static GroupDisparity derived(MetricInfo info, GroupTransform transform) {
    return new GroupDisparity(
        info, (g, r) -> transform.value(g[0], r[0]), transform, ZERO_REFERENCE);
  }
}
