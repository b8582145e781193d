package org.fairkd.kd.pipeline;

import java.util.List;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.TrainingData;

/**
 * Stage 4 of {@link Distiller}: the student architecture, configured or searched ({@code auto}, see
 * {@link StudentSelection#search}).
 *
 * @param architecture the architecture the student and the baseline get
 * @param searched whether it was searched
 * @param candidates the searched candidates (empty when configured)
 */
record ArchitectureChoice(
    StudentArchitecture architecture,
    boolean searched,
    List<StudentSelection.Candidate> candidates) {

  static ArchitectureChoice choose(
      DistillConfig cfg, TrainingData train, TransferSet transfer, TrainingData val, long seed) {
    if (cfg.architecture() != null) {
      return new ArchitectureChoice(cfg.architecture(), false, List.of());
    }
    List<StudentSelection.Candidate> candidates =
        StudentSelection.search(
            cfg.searchSpace(), train, transfer.rows(), val, cfg.settings(), seed);
    return new ArchitectureChoice(
        StudentSelection.best(candidates, cfg.settings()), true, candidates);
  }
}
