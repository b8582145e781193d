package org.fairkd.policies.eval;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Threshold;

/**
 * The decision of one rule on one defined estimate, by evidence mode. With threshold interval
 * {@code T = [low, high]} and warn band {@code W ⊆ T}:
 *
 * <ul>
 *   <li>point: {@code v ∉ T} fails; {@code v ∈ T \ W} warns; otherwise passes.
 *   <li>ci: {@code [ci_low, ci_high] ⊄ T} fails; {@code ⊄ W} warns; otherwise passes.
 *   <li>significant: {@code v ∉ T} with {@code p < alpha} fails, with {@code p ≥ alpha} warns
 *       (breach not significant), without a test is an error; {@code v ∈ T \ W} warns; otherwise
 *       passes.
 * </ul>
 *
 * Bounds are inclusive: a value exactly at the threshold passes. A warn-severity rule turns fail
 * into warn.
 */
final class Judgement {
  /** A status and the clause that explains it, e.g. "below 0.8 and significant (p = 0.002)". */
  record Decision(Status status, String clause) {}

  private Judgement() {}

  static Decision judge(Rule rule, Estimate e, Double p) {
    Decision d =
        switch (rule.mode()) {
          case POINT -> point(rule, e.value());
          case CI -> interval(rule, e);
          case SIGNIFICANT -> significant(rule, e.value(), p);
        };
    if (d.status() == Status.FAIL && rule.severity() == Severity.WARN) {
      return new Decision(Status.WARN, d.clause() + "; this rule only warns");
    }
    return d;
  }

  private static Decision point(Rule rule, double v) {
    Threshold t = rule.threshold();
    Threshold w = rule.warnThreshold();
    if (!t.contains(v)) {
      return new Decision(Status.FAIL, breach(rule.comparator(), t));
    }
    if (w != null && !w.contains(v)) {
      return new Decision(
          Status.WARN,
          ok(rule.comparator(), t)
              + " but "
              + breach(rule.comparator(), w)
              + " (the warning level)");
    }
    return new Decision(
        Status.PASS,
        w == null ? ok(rule.comparator(), t) : ok(rule.comparator(), w) + " (the warning level)");
  }

  private static Decision interval(Rule rule, Estimate e) {
    if (!hasInterval(e)) {
      return new Decision(
          Status.ERROR, "but the audit gives no confidence interval, which mode 'ci' needs");
    }
    Threshold t = rule.threshold();
    Threshold w = rule.warnThreshold();
    Comparator c = rule.comparator();
    if (!t.contains(e.ciLow()) || !t.contains(e.ciHigh())) {
      return new Decision(Status.FAIL, "its interval reaches " + breach(c, t));
    }
    if (w != null && (!w.contains(e.ciLow()) || !w.contains(e.ciHigh()))) {
      return new Decision(
          Status.WARN,
          "its whole interval is "
              + ok(c, t)
              + " but reaches "
              + breach(c, w)
              + " (the warning level)");
    }
    return new Decision(
        Status.PASS,
        "its whole interval is "
            + ok(c, w != null ? w : t)
            + (w != null ? " (the warning level)" : ""));
  }

  private static Decision significant(Rule rule, double v, Double p) {
    Threshold t = rule.threshold();
    if (t.contains(v)) {
      return point(rule, v); // no breach: the test does not matter
    }
    String alpha = Numbers.threshold(rule.alpha());
    String breach = breach(rule.comparator(), t);
    if (p == null) {
      return new Decision(
          Status.ERROR,
          breach
              + ", but the audit has no significance test for it, which mode 'significant' needs");
    }
    if (p < rule.alpha()) {
      return new Decision(
          Status.FAIL, breach + " and significant (" + Numbers.p(p) + ", α = " + alpha + ")");
    }
    return new Decision(
        Status.WARN, breach + " but not significant (" + Numbers.p(p) + ", α = " + alpha + ")");
  }

  /** True when both ends of the estimate's interval are present. */
  static boolean hasInterval(Estimate e) {
    return e.ciLow() != null && e.ciHigh() != null;
  }

  /**
   * The rule in words, e.g. "delta demographic_parity_difference over every protected attribute <=
   * 0.02 (mode ci; warn band ...)".
   */
  static String describe(Rule r) {
    String t =
        switch (r.comparator()) {
          case AT_LEAST -> ">= " + Numbers.threshold(r.threshold().low());
          case AT_MOST -> "<= " + Numbers.threshold(r.threshold().high());
          case BETWEEN -> "within " + ok(Comparator.BETWEEN, r.threshold()).substring(7);
        };
    String mode =
        switch (r.mode()) {
          case POINT -> "point estimate";
          case CI -> "whole confidence interval";
          case SIGNIFICANT ->
              "fails only if significant at alpha = " + Numbers.threshold(r.alpha());
        };
    String warn =
        r.warnThreshold() == null
            ? ""
            : "; warns when " + breach(r.comparator(), r.warnThreshold());
    return r.subject().yamlName()
        + " "
        + r.metric()
        + " ("
        + r.scope().describe()
        + ") "
        + t
        + " ("
        + mode
        + warn
        + "; insufficient data: "
        + r.onInsufficientData().yamlName()
        + ")";
  }

  /** "below 0.8", "above 0.02", "outside -0.3 to 0.3". */
  static String breach(Comparator c, Threshold t) {
    return switch (c) {
      case AT_LEAST -> "below " + Numbers.threshold(t.low());
      case AT_MOST -> "above " + Numbers.threshold(t.high());
      case BETWEEN ->
          "outside " + Numbers.threshold(t.low()) + " to " + Numbers.threshold(t.high());
    };
  }

  /** "at or above 0.8", "at or below 0.02", "within -0.3 to 0.3". */
  static String ok(Comparator c, Threshold t) {
    return switch (c) {
      case AT_LEAST -> "at or above " + Numbers.threshold(t.low());
      case AT_MOST -> "at or below " + Numbers.threshold(t.high());
      case BETWEEN -> "within " + Numbers.threshold(t.low()) + " to " + Numbers.threshold(t.high());
    };
  }
}
