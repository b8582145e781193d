package org.fairkd.fairness.slices;

import java.util.Map;

/**
 * One slice: a group of one attribute or a cell of an intersection of attributes.
 *
 * @param attributes attribute name to group name
 * @param groupKey group names joined with {@code *}
 * @param attrIdx indices of the attributes involved
 * @param codes group code per involved attribute
 * @param fine the fine groups (cells of the full cross-classification) that make up the slice
 */
public record Slice(
    Map<String, String> attributes, String groupKey, int[] attrIdx, int[] codes, int[] fine) {}
