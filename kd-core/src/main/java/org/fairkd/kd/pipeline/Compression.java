package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.compress.CompressedStudent;
import org.fairkd.kd.compress.CompressionMethod;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;

/**
 * Stage 8 of {@link Distiller} ({@code student.compress}): each compression of the portable student
 * written beside it (into the not yet published {@code student/} directory), scored on the test
 * split by the plain-Java scorer and timed from raw rows on the same bench as the float student.
 *
 * @param students one entry per configured method, in configuration order (empty: none)
 */
record Compression(List<Compressed> students) {

  /**
   * One compressed student's results.
   *
   * @param student the compressed student and its file
   * @param testScores its P(favourable) on the test rows
   * @param deployment its latency, throughput and file size
   */
  record Compressed(CompressedStudent student, double[] testScores, DeploymentFigures deployment) {}

  static Compression run(
      DistillConfig cfg,
      EncodedSplits s,
      PortableStudent original,
      Path studentDir,
      ScoringBench bench) {
    List<Compressed> out = new ArrayList<>();
    if (cfg.compress().isEmpty()) {
      return new Compression(out);
    }
    RawRows raw = RawRows.of(s.data(), s.split().test());
    for (CompressionMethod m : cfg.compress()) {
      CompressedStudent c = CompressedStudent.of(m, original);
      AtomicFiles.write(studentDir.resolve(c.fileName()), c.fileBytes());
      double[] scores = new PortableScorer(c.student()).scoreEncoded(s.test().x());
      DeploymentFigures f =
          bench.measure(
              Deployment.portable(c.student(), raw), raw.rows().length, c.fileBytes().length);
      out.add(new Compressed(c, scores, f));
    }
    return new Compression(out);
  }
}
