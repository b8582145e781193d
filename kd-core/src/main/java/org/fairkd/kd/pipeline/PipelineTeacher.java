package org.fairkd.kd.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.teacher.TeacherEnsemble;
import org.fairkd.kd.teacher.TeacherFit;

/**
 * The teacher as the distill pipeline sees it: either a Tribuo ensemble trained here ({@link
 * TeacherFit}) or the probabilities of an external teacher read from a file and matched by row id
 * ({@link ExternalTeacherSpec}). An external teacher scores only the dataset's own rows: it cannot
 * label MUNGE transfer rows, be saved, or be timed.
 */
final class PipelineTeacher {
  /** Why distill.json has no teacher deployment figures with an external teacher. */
  static final String NOT_TIMED =
      "external teacher (scores read from a file): it cannot be timed or sized";

  private final TeacherFit fit;
  private final ExternalTeacherSpec spec;
  private final double[] byRow;

  private PipelineTeacher(TeacherFit fit, ExternalTeacherSpec spec, double[] byRow) {
    this.fit = fit;
    this.spec = spec;
    this.byRow = byRow;
  }

  /** A teacher trained by {@code TeacherTrainer}. */
  static PipelineTeacher trained(TeacherFit fit) {
    return new PipelineTeacher(fit, null, null);
  }

  /**
   * The external teacher's score for every row of {@code data}.
   *
   * @throws org.fairkd.kd.DistillationException when the file is invalid or lacks any row id
   */
  static PipelineTeacher external(ExternalTeacherSpec spec, TabularDataset data) {
    List<String> ids = new ArrayList<>(data.rowCount());
    for (int r = 0; r < data.rowCount(); r++) {
      ids.add(data.rowId(r));
    }
    return new PipelineTeacher(null, spec, spec.read().forRowIds(ids));
  }

  boolean isExternal() {
    return spec != null;
  }

  /** The trained ensemble; null for an external teacher. */
  TeacherEnsemble ensemble() {
    return fit == null ? null : fit.ensemble();
  }

  /** The fit; null for an external teacher. */
  TeacherFit fit() {
    return fit;
  }

  /** Soft targets of the training rows (the fit's, or the file's scores). */
  double[] trainSoftTargets(int[] trainRows) {
    return fit != null ? fit.trainSoftTargets() : rows(trainRows);
  }

  /** P(favourable) of dataset rows {@code rows}, whose encoded features are {@code x}. */
  double[] score(int[] rows, float[][] x) {
    return fit != null ? fit.ensemble().predictFavourable(x) : rows(rows);
  }

  /** Where the external teacher's scores are; null for a trained teacher. */
  ExternalTeacherSpec spec() {
    return spec;
  }

  private double[] rows(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = byRow[rows[i]];
    }
    return out;
  }
}
