package org.fairkd.policies.facts;

/**
 * Why a figure is insufficient data: a slice (or the reference group it is compared with) is
 * smaller than the minimum slice size.
 *
 * @param count the slice's weighted row count, or null when the source does not give it
 * @param minSliceSize the minimum slice size of the analysis, or null when the source does not say
 * @param referenceGroup the reference group when it is the reference that is too small, else null
 */
public record Shortfall(Double count, Integer minSliceSize, String referenceGroup) {}
