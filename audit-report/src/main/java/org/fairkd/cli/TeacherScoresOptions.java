package org.fairkd.cli;

import java.nio.file.Path;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.ExternalTeacherSpec;
import picocli.CommandLine.Option;

/**
 * The external-teacher options of {@code distill}, {@code run} and {@code demo}: {@code
 * --teacher-scores FILE} replaces the trained ensemble by a teacher's probabilities read from a CSV
 * and matched by row id, with {@code --teacher-id-column} / {@code --teacher-score-column} naming
 * its columns.
 */
public final class TeacherScoresOptions {
  @Option(
      names = "--teacher-scores",
      paramLabel = "FILE",
      description =
          "External teacher: CSV of a teacher's probability of the favourable outcome by row"
              + " id, for every row of the data. No teacher is trained, MUNGE transfer is off, and"
              + " the teacher's latency and size are not measured.")
  Path file;

  @Option(
      names = "--teacher-id-column",
      paramLabel = "COL",
      description =
          "Row-id column of --teacher-scores (default: "
              + ExternalTeacherSpec.DEFAULT_ID_COLUMN
              + ").")
  String idColumn;

  @Option(
      names = "--teacher-score-column",
      paramLabel = "COL",
      description =
          "Probability column of --teacher-scores (default: "
              + ExternalTeacherSpec.DEFAULT_SCORE_COLUMN
              + ").")
  String scoreColumn;

  /**
   * {@code cfg} with the external teacher when {@code --teacher-scores} is given, else {@code cfg}
   * itself.
   *
   * @throws DistillationException when a column option is given without {@code --teacher-scores}
   */
  DistillConfig applyTo(DistillConfig cfg) {
    if (file == null) {
      if (idColumn != null || scoreColumn != null) {
        throw new DistillationException(
            "--teacher-id-column and --teacher-score-column need --teacher-scores");
      }
      return cfg;
    }
    return cfg.withExternalTeacher(
        new ExternalTeacherSpec(
            file,
            idColumn == null ? ExternalTeacherSpec.DEFAULT_ID_COLUMN : idColumn,
            scoreColumn == null ? ExternalTeacherSpec.DEFAULT_SCORE_COLUMN : scoreColumn));
  }
}
