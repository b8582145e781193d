package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricRegistry;

/**
 * The methodology section's metric list, read from the fairness module's {@link MetricRegistry}.
 */
public final class MetricDocs {
  private MetricDocs() {}

  /** Every registered metric with its kind, direction, formula and description. */
  public static List<MetricDoc> fromCatalog() {
    List<MetricDoc> out = new ArrayList<>();
    for (MetricInfo m : MetricRegistry.current().infos()) {
      String dir =
          switch (m.direction()) {
            case HIGHER -> "higher";
            case LOWER -> "lower";
            case NEITHER -> "—";
          };
      out.add(
          new MetricDoc(
              m.name(),
              m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              dir,
              m.formula(),
              m.description()));
    }
    return out;
  }
}
