package org.fairkd.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.ProxyBias;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.UndefinedReason;

/**
 * The side-by-side estimates of an audit that measured one race/ethnicity attribute twice, with the
 * true groups and with a proxy's soft membership: for every model and every group that both
 * attributes have (matched by name, in the true attribute's order), its selection rate, and against
 * the reference its adverse impact ratio and statistical parity difference (the reference group
 * itself has only its selection rate), each under both.
 */
public final class ProxyBiases {
  /** The metrics compared, in the order they are listed. */
  public static final List<String> METRICS =
      List.of("selection_rate", "adverse_impact_ratio", "statistical_parity_difference");

  private ProxyBiases() {}

  /**
   * The estimates of {@code audit}'s models under {@code truth} and {@code proxy}; groups of only
   * one of the two are left out (the report names them).
   */
  public static List<ProxyBias> of(AuditResult audit, String truth, String proxy) {
    List<ProxyBias> out = new ArrayList<>();
    for (AuditedModel m : audit.models()) {
      ModelResult r = m.result();
      List<String> proxyGroups = groups(r, proxy);
      AttributeDisparities d = r.disparities().get(truth);
      String reference = d == null ? null : d.reference();
      for (String g : groups(r, truth)) {
        if (!proxyGroups.contains(g)) {
          continue;
        }
        for (String metric : METRICS) {
          if (g.equals(reference) && !metric.equals("selection_rate")) {
            continue;
          }
          out.add(
              new ProxyBias(
                  m.role().key(),
                  g,
                  metric,
                  estimate(r, truth, g, metric),
                  estimate(r, proxy, g, metric)));
        }
      }
    }
    return out;
  }

  /** The groups of {@code attribute} in slice order. */
  public static List<String> groups(ModelResult r, String attribute) {
    List<String> out = new ArrayList<>();
    for (SliceResult s : r.slices()) {
      if (s.attributes().size() == 1 && s.attributes().containsKey(attribute)) {
        out.add(s.attributes().get(attribute));
      }
    }
    return out;
  }

  private static Estimate estimate(ModelResult r, String attribute, String group, String metric) {
    if (metric.equals("selection_rate")) {
      for (SliceResult s : r.slices()) {
        if (s.attributes().equals(Map.of(attribute, group))) {
          Estimate e = s.metrics().get(metric);
          return e != null ? e : notEstimated(attribute);
        }
      }
      return notEstimated(attribute);
    }
    AttributeDisparities d = r.disparities().get(attribute);
    if (d == null) {
      return notEstimated(attribute);
    }
    Estimate e = d.byGroup().getOrDefault(metric, Map.of()).get(group);
    if (e != null) {
      return e;
    }
    for (SkippedGroup s : d.skipped()) {
      if (s.group().equals(group)) {
        return Estimate.undefined(s.code(), s.reason());
      }
    }
    return notEstimated(attribute);
  }

  private static Estimate notEstimated(String attribute) {
    return Estimate.undefined(
        UndefinedReason.EMPTY_SLICE, "not estimated for this group of " + attribute);
  }
}
