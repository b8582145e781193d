package org.fairkd.fairness.slices;

/**
 * One row's membership in the protected attributes, given by value: a hard attribute's group code
 * (−1 missing), a soft attribute's probability of each group. Lets an engine that does not hold the
 * rows place a row in {@link SliceSpace}'s fine groups and slices.
 */
public interface RowMembership {
  /** The group code of hard attribute a (−1 = missing). */
  int code(int attribute);

  /** The probability of group g of soft attribute a. */
  double probability(int attribute, int group);
}
