package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.predictions.PredictionsFile;
import org.fairkd.kd.files.DistillJsonWriter;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.summary.DistillSummary;

/**
 * The output files of {@code distill --out DIR}, each published atomically: {@code teacher/} (a
 * trained teacher only: bench scoring would try to load it), {@code student/}, predictions.csv
 * (every dataset row scored by teacher, student, baseline and each compressed student) and
 * distill.json.
 */
final class DistillOutputs {
  private DistillOutputs() {}

  static void publish(Path out, SummaryBuilder.Stages st, DistillSummary summary) {
    Export export = st.export();
    if (st.teacher().teacher().ensemble() != null) {
      AtomicFiles.publishDir(export.teacherDir(), out.resolve("teacher"));
    } else {
      Distiller.deleteQuietly(export.teacherDir());
      Distiller.deleteQuietly(out.resolve("teacher"));
    }
    AtomicFiles.publishDir(export.studentDir(), out.resolve("student"));
    EncodedSplits s = st.splits();
    int[] all = EncodedSplits.allRows(s.data());
    float[][] xAll = s.allEncoded();
    double[] teacher = st.teacher().teacher().score(all, xAll);
    double[] student = predict(st.training().student().student().weights(), xAll);
    double[] baseline = predict(st.training().baseline().weights(), xAll);
    Map<String, double[]> scores = new LinkedHashMap<>();
    scores.put("teacher", teacher);
    scores.put("student", student);
    scores.put("baseline", baseline);
    for (Compression.Compressed c : st.compression().students()) {
      scores.put(
          c.student().method().role(),
          new PortableScorer(c.student().student()).scoreEncoded(xAll));
    }
    AtomicFiles.write(
        out.resolve("predictions.csv"), PredictionsFile.render(s.data(), s.split(), scores));
    DistillJsonWriter.write(out.resolve("distill.json"), summary);
  }

  private static double[] predict(StudentWeights w, float[][] x) {
    try (DjlStudent d = DjlStudent.of(w)) {
      return d.predict(x);
    }
  }
}
