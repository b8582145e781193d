package org.fairkd.search;

import java.util.List;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.select.SelectionRule;
import org.fairkd.search.stop.StoppingRule;

/**
 * Settings of one search.
 *
 * @param metric the disparity minimised and targeted
 * @param target the disparity target λ is bisected towards (and the most-accurate rule's bar)
 * @param rule the selection rule
 * @param tolerance the AUC tolerance written to search.json (the least-discriminatory rule's)
 * @param accuracyTolerance largest validation accuracy loss for a student to count as "strong
 *     enough" when λ is bisected (planning only; the selection rule states its own conditions)
 * @param thresholds the global decision thresholds every student is measured at (contains 0.5)
 * @param temperatureFactors temperatures tried around the best student, as factors of the default
 * @param architectures other architectures tried around the best student
 * @param stopping the stopping rule (its budget counts trained students)
 * @param seed the first training seed; variants add to it
 * @param minSliceSize groups with fewer validation or test rows are left out of disparities
 */
public record SearchConfig(
    DisparityMetric metric,
    double target,
    SelectionRule rule,
    double tolerance,
    double accuracyTolerance,
    List<Double> thresholds,
    List<Double> temperatureFactors,
    List<StudentArchitecture> architectures,
    StoppingRule stopping,
    long seed,
    int minSliceSize) {

  /** The planning accuracy tolerance of the defaults. */
  public static final double PLANNING_ACCURACY_TOLERANCE = 0.01;

  /** Validates the thresholds. */
  public SearchConfig {
    thresholds = List.copyOf(thresholds);
    temperatureFactors = List.copyOf(temperatureFactors);
    architectures = List.copyOf(architectures);
    if (!thresholds.contains(0.5)) {
      throw new SearchException("the threshold grid must contain 0.5 (the reference's)");
    }
  }

  /**
   * The default threshold grid: 0.30, 0.31, …, 0.70 (41 thresholds; measuring them all costs a few
   * seconds per student against minutes of training).
   */
  public static List<Double> defaultThresholds() {
    List<Double> grid = new java.util.ArrayList<>();
    for (int k = 30; k <= 70; k++) {
      grid.add(k / 100.0);
    }
    return List.copyOf(grid);
  }

  /**
   * Defaults for {@code metric}: its default target, the least-discriminatory rule with AUC
   * tolerance {@code tolerance} and no accuracy condition, planning accuracy tolerance 0.01,
   * thresholds 0.30–0.70 in steps of 0.01, temperatures ×0.5 and ×2, architectures linear and
   * 32x32, budget {@code budget}, ε 0.0005, patience 4.
   */
  public static SearchConfig defaults(
      DisparityMetric metric, int budget, double tolerance, long seed) {
    return new SearchConfig(
        metric,
        metric.defaultTarget(),
        new SelectionRule.LeastDiscriminatory(tolerance, Double.NaN),
        tolerance,
        PLANNING_ACCURACY_TOLERANCE,
        defaultThresholds(),
        List.of(0.5, 2.0),
        List.of(StudentArchitecture.linear(), StudentArchitecture.parse("32x32")),
        new StoppingRule(budget, 0.0005, 4),
        seed,
        30);
  }

  /** A copy with another rule. */
  public SearchConfig withRule(SelectionRule r) {
    return new SearchConfig(
        metric,
        target,
        r,
        tolerance,
        accuracyTolerance,
        thresholds,
        temperatureFactors,
        architectures,
        stopping,
        seed,
        minSliceSize);
  }
}
