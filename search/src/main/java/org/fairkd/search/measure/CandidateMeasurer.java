package org.fairkd.search.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.SliceResult;

/**
 * Measures candidates on one split through the fairness module ({@link FairnessAnalysis}, no
 * bootstrap): point estimates of AUC, accuracy, the demographic parity and equalized odds
 * differences, the lowest adverse impact ratio over groups and each group's selection rate, with
 * decisions {@code score >= threshold}. Groups below the minimum slice size are left out of the
 * disparities, as in an audit.
 *
 * @param labels the split's labels (true = favourable)
 * @param attribute the protected attribute on the split's rows
 * @param minSliceSize slices with fewer rows are {@code insufficient_data}
 */
public record CandidateMeasurer(boolean[] labels, ProtectedAttribute attribute, int minSliceSize) {

  /** Measures {@code scores} at {@code threshold}. */
  public Measurement measure(double[] scores, double threshold) {
    FairnessInput in =
        FairnessInput.builder(labels)
            .scores(scores)
            .threshold(threshold)
            .attribute(attribute)
            .minSliceSize(minSliceSize)
            .bootstrap(0)
            .build();
    FairnessReport r = FairnessAnalysis.analyze(in);
    Map<String, Estimate> overall = r.primary().overall().metrics();
    AttributeDisparities d = r.primary().disparities().get(attribute.name());
    double air = Double.NaN;
    Map<String, Estimate> ratios = d == null ? null : d.byGroup().get("adverse_impact_ratio");
    if (ratios != null) {
      for (Estimate e : ratios.values()) {
        if (e.defined() && !(e.value() >= air)) {
          air = e.value();
        }
      }
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    for (SliceResult s : r.primary().slices()) {
      if (s.attributes().size() == 1 && s.attributes().containsKey(attribute.name())) {
        rates.put(s.attributes().get(attribute.name()), value(s.metrics().get("selection_rate")));
      }
    }
    return new Measurement(
        value(overall.get("auc")),
        value(overall.get("accuracy")),
        value(overall.get("selection_rate")),
        d == null ? Double.NaN : value(d.overall().get("demographic_parity_difference")),
        d == null ? Double.NaN : value(d.overall().get("equalized_odds_difference")),
        air,
        rates);
  }

  private static double value(Estimate e) {
    return e == null || !e.defined() ? Double.NaN : e.value();
  }
}
