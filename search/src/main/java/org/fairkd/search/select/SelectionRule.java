package org.fairkd.search.select;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.DisparityMetric;

/**
 * How the released candidate is chosen, on the validation split only (test figures never enter):
 *
 * <ul>
 *   <li>{@link LeastDiscriminatory} (default): among candidates whose validation AUC is within
 *       {@code tolerance} of the unconstrained reference's, the one with the lowest disparity
 *       (ties: higher accuracy, higher AUC, smaller id). Opt-in, an accuracy condition ({@code
 *       accuracyTolerance}, NaN = none) also requires validation accuracy within that much of the
 *       reference's. The reference itself is eligible, so there is always a choice.
 *   <li>{@link MostAccurate}: among candidates meeting the disparity target, the most accurate
 *       (ties: lower disparity, higher AUC, smaller id); none when no candidate meets it.
 * </ul>
 *
 * Candidates the collapse guard rejected ({@link Candidate#admissible()} false) are never eligible.
 */
public sealed interface SelectionRule {

  /** The rule's JSON name. */
  String name();

  /** The rule, stated in a sentence. */
  String statement(DisparityMetric metric);

  /** Whether {@code c} may be chosen, given the reference. */
  boolean eligible(Candidate c, Candidate reference, DisparityMetric metric);

  /** The order among eligible candidates, best first. */
  Comparator<Candidate> preference(DisparityMetric metric);

  /** Chooses among {@code candidates}. */
  default Selection select(List<Candidate> candidates, Candidate reference, DisparityMetric m) {
    List<Candidate> ok =
        candidates.stream().filter(c -> c.admissible() && eligible(c, reference, m)).toList();
    Optional<Candidate> best = ok.stream().min(preference(m));
    long n = ok.size();
    if (best.isEmpty()) {
      return new Selection(
          null,
          statement(m),
          "no candidate of " + candidates.size() + " satisfies the rule on validation");
    }
    Candidate c = best.get();
    return new Selection(
        c.id(),
        statement(m),
        String.format(
            Locale.ROOT,
            "%s is best of the %d eligible candidates (of %d): validation %s %.4f, accuracy"
                + " %.4f, AUC %.4f; the unconstrained reference %s has %s %.4f, accuracy %.4f,"
                + " AUC %.4f",
            c.id(),
            n,
            candidates.size(),
            m.jsonName(),
            m.value(c.validation()),
            c.validation().accuracy(),
            c.validation().auc(),
            reference.id(),
            m.jsonName(),
            m.value(reference.validation()),
            reference.validation().accuracy(),
            reference.validation().auc()));
  }

  /** Ties broken by smaller id, so the choice never depends on the order of evaluation. */
  private static Comparator<Candidate> byId() {
    return Comparator.comparing(Candidate::id);
  }

  /**
   * The least-discriminatory candidate within tolerance of the reference.
   *
   * @param tolerance largest validation AUC loss against the reference
   * @param accuracyTolerance largest validation accuracy loss against the reference, or NaN for no
   *     accuracy condition (the default)
   */
  record LeastDiscriminatory(double tolerance, double accuracyTolerance) implements SelectionRule {
    @Override
    public String name() {
      return "least_discriminatory";
    }

    @Override
    public String statement(DisparityMetric metric) {
      String accuracy =
          Double.isNaN(accuracyTolerance)
              ? ""
              : " and validation accuracy within " + plain(accuracyTolerance);
      return String.format(
          Locale.ROOT,
          "the candidate with the lowest validation %s among those whose validation AUC is within"
              + " %s%s of the unconstrained student's",
          metric.jsonName(),
          plain(tolerance),
          accuracy);
    }

    @Override
    public boolean eligible(Candidate c, Candidate reference, DisparityMetric metric) {
      return c.validation().auc() >= reference.validation().auc() - tolerance
          && (Double.isNaN(accuracyTolerance)
              || c.validation().accuracy()
                  >= reference.validation().accuracy() - accuracyTolerance);
    }

    @Override
    public Comparator<Candidate> preference(DisparityMetric metric) {
      return Comparator.comparingDouble((Candidate c) -> metric.disparity(c.validation()))
          .thenComparing(c -> -c.validation().accuracy())
          .thenComparing(c -> -c.validation().auc())
          .thenComparing(byId());
    }
  }

  /**
   * The most accurate candidate meeting a disparity target.
   *
   * @param target the disparity target ({@link DisparityMetric#meets})
   */
  record MostAccurate(double target) implements SelectionRule {
    @Override
    public String name() {
      return "most_accurate";
    }

    @Override
    public String statement(DisparityMetric metric) {
      return String.format(
          Locale.ROOT,
          "the candidate with the highest validation accuracy among those whose validation %s is"
              + " %s %s",
          metric.jsonName(),
          metric == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN ? "at least" : "at most",
          plain(target));
    }

    @Override
    public boolean eligible(Candidate c, Candidate reference, DisparityMetric metric) {
      return metric.meets(c.validation(), target);
    }

    @Override
    public Comparator<Candidate> preference(DisparityMetric metric) {
      return Comparator.comparingDouble((Candidate c) -> -c.validation().accuracy())
          .thenComparing(c -> metric.disparity(c.validation()))
          .thenComparing(c -> -c.validation().auc())
          .thenComparing(byId());
    }
  }

  /** A number without trailing zeros. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
