package org.fairkd.kd.pipeline;

import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.bench.FastTeacherRows;
import org.fairkd.kd.bench.RowModel;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.teacher.FastTeacher;
import org.fairkd.kd.teacher.Teacher;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * The deployment gain: each model scored from raw rows of a dataset (the encoding is part of the
 * measured path). The teacher and the DJL student encode with {@link FeatureEncoder#transform}; the
 * portable student reads raw {@code Object[]} rows through its own fused encoder.
 */
public final class Deployment {
  private Deployment() {}

  /** Teacher (or DJL student) behind the dataset encoder. */
  public static RowModel encoded(
      TabularDataset d,
      int[] rows,
      FeatureEncoder enc,
      java.util.function.Function<float[][], double[]> f) {
    return new RowModel() {
      @Override
      public double scoreOne(int i) {
        return f.apply(enc.transform(d, new int[] {rows[i]}))[0];
      }

      @Override
      public double[] scoreBatch(int n) {
        return f.apply(enc.transform(d, java.util.Arrays.copyOf(rows, n)));
      }
    };
  }

  /** The portable student on raw rows. */
  public static RowModel portable(PortableStudent student, RawRows raw) {
    PortableScorer.RowScorer s = new PortableScorer(student).bind(raw.header());
    Object[][] rows = raw.rows();
    return new RowModel() {
      @Override
      public double scoreOne(int i) {
        return s.score(rows[i]);
      }

      @Override
      public double[] scoreBatch(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = s.score(rows[i]);
        }
        return out;
      }
    };
  }

  /**
   * Measures the three models on {@code rows} of {@code d} (teacher and DJL student may be null).
   */
  public static DeploymentSummary measure(
      TabularDataset d,
      int[] rows,
      FeatureEncoder enc,
      Teacher teacher,
      long teacherBytes,
      DjlStudent djl,
      long djlBytes,
      PortableStudent portable,
      long portableBytes,
      ScoringBench bench) {
    DeploymentFigures t =
        teacher == null
            ? null
            : bench.measure(
                encoded(d, rows, enc, teacher::predictFavourable), rows.length, teacherBytes);
    DeploymentFigures j =
        djl == null
            ? null
            : bench.measure(encoded(d, rows, enc, djl::predict), rows.length, djlBytes);
    RawRows raw = RawRows.of(d, rows);
    DeploymentFigures p = bench.measure(portable(portable, raw), rows.length, portableBytes);
    FastTeacher fast =
        teacher instanceof TeacherEnsemble e ? FastTeacher.of(e, raw.header()) : null;
    DeploymentFigures f =
        fast == null
            ? null
            : bench.measure(
                FastTeacherRows.of(fast, raw.rows(), i -> enc.transform(d, new int[] {rows[i]})[0]),
                rows.length,
                teacherBytes);
    return new DeploymentSummary(t, null, j, p, f, fast == null ? null : fast.description());
  }
}
