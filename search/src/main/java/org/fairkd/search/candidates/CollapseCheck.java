package org.fairkd.search.candidates;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.fairkd.search.measure.Measurement;

/**
 * The collapse guard of a search: a candidate is rejected (recorded with why, never on the
 * frontier, never selected) when its student's validation scores collapsed to a near-constant value
 * (standard deviation below {@value #MIN_SCORE_SD}) — a constant score has no disparity, so a
 * strong penalty can pull a student there — or when its decisions on validation are all one way
 * (overall selection rate 0 or 1), or when its validation AUC is undefined. Such a candidate would
 * look perfectly fair and decide nothing.
 */
public final class CollapseCheck {
  /** Smallest standard deviation of validation scores a usable student has. */
  public static final double MIN_SCORE_SD = 0.01;

  private CollapseCheck() {}

  /** The validation scores' standard deviation (population form). */
  public static double scoreSd(double[] validationScores) {
    return new StandardDeviation(false).evaluate(validationScores);
  }

  /**
   * Why the candidate is rejected, or null.
   *
   * @param scoreSd the standard deviation of the student's validation scores
   * @param validation the candidate's validation measurement at its threshold
   */
  public static String rejection(double scoreSd, Measurement validation) {
    double selectionRate = validation.selectionRate();
    if (!(scoreSd >= MIN_SCORE_SD)) {
      return String.format(
          Locale.ROOT,
          "collapsed: validation scores near-constant (standard deviation %.5f < %s)",
          scoreSd,
          MIN_SCORE_SD);
    }
    if (Double.isNaN(validation.auc())) {
      return "collapsed: validation AUC undefined";
    }
    if (selectionRate <= 0 || selectionRate >= 1) {
      return String.format(
          Locale.ROOT,
          "collapsed: every validation decision is %s at this threshold (selection rate %.0f)",
          selectionRate >= 1 ? "favourable" : "unfavourable",
          selectionRate);
    }
    return null;
  }
}
