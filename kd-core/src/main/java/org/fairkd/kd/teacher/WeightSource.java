package org.fairkd.kd.teacher;

/**
 * Where the ensemble's member weights ({@code weights: fitted}) were fitted, chosen by {@link
 * #choose}: the validation split when it has at least {@value #MIN_VALIDATION_ROWS} rows; below
 * that, the training rows' out-of-fold member predictions (with out-of-fold soft targets, which
 * need those predictions anyway: every member is then refitted in every fold), or, with in-sample
 * soft targets, the best single member on validation. On a 2,380-row mortgage set, weights fitted
 * on about 360 validation rows gave an ensemble below its own logistic member (test AUC 0.8155 vs
 * 0.8221): a few hundred rows are too few for the weights of three correlated members.
 */
public enum WeightSource {
  /** Fitted on the validation split's member predictions. */
  VALIDATION("validation"),
  /** Fitted on the training rows' out-of-fold member predictions. */
  OUT_OF_FOLD("out_of_fold"),
  /** Weight 1 on the member with the lowest validation log loss. */
  BEST_MEMBER("best_member"),
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
    if (validationRows >= MIN_VALIDATION_ROWS || cfg.members().size() == 1) {
      return VALIDATION;
    }
    return cfg.softTargets() == SoftTargets.OUT_OF_FOLD ? OUT_OF_FOLD : BEST_MEMBER;
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
