package org.fairkd.audit.result;

import org.fairkd.fairness.report.ModelResult;

/**
 * One audited model: its role, its fairness measurements and its reliability bins.
 *
 * @param role teacher, student, ...
 * @param result overall, per-slice metrics, disparities and tests
 * @param calibration reliability bins by group
 */
public record AuditedModel(ModelRole role, ModelResult result, CalibrationBins calibration) {}
