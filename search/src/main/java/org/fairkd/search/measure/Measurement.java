package org.fairkd.search.measure;

import java.util.Map;

/**
 * One candidate measured on one split, with decisions at the candidate's threshold. An undefined
 * value (e.g. a group with no favourable decision for the adverse impact ratio) is NaN.
 *
 * @param auc AUC of the scores against the labels
 * @param accuracy share of correct decisions
 * @param selectionRate share of favourable decisions overall
 * @param demographicParityDifference max − min over groups of the selection rate
 * @param equalizedOddsDifference max over TPR and FPR of the max − min over groups
 * @param adverseImpactRatioMin the lowest selection-rate ratio of a group to the reference group
 * @param selectionRates the selection rate of each group, in the attribute's group order
 */
public record Measurement(
    double auc,
    double accuracy,
    double selectionRate,
    double demographicParityDifference,
    double equalizedOddsDifference,
    double adverseImpactRatioMin,
    Map<String, Double> selectionRates) {
  /** Keeps the group order. */
  public Measurement {
    selectionRates =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selectionRates));
  }
}
