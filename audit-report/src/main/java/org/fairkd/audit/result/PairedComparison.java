package org.fairkd.audit.result;

import org.fairkd.fairness.report.Comparison;

/**
 * A further model's paired comparison with one reference model on the same rows (a compressed
 * student against the float student, or against the teacher): fidelity, KL, deltas this − reference
 * with paired intervals, and the paired tests.
 *
 * @param reference the model compared with, e.g. {@link ModelRole#STUDENT}
 * @param comparison the paired comparison; its {@code compared} is this model's own result
 */
public record PairedComparison(ModelRole reference, Comparison comparison) {}
