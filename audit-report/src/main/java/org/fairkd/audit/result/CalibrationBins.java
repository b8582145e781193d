package org.fairkd.audit.result;

import java.util.List;
import java.util.Map;

/**
 * Reliability bins by group of one model: attribute name to group name to its bins, in order.
 *
 * @param byAttribute attribute → group → bins
 */
public record CalibrationBins(Map<String, Map<String, List<Bin>>> byAttribute) {

  /** An empty set of bins (no protected attribute). */
  public static CalibrationBins none() {
    return new CalibrationBins(Map.of());
  }

  /**
   * One equal-width score bin of one group.
   *
   * @param bin index from 0
   * @param lower lower edge
   * @param upper upper edge
   * @param count weighted count of the group's rows in the bin
   * @param meanScore weighted mean score, or null for an empty bin
   * @param observedRate weighted favourable-label rate, or null for an empty bin
   */
  public record Bin(
      int bin, double lower, double upper, double count, Double meanScore, Double observedRate) {}
}
