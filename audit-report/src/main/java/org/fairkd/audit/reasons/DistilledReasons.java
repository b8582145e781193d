package org.fairkd.audit.reasons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.reasons.ReasonTexts;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * The adverse-action reasons of a finished distillation, from its output directory: the portable
 * student ({@code student/student.json}), the teacher ensemble ({@code teacher/}, absent for an
 * external teacher: then no teacher reasons), the distillation's split (recomputed from the
 * configuration and seed, and checked against the test rows it reported), reason texts from the
 * dataset spec. The test split is the audited set.
 */
public final class DistilledReasons {
  private DistilledReasons() {}

  /**
   * @param data the distilled dataset
   * @param config the distillation's configuration
   * @param seed the distillation's seed
   * @param distillDir the distillation's output directory
   * @param testRows the test rows the distillation reported
   * @param settings the reasons' settings
   */
  public static AdverseActionResult compute(
      TabularDataset data,
      DistillConfig config,
      long seed,
      Path distillDir,
      int[] testRows,
      AdverseActionReasons.Settings settings) {
    Split split = Split.stratified(data, config.validationFraction(), config.testFraction(), seed);
    if (!Arrays.equals(split.test(), testRows)) {
      throw new IllegalStateException("the recomputed split differs from the distillation's");
    }
    PortableStudent student = PortableStudent.read(distillDir.resolve("student/student.json"));
    Path teacherDir = distillDir.resolve("teacher");
    Function<float[][], double[]> teacher =
        Files.isDirectory(teacherDir) ? TeacherEnsemble.load(teacherDir)::predictFavourable : null;
    return AdverseActionReasons.compute(
        data, testRows, split.train(), student, teacher, ReasonTexts.of(data.spec()), settings);
  }
}
