package org.fairkd.kd.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.summary.DistillSummary;

/**
 * What {@link Distiller#run} (and {@link PreparedDistillation#distillation}, for one search
 * candidate) returns: the test split's scores (from the first repeat's models) and the typed
 * summary (distill.json's content).
 *
 * @param testRows dataset row indexes of the test split
 * @param testRowIds their row ids
 * @param testLabels their labels (true = favourable)
 * @param teacherScore teacher P(favourable) per test row
 * @param studentScore distilled student P(favourable) per test row
 * @param baselineScore hard-label baseline student P(favourable) per test row
 * @param compressedScores P(favourable) per test row of each compressed student, by its audit role
 *     (e.g. {@code student_int8}), in configuration order; empty without {@code student.compress}
 * @param summary the distillation's summary
 */
public record DistillationResult(
    int[] testRows,
    List<String> testRowIds,
    boolean[] testLabels,
    double[] teacherScore,
    double[] studentScore,
    double[] baselineScore,
    Map<String, double[]> compressedScores,
    DistillSummary summary) {

  /** Copies the map, keeping its order. */
  public DistillationResult {
    compressedScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compressedScores));
  }
}
