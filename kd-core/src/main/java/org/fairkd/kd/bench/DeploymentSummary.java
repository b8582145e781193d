package org.fairkd.kd.bench;

/**
 * The deployment gain: each model's figures, measured from raw rows.
 *
 * <p>{@code latencySpeedup = teacher p50 / portable p50}, {@code throughputSpeedup = portable
 * rows/s / teacher rows/s}, {@code sizeRatio = teacher bytes / portable bytes}; NaN without a timed
 * teacher.
 *
 * @param teacher the teacher's figures, or null when it was not timed
 * @param teacherReason why the teacher was not timed (an external teacher), or null
 * @param studentDjl the DJL student's figures, or null when not measured
 * @param studentPortable the portable student's figures
 */
public record DeploymentSummary(
    DeploymentFigures teacher,
    String teacherReason,
    DeploymentFigures studentDjl,
    DeploymentFigures studentPortable) {

  /** The same figures with {@code reason} why the teacher is missing. */
  public DeploymentSummary withoutTeacher(String reason) {
    return new DeploymentSummary(null, reason, studentDjl, studentPortable);
  }

  /** Teacher p50 latency ÷ portable p50 latency. */
  public double latencySpeedup() {
    return teacher == null ? Double.NaN : teacher.latencyP50Us() / studentPortable.latencyP50Us();
  }

  /** Portable throughput ÷ teacher throughput. */
  public double throughputSpeedup() {
    return teacher == null
        ? Double.NaN
        : studentPortable.throughputRowsPerS() / teacher.throughputRowsPerS();
  }

  /** Teacher size ÷ portable size. */
  public double sizeRatio() {
    return teacher == null
        ? Double.NaN
        : (double) teacher.sizeBytes() / studentPortable.sizeBytes();
  }
}
