package org.fairkd.fairness.report;

import java.util.List;
import java.util.Map;

/**
 * Disparities of one attribute or intersection ({@code sex}, {@code sex*race}).
 *
 * @param reference reference group key
 * @param overall whole-attribute disparities (one estimate each)
 * @param byGroup group-vs-reference disparities: metric name to (group key to estimate)
 * @param skipped groups left out, with reasons
 */
public record AttributeDisparities(
    String reference,
    Map<String, Estimate> overall,
    Map<String, Map<String, Estimate>> byGroup,
    List<SkippedGroup> skipped) {}
