package org.fairkd.fairness.report;

/**
 * Paired comparison of a second model (compared, the student) with the primary (the teacher).
 *
 * @param fidelity decision agreement rate
 * @param klDivergence mean Bernoulli KL(primary ‖ compared) over rows
 * @param compared the compared model's own results
 * @param deltas paired deltas compared − primary
 * @param tests McNemar and paired DeLong
 */
public record Comparison(
    Estimate fidelity,
    Estimate klDivergence,
    ModelResult compared,
    Deltas deltas,
    PairedTests tests) {}
