package org.fairkd.fairness.report;

import java.util.Map;

/**
 * Paired differences (compared − primary) of one slice's metrics, and the slice's fidelity.
 *
 * @param attributes attribute name to group name
 * @param metrics metric name to delta estimate
 * @param fidelity decision agreement rate of the two models in the slice
 */
public record SliceDelta(
    Map<String, String> attributes, Map<String, Estimate> metrics, Estimate fidelity) {}
