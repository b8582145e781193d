package org.fairkd.kd.pipeline;

import java.util.Objects;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;

/**
 * What varies between the candidates trained from one {@link PreparedDistillation}; everything else
 * (epochs, batch size, learning rate, patience, alpha) comes from the configuration it was prepared
 * with.
 *
 * @param penalty the fairness penalty (ignored when {@code lambda} is 0)
 * @param lambda the penalty weight, {@code >= 0} (0 = the unconstrained student)
 * @param temperature the distillation temperature, {@code > 0}
 * @param architecture the student architecture
 * @param seed the training seed (initial weights and mini-batch order)
 */
public record CandidateSettings(
    PenaltyKind penalty,
    double lambda,
    double temperature,
    StudentArchitecture architecture,
    long seed) {

  /** Checks the ranges. */
  public CandidateSettings {
    Objects.requireNonNull(penalty, "penalty");
    Objects.requireNonNull(architecture, "architecture");
    if (!(lambda >= 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    }
    if (!(temperature > 0 && Double.isFinite(temperature))) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
  }
}
