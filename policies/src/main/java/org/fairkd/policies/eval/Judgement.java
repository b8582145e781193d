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
  /**
   * A status, the clause that explains it (e.g. "below 0.8 and significant (p = 0.002)"), what it
   * shows, and for {@link Finding#NOT_SHOWN} the bound (threshold or warn band) whose crossing
   * interval left it unshown.
   */
  record Decision(Status status, String clause, Finding finding, Threshold bound) {
    Decision(Status status, String clause, Finding finding) {
      this(status, clause, finding, null);
    }
  }

  private Judgement() {}

  static Decision judge(Rule rule, Estimate e, Double p) {
    Decision d =
        switch (rule.mode()) {
          case POINT -> point(rule, e.value());
          case CI -> interval(rule, e);
          case SIGNIFICANT -> significant(rule, e.value(), p);
        };
    if (d.status() == Status.FAIL && rule.severity() == Severity.WARN) {
      return new Decision(
          Status.WARN, d.clause() + "; this rule only warns", d.finding(), d.bound());
    }
    return d;
  }

  private static Decision point(Rule rule, double v) {
    Threshold t = rule.threshold();
    Threshold w = rule.warnThreshold();
    if (!t.contains(v)) {
      return new Decision(Status.FAIL, breach(rule.comparator(), t), Finding.HARM);
    }
    if (w != null && !w.contains(v)) {
      return new Decision(
          Status.WARN,
          ok(rule.comparator(), t)
              + " but "
              + breach(rule.comparator(), w)
              + " (the warning level)",
          Finding.HARM);
    }
    return new Decision(
        Status.PASS,
        w == null ? ok(rule.comparator(), t) : ok(rule.comparator(), w) + " (the warning level)",
        Finding.SHOWN);
  }

  private static Decision interval(Rule rule, Estimate e) {
    if (!hasInterval(e)) {
      return new Decision(
          Status.ERROR,
          "but the audit gives no confidence interval, which mode 'ci' needs",
          Finding.NOT_EVALUATED);
    }
    Threshold t = rule.threshold();
    Threshold w = rule.warnThreshold();
    Comparator c = rule.comparator();
    if (!t.contains(e.ciLow()) || !t.contains(e.ciHigh())) {
      return new Decision(
          Status.FAIL, "its interval reaches " + breach(c, t), crossing(t, e.value()), t);
    }
    if (w != null && (!w.contains(e.ciLow()) || !w.contains(e.ciHigh()))) {
      return new Decision(
          Status.WARN,
          "its whole interval is "
              + ok(c, t)
              + " but reaches "
              + breach(c, w)
              + " (the warning level)",
          crossing(w, e.value()),
          w);
    }
    return new Decision(
        Status.PASS,
        "its whole interval is "
            + ok(c, w != null ? w : t)
            + (w != null ? " (the warning level)" : ""),
        Finding.SHOWN);
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
              + ", but the audit has no significance test for it, which mode 'significant' needs",
          Finding.NOT_EVALUATED);
    }
    if (p < rule.alpha()) {
      return new Decision(
          Status.FAIL,
          breach + " and significant (" + Numbers.p(p) + ", α = " + alpha + ")",
          Finding.HARM);
    }
    return new Decision(
        Status.WARN,
        breach + " but not significant (" + Numbers.p(p) + ", α = " + alpha + ")",
        Finding.NOT_SHOWN,
        t);
  }

  /** An interval reaching past {@code bound}: harm when the estimate is past it too. */
  private static Finding crossing(Threshold bound, double v) {
    return bound.contains(v) ? Finding.NOT_SHOWN : Finding.HARM;
  }

  /**
   * The approximate row count at which the interval of {@code e} would no longer cross {@code
   * bound}, assuming its standard error shrinks as 1/√n: {@code n · (h / |v − b|)²} for each finite
   * end {@code b} of the bound that the interval crosses, with {@code h} the distance from the
   * estimate {@code v} to the interval's end on {@code b}'s side; the largest over the crossed
   * ends. Null without an interval or row count, when the estimate is on a crossed end, or when the
   * interval crosses no end (in mode significant, a breach whose interval already clears the
   * bound).
   */
  static Long requiredRows(Estimate e, Threshold bound, Double rows) {
    if (e == null || !hasInterval(e) || rows == null || !(rows > 0)) {
      return null;
    }
    double v = e.value();
    double need = -1;
    for (int i = 0; i < 2; i++) {
      boolean lowEnd = i == 0;
      double b = lowEnd ? bound.low() : bound.high();
      if (!Double.isFinite(b)) {
        continue;
      }
      boolean within = lowEnd ? v >= b : v <= b;
      // the interval end on b's side: below the estimate for the low end when within, etc.
      double end = lowEnd == within ? e.ciLow() : e.ciHigh();
      boolean crosses;
      if (within) {
        crosses = lowEnd ? end < b : end > b;
      } else {
        crosses = lowEnd ? end >= b : end <= b;
      }
      if (!crosses) {
        continue;
      }
      double margin = Math.abs(v - b);
      if (margin == 0) {
        return null;
      }
      need = Math.max(need, rows * Math.pow(Math.abs(end - v) / margin, 2));
    }
    return need < 0 ? null : (long) Math.ceil(need - 1e-9); // not one row more for rounding noise
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
