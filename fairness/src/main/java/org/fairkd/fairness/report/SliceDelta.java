package org.fairkd.fairness.report;

import java.util.Map;

/**
 * Paired differences (compared − primary) of one slice's metrics, and the slice's fidelity.
 *
 * @param attributes attribute name to group name
 * @param metrics metric name to delta estimate
 * @param fidelity decision agreement rate of the two models in the slice
 * @param tests the slice's paired tests (McNemar on accuracy, paired DeLong on AUC), or null when
 *     not computed
 */
public record SliceDelta(
    Map<String, String> attributes,
    Map<String, Estimate> metrics,
    Estimate fidelity,
    PairedTests tests) {}
