package org.fairkd.kd.summary;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code gap_recovered = (AUC_S − AUC_B) / (AUC_T − AUC_B)} on the test split, with its evidence:
 * the share of the teacher's AUC lead over the hard-label baseline that the distilled student
 * recovers. It is a ratio of two small differences, so it is defined only when the teacher's lead
 * is significant (paired DeLong, two-sided, {@value #ALPHA}) and then carries a {@value #LEVEL}
 * Fieller interval from the DeLong covariance of the three AUCs on the same rows (see {@link
 * GapRecoveredInference}).
 *
 * @param value the ratio, NaN when undefined
 * @param ciLow the interval's lower end, NaN when undefined
 * @param ciHigh the interval's upper end, NaN when undefined
 * @param reason why undefined, null when defined
 * @param teacherLead the test of the teacher's lead, or null when it could not be tested
 */
public record GapRecovered(
    double value, double ciLow, double ciHigh, String reason, TeacherLead teacherLead) {
  /** The teacher-versus-baseline test's level (two-sided). */
  public static final double ALPHA = 0.05;

  /** The interval's confidence level ({@code 1 − ALPHA}, so that it is bounded when defined). */
  public static final double LEVEL = 0.95;

  /** How the figure is defined and its interval computed (distill.json's text). */
  public static final String METHOD =
      "Fieller 95% interval from the DeLong covariance of the teacher's, student's and baseline's"
          + " test AUC (same rows); defined when the teacher's AUC lead over the baseline is"
          + " significant (paired DeLong, two-sided, alpha 0.05)";

  /** Why undefined when the reason is given and a value is not. */
  public GapRecovered {
    if (Double.isNaN(value) == (reason == null)) {
      throw new IllegalArgumentException("gap_recovered needs a value or a reason, not both");
    }
  }

  /** A defined ratio with its interval. */
  public static GapRecovered of(double value, double low, double high, TeacherLead lead) {
    return new GapRecovered(value, low, high, null, lead);
  }

  /** An undefined ratio. */
  public static GapRecovered undefined(String reason, TeacherLead lead) {
    return new GapRecovered(Double.NaN, Double.NaN, Double.NaN, reason, lead);
  }

  /** True when the ratio is a number. */
  public boolean defined() {
    return reason == null;
  }

  /** {@code 0.598 (95% CI 0.412 to 0.791)} or {@code undefined: <reason>}. */
  public String describe() {
    return defined()
        ? sig3(value) + " (95% CI " + sig3(ciLow) + " to " + sig3(ciHigh) + ")"
        : "undefined: " + reason;
  }

  /** {@code x} to 3 significant digits (scientific notation below 1e-4, e.g. {@code 1.2E-7}). */
  static String sig3(double x) {
    BigDecimal d = new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros();
    return x != 0 && Math.abs(x) < 1e-4 ? d.toString() : d.toPlainString();
  }

  /**
   * The paired DeLong test of the teacher's lead {@code AUC_T − AUC_B} on the test rows.
   *
   * @param difference {@code AUC_T − AUC_B}
   * @param standardError its DeLong standard error (teacher and baseline scored on the same rows)
   * @param pValue two-sided p-value of {@code difference / standardError} against N(0, 1)
   * @param significant the lead is positive and significant at {@link #ALPHA} (two-sided)
   */
  public record TeacherLead(
      double difference, double standardError, double pValue, boolean significant) {
    /** {@code lead 0.0097 (paired DeLong two-sided p = 0.21)}. */
    String describe() {
      return sig3(difference) + " (paired DeLong two-sided p = " + sig3(pValue) + ")";
    }
  }
}
