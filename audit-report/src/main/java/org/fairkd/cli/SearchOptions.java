package org.fairkd.cli;

import org.fairkd.kd.workers.StudentWorkers;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.candidates.CandidatePlanner;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.select.SelectionRule;
import picocli.CommandLine.Option;

/**
 * The search's own options, shared by {@code fairkd search} and {@code fairkd run --search}: the
 * attribute, the selection rule, the disparity metric and target, the budget and the tolerances.
 * Values given on the command line win over a policy's ({@link SearchTargets}), which win over the
 * defaults.
 */
public final class SearchOptions {
  /** Most students one search may train. */
  static final int MAX_BUDGET = 1000;

  /** The default budget (trained students). */
  static final int DEFAULT_BUDGET = 12;

  @Option(
      names = "--attribute",
      paramLabel = "ATTR",
      description = "Protected attribute penalised and measured by the search.")
  String attribute;

  @Option(
      names = "--rule",
      defaultValue = "least_discriminatory",
      description =
          "Selection rule: least_discriminatory (lowest validation disparity among candidates whose"
              + " validation AUC is within --tolerance of the unconstrained student's) or"
              + " most_accurate (highest validation accuracy meeting --target). Default:"
              + " ${DEFAULT-VALUE}.")
  String rule;

  @Option(
      names = "--disparity-metric",
      description =
          "Disparity minimised: ${COMPLETION-CANDIDATES} (default: the policy's, else"
              + " demographic_parity_difference).",
      completionCandidates = MetricNames.class)
  String metric;

  @Option(
      names = "--target",
      description =
          "Disparity target λ is bisected towards and most_accurate's bar (default: the policy's,"
              + " else 0.05 for a difference, 0.9 for adverse_impact_ratio_min).")
  Double target;

  @Option(
      names = "--budget",
      defaultValue = "" + DEFAULT_BUDGET,
      description = "Most students trained, 1 to " + MAX_BUDGET + " (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--tolerance",
      description =
          "Largest validation AUC loss against the unconstrained student (default: the policy's"
              + " lda_search max_tolerance, else 0.005).")
  Double tolerance;

  @Option(
      names = "--accuracy-tolerance",
      description =
          "Opt-in: least_discriminatory also requires validation accuracy within this much of the"
              + " unconstrained student's (default: no accuracy condition).")
  Double accuracyTolerance;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "Training worker processes beside this one, so that a round of two students trains at"
              + " once (a round needs one; default: one on a machine with two or more"
              + " processors, else none; 0 trains one student at a time). The search's result"
              + " does not depend on it.")
  Integer workers;

  /** The number of training worker processes: {@code --workers}, else one per spare processor. */
  int workers() {
    if (workers == null) {
      return StudentWorkers.defaultCount(CandidatePlanner.ROUND);
    }
    OptionRanges.between("--workers", workers, 0, 64);
    return workers;
  }

  /** The default AUC tolerance. */
  static final double DEFAULT_TOLERANCE = 0.005;

  /** Whether any search option differs from its default (for {@code run} without --search). */
  boolean anyGiven() {
    return attribute != null
        || metric != null
        || target != null
        || tolerance != null
        || accuracyTolerance != null
        || budget != DEFAULT_BUDGET
        || !rule.equals("least_discriminatory");
  }

  /**
   * The search settings for {@code seed}, with what {@code policy} states where no option was
   * given; bad values are one-line errors naming the option.
   */
  SearchConfig config(long seed, SearchTargets policy) {
    OptionRanges.between("--budget", budget, 1, MAX_BUDGET);
    DisparityMetric m = metric == null ? policy.metric() : DisparityMetric.parseOrNull(metric);
    if (metric != null && m == null) {
      throw new IllegalArgumentException(
          "--disparity-metric must be one of " + DisparityMetric.names() + ", got " + metric);
    }
    if (m == null) {
      m = DisparityMetric.DEMOGRAPHIC_PARITY_DIFFERENCE;
    }
    double tol =
        tolerance != null
            ? tolerance
            : policy.tolerance() != null ? policy.tolerance() : DEFAULT_TOLERANCE;
    OptionRanges.openUnitInterval("--tolerance", tol);
    if (accuracyTolerance != null) {
      OptionRanges.openUnitInterval("--accuracy-tolerance", accuracyTolerance);
    }
    boolean policyTarget = target == null && policy.metric() == m && policy.target() != null;
    double t = target != null ? target : policyTarget ? policy.target() : m.defaultTarget();
    if (!m.validTarget(t)) {
      throw new IllegalArgumentException(
          "--target must be in "
              + (m == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN ? "(0, 1]" : "[0, 1)")
              + " for "
              + m.jsonName()
              + ", got "
              + t);
    }
    SelectionRule r =
        switch (rule) {
          case "least_discriminatory" ->
              new SelectionRule.LeastDiscriminatory(
                  tol, accuracyTolerance == null ? Double.NaN : accuracyTolerance);
          case "most_accurate" -> new SelectionRule.MostAccurate(t);
          default ->
              throw new IllegalArgumentException(
                  "--rule must be least_discriminatory or most_accurate, got " + rule);
        };
    SearchConfig base = SearchConfig.defaults(m, budget, tol, seed);
    return new SearchConfig(
        m,
        t,
        r,
        tol,
        base.accuracyTolerance(),
        base.thresholds(),
        base.temperatureFactors(),
        base.architectures(),
        base.stopping(),
        seed,
        base.minSliceSize());
  }

  /** The metric names, for the help text. */
  static final class MetricNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(DisparityMetric.values())
          .map(DisparityMetric::jsonName)
          .iterator();
    }
  }
}
