package org.fairkd.kd.summary;

import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;

/**
 * One compressed student in distill.json's {@code compression} list: what was done, where it was
 * written, and how far it moved from the float student and the teacher on the test split.
 *
 * @param name the configuration name, e.g. {@code int8}, {@code prune_50}
 * @param role its audit.json model role, e.g. {@code student_int8}
 * @param method one sentence saying what was done
 * @param file its file, relative to the distill output directory
 * @param weights weights (not biases) of the student
 * @param nonZeroWeights of them, those that are not 0
 * @param test AUC, accuracy at 0.5 and log loss on the test split
 * @param fidelityToStudent decision agreement at 0.5 with the float student
 * @param fidelityToTeacher decision agreement at 0.5 with the teacher
 * @param maxScoreChange largest |score − float student's score| over the test rows
 * @param demographicParityDifference the penalty attribute's gap (as {@code fairness}), NaN without
 *     a protected attribute
 * @param deployment latency, throughput and file size, on the same bench as the float student
 */
public record CompressedModel(
    String name,
    String role,
    String method,
    String file,
    long weights,
    long nonZeroWeights,
    ModelMetrics test,
    double fidelityToStudent,
    double fidelityToTeacher,
    double maxScoreChange,
    double demographicParityDifference,
    DeploymentFigures deployment) {}
