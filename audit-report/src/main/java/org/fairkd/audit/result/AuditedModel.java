package org.fairkd.audit.result;

import java.util.List;
import org.fairkd.fairness.report.ModelResult;

/**
 * One audited model: its role, its fairness measurements, its reliability bins and, for a model
 * beyond teacher and student (a compressed student), its paired comparisons with them (audit.json
 * {@code models.<role>.compared_with.<reference>}). The student's comparison with the teacher is
 * the audit's own {@code comparison}.
 *
 * @param role teacher, student, ...
 * @param result overall, per-slice metrics, disparities and tests
 * @param calibration reliability bins by group
 * @param pairedWith paired comparisons with reference models, in order (empty for teacher and
 *     student)
 */
public record AuditedModel(
    ModelRole role,
    ModelResult result,
    CalibrationBins calibration,
    List<PairedComparison> pairedWith) {

  /** Copies the list. */
  public AuditedModel {
    pairedWith = List.copyOf(pairedWith);
  }

  /** A model without paired comparisons (teacher, student). */
  public AuditedModel(ModelRole role, ModelResult result, CalibrationBins calibration) {
    this(role, result, calibration, List.of());
  }

  /** The comparison with {@code reference}, or null. */
  public PairedComparison pairedWith(ModelRole reference) {
    return pairedWith.stream()
        .filter(p -> p.reference().equals(reference))
        .findFirst()
        .orElse(null);
  }
}
