package org.fairkd.kd.teacher;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link TeacherTrainer#fit}.
 *
 * @param ensemble the final ensemble, trained on all training rows, weights set
 * @param trainSoftTargets the teacher's P(favourable) for each training row (out of fold or in
 *     sample, as configured)
 * @param trainSeconds wall-clock seconds of the whole fit (final members, weights, soft targets)
 * @param memberSeconds seconds to train each final member, by member name
 * @param softTargetSeconds seconds spent on the soft targets (the k-fold refits when out of fold)
 *     and the weights
 * @param foldSeconds seconds of each member's k out-of-fold refits (training and scoring the
 *     held-out fold, summed over the folds; 0 for a member not refitted), by member name
 * @param weightSeconds seconds of the weight fit (scoring the validation rows when fitted there)
 * @param weightSource where the member weights were fitted
 * @param weightRows how many rows they were fitted on (0 for fixed weights)
 */
public record TeacherFit(
    TeacherEnsemble ensemble,
    double[] trainSoftTargets,
    double trainSeconds,
    Map<String, Double> memberSeconds,
    double softTargetSeconds,
    Map<String, Double> foldSeconds,
    double weightSeconds,
    WeightSource weightSource,
    int weightRows) {

  /** The three binding components; timing details empty, weights fixed. */
  public TeacherFit(TeacherEnsemble ensemble, double[] trainSoftTargets, double trainSeconds) {
    this(
        ensemble,
        trainSoftTargets,
        trainSeconds,
        Map.of(),
        0.0,
        Map.of(),
        0.0,
        WeightSource.FIXED,
        0);
  }

  /** Copies the timing maps, keeping their (member) order. */
  public TeacherFit {
    memberSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(memberSeconds));
    foldSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(foldSeconds));
  }
}
