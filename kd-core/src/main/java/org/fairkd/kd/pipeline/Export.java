package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.Map;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * Stage 7 of {@link Distiller}: the student as a portable file and as DJL parameters, the trained
 * teacher saved, all into temporary sibling directories of {@code teacher/} and {@code student/}
 * under {@code work}, and the deployment gain measured on the saved models (sizes on disk).
 *
 * @param teacherDir the saved teacher (empty for an external teacher), to be published
 * @param studentDir the saved student, to be published
 * @param deployment the measured figures
 * @param portable the portable student written to {@code studentDir}
 */
record Export(
    Path teacherDir, Path studentDir, DeploymentSummary deployment, PortableStudent portable) {

  static Export run(
      EncodedSplits s,
      DistillConfig cfg,
      TeacherEnsemble teacher,
      StudentWeights student,
      long seed,
      Path work,
      ScoringBench bench) {
    PortableStudent portable =
        PortableStudent.of(
            s.encoder().spec(),
            s.encoder().outputNames(),
            student,
            metadata(s.data().name(), seed, cfg));
    return run(s, teacher, portable, student, work, bench);
  }

  /**
   * Exports {@code portable} as it is (its metadata included), with {@code student}, its weights,
   * as the DJL student.
   */
  static Export run(
      EncodedSplits s,
      TeacherEnsemble teacher,
      PortableStudent portable,
      StudentWeights student,
      Path work,
      ScoringBench bench) {
    Path teacherTmp = AtomicFiles.tempDirFor(work.resolve("teacher"));
    Path studentTmp = AtomicFiles.tempDirFor(work.resolve("student"));
    DeploymentSummary deployment;
    try (DjlStudent djl = DjlStudent.of(student)) {
      if (teacher != null) {
        teacher.save(teacherTmp);
      }
      byte[] json = portable.toJson();
      AtomicFiles.write(studentTmp.resolve("student.json"), json);
      Path params = djl.save(studentTmp.resolve("djl"));
      deployment =
          Deployment.measure(
              s.data(),
              s.split().test(),
              s.encoder(),
              teacher,
              teacher == null ? 0 : teacher.sizeOnDiskBytes(teacherTmp),
              djl,
              params.toFile().length(),
              portable,
              json.length,
              bench);
    }
    if (teacher == null) {
      deployment = deployment.withoutTeacher(PipelineTeacher.NOT_TIMED);
    }
    return new Export(teacherTmp, studentTmp, deployment, portable);
  }

  /**
   * The student file's metadata, in a fixed order: the file's bytes (and so its SHA-256 in the
   * audit's provenance) must not depend on the JVM ({@code Map.of} iterates in a per-JVM order).
   */
  private static Map<String, Object> metadata(String dataset, long seed, DistillConfig cfg) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("dataset", dataset);
    m.put("seed", seed);
    m.put("temperature", cfg.settings().temperature());
    m.put("alpha", cfg.settings().alpha());
    m.put("lambda", cfg.settings().lambda());
    return m;
  }
}
