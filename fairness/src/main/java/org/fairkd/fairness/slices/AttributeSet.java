package org.fairkd.fairness.slices;

import java.util.List;

/**
 * An attribute or an intersection of attributes, with its slices.
 *
 * @param key attribute names joined with {@code *}
 * @param attrIdx indices of the attributes
 * @param slices its slices (one per group combination), in mixed-radix order
 * @param reference index into {@code slices} of the reference slice
 * @param population fine groups of all rows whose groups are known for every attribute of the set
 */
public record AttributeSet(
    String key, int[] attrIdx, List<Slice> slices, int reference, int[] population) {

  /** The reference slice. */
  public Slice referenceSlice() {
    return slices.get(reference);
  }
}
