package org.fairkd.kd.bench;

/**
 * The deployment gain: each model's figures, measured from raw rows.
 *
 * <p>{@code latencySpeedup = teacher p50 / portable p50}, {@code throughputSpeedup = portable
 * rows/s / teacher rows/s}, {@code sizeRatio = teacher bytes / portable bytes}; NaN without a timed
 * teacher. The teacher is timed through its library path ({@code teacher}) and, when it has one,
 * through its fastest serving path ({@code teacherFast}: compiled trees for imported XGBoost
 * members, the ONNX Runtime session for ONNX members, see {@link
 * org.fairkd.kd.teacher.FastTeacher}); the {@code …VsFastest} speedups compare the student with the
 * better teacher figure of the two.
 *
 * @param teacher the teacher's figures (library path), or null when it was not timed
 * @param teacherReason why the teacher was not timed (an external teacher), or null
 * @param studentDjl the DJL student's figures, or null when not measured
 * @param studentPortable the portable student's figures
 * @param teacherFast the teacher's figures on its fastest serving path, or null when it has none
 * @param teacherFastPath which path each member takes there, or null
 */
public record DeploymentSummary(
    DeploymentFigures teacher,
    String teacherReason,
    DeploymentFigures studentDjl,
    DeploymentFigures studentPortable,
    DeploymentFigures teacherFast,
    String teacherFastPath) {

  /** Figures without a fast teacher path. */
  public DeploymentSummary(
      DeploymentFigures teacher,
      String teacherReason,
      DeploymentFigures studentDjl,
      DeploymentFigures studentPortable) {
    this(teacher, teacherReason, studentDjl, studentPortable, null, null);
  }

  /** The same figures with {@code reason} why the teacher is missing. */
  public DeploymentSummary withoutTeacher(String reason) {
    return new DeploymentSummary(null, reason, studentDjl, studentPortable);
  }

  /** Lower teacher p50 of the two paths ÷ portable p50; NaN without a timed teacher. */
  public double latencySpeedupVsFastest() {
    if (teacher == null) {
      return Double.NaN;
    }
    double t =
        teacherFast == null
            ? teacher.latencyP50Us()
            : Math.min(teacher.latencyP50Us(), teacherFast.latencyP50Us());
    return t / studentPortable.latencyP50Us();
  }

  /** Portable throughput ÷ the higher teacher throughput of the two paths. */
  public double throughputSpeedupVsFastest() {
    if (teacher == null) {
      return Double.NaN;
    }
    double t =
        teacherFast == null
            ? teacher.throughputRowsPerS()
            : Math.max(teacher.throughputRowsPerS(), teacherFast.throughputRowsPerS());
    return studentPortable.throughputRowsPerS() / t;
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
