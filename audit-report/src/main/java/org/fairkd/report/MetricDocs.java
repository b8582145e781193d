package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.metrics.MetricCatalog;
import org.fairkd.fairness.metrics.MetricInfo;

/**
 * The methodology section's metric list, taken from the fairness module's {@link MetricCatalog}.
 */
public final class MetricDocs {
  private MetricDocs() {}

  /** Every catalogued metric with its kind, direction, formula and description. */
  public static List<MetricDoc> fromCatalog() {
    List<MetricDoc> out = new ArrayList<>();
    for (MetricInfo m : MetricCatalog.all().values()) {
      String dir = m.higherIsBetter() == null ? "—" : m.higherIsBetter() ? "higher" : "lower";
      out.add(
          new MetricDoc(
              m.name(),
              m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
              dir,
              m.formula(),
              m.description()));
    }
    return out;
  }
}
