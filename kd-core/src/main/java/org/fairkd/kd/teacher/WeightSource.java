package org.fairkd.kd.teacher;

/**
 * Where the ensemble's member weights ({@code weights: fitted}) were fitted, chosen by {@link
 * #choose}: the validation split when it has at least {@value #MIN_VALIDATION_ROWS} rows or the
 * soft targets are in sample; below that, with out-of-fold soft targets, the training rows'
 * out-of-fold member predictions (4–5× as many rows; every member is then refitted in every fold,
 * not only those of positive weight), which also leaves the validation split to the student alone.
 * Motivation: on a 2,380-row mortgage set, weights fitted on about 360 validation rows gave an
 * ensemble below its own logistic member (test AUC 0.8155 vs 0.8221). Measured (kd-core README,
 * {@code WeightSourceBenchmark}, 5 seeds): the two fits are within ±0.003 test AUC of each other on
 * German Credit and synthetic sets of 1,000–4,000 rows, while falling back to the best member on
 * validation lost 0.006–0.02, so there is no such fallback.
 */
public enum WeightSource {
  /** Fitted on the validation split's member predictions. */
  VALIDATION("validation"),
  /** Fitted on the training rows' out-of-fold member predictions. */
  OUT_OF_FOLD("out_of_fold"),
  /** Fixed in the configuration. */
  FIXED("fixed");

  /** Validation rows from which the weights are fitted on validation (a convention). */
  public static final int MIN_VALIDATION_ROWS = 1000;

  private final String key;

  WeightSource(String key) {
    this.key = key;
  }

  /** The distill.json name. */
  public String key() {
    return key;
  }

  /** The source for {@code cfg} with {@code validationRows} validation rows. */
  public static WeightSource choose(TeacherConfig cfg, int validationRows) {
    if (!cfg.fittedWeights()) {
      return FIXED;
    }
    boolean small = validationRows < MIN_VALIDATION_ROWS && cfg.members().size() > 1;
    return small && cfg.softTargets() == SoftTargets.OUT_OF_FOLD ? OUT_OF_FOLD : VALIDATION;
  }

  /** Parses a distill.json name. */
  public static WeightSource of(String key) {
    for (WeightSource s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown weight source '" + key + "'");
  }
}
