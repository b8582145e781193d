package org.fairkd.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.search.SearchFigures;
import org.fairkd.search.measure.DisparityMetric;

/**
 * What a policy says about a search ({@code fairkd search --policy P}): the disparity metric and
 * target from the policy's student rules on the searched attribute — {@code
 * demographic_parity_difference <= t}, {@code equalized_odds_difference <= t}, or {@code
 * adverse_impact_ratio >= t} (on the attribute or one of its groups; it becomes {@code
 * adverse_impact_ratio_min >= t}) — fail-severity rules before warn-severity ones, then in policy
 * order; several rules on that metric give the strictest bound. The AUC tolerance comes from a
 * {@code kind: lda_search, max_tolerance: t} rule. Options given on the command line win.
 *
 * @param metric the disparity metric the policy judges, or null when it has no such rule
 * @param target the policy's bound on it, or null
 * @param tolerance the policy's largest AUC tolerance, or null
 * @param statement where the values came from, in words (empty when nothing came from the policy)
 */
record SearchTargets(DisparityMetric metric, Double target, Double tolerance, String statement) {

  private static final Map<String, DisparityMetric> METRICS =
      Map.of(
          "demographic_parity_difference", DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
          "equalized_odds_difference", DisparityMetric.EQUALIZED_ODDS_DIFFERENCE,
          "adverse_impact_ratio", DisparityMetric.ADVERSE_IMPACT_RATIO_MIN);

  /** Nothing from a policy. */
  static SearchTargets none() {
    return new SearchTargets(null, null, null, "");
  }

  /**
   * The targets {@code policy} states for {@code attribute}; {@code wanted} restricts the metric
   * (null: the policy's first, as above).
   */
  static SearchTargets of(Policy policy, String name, String attribute, DisparityMetric wanted) {
    List<Rule> candidates =
        policy.rules().stream()
            .filter(r -> r.subject() == Subject.STUDENT && METRICS.containsKey(r.metric()))
            .filter(r -> r.scope().covers(attribute))
            .filter(r -> bound(r) != null)
            .filter(r -> wanted == null || METRICS.get(r.metric()) == wanted)
            .sorted(java.util.Comparator.comparing(r -> r.severity() == Severity.FAIL ? 0 : 1))
            .toList();
    DisparityMetric metric = candidates.isEmpty() ? null : METRICS.get(candidates.get(0).metric());
    Double target = null;
    StringBuilder why = new StringBuilder();
    for (Rule r : candidates) {
      if (METRICS.get(r.metric()) != metric) {
        continue;
      }
      double b = bound(r);
      boolean stricter =
          target == null
              || (metric == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN ? b > target : b < target);
      if (stricter) {
        target = b;
        why.setLength(0);
        why.append(
            String.format(
                Locale.ROOT, "%s target %s from rule %s", metric.jsonName(), plain(b), r.id()));
      }
    }
    Double tolerance = null;
    for (Rule r : policy.rules()) {
      if (r.metric().equals(SearchFigures.TOLERANCE)) {
        double t = r.threshold().high();
        if (tolerance == null || t < tolerance) {
          tolerance = t;
          why.append(why.length() == 0 ? "" : ", ")
              .append("AUC tolerance ")
              .append(plain(t))
              .append(" from rule ")
              .append(r.id());
        }
      }
    }
    String statement = why.length() == 0 ? "" : why + " of policy " + name;
    return new SearchTargets(metric, target, tolerance, statement);
  }

  /**
   * The rule's bound on its disparity: the upper end of a {@code <=}, the lower end of a {@code
   * >=}.
   */
  private static Double bound(Rule r) {
    DisparityMetric m = METRICS.get(r.metric());
    if (m == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN) {
      return r.comparator() == Comparator.AT_LEAST ? r.threshold().low() : null;
    }
    return r.comparator() == Comparator.AT_MOST ? r.threshold().high() : null;
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
