package org.fairkd.kd.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.RowModel;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.teacher.Teacher;

/**
 * The deployment gain: each model scored from raw rows of a dataset (the encoding is part of the
 * measured path). The teacher and the DJL student encode with {@link FeatureEncoder#transform}; the
 * portable student reads raw {@code Object[]} rows through its own fused encoder.
 *
 * <p>Speedups in the JSON: {@code latency_speedup = teacher p50 / portable p50}, {@code
 * throughput_speedup = portable rows/s / teacher rows/s}, {@code size_ratio = teacher bytes /
 * portable bytes}.
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
   * Measures the three models on {@code rows} of {@code d} (teacher may be null) and returns the
   * {@code deployment} JSON object.
   */
  public static ObjectNode measure(
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
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    DeploymentFigures t = null;
    if (teacher != null) {
      t =
          bench.measure(
              encoded(d, rows, enc, teacher::predictFavourable), rows.length, teacherBytes);
      o.set("teacher", json(t));
    }
    if (djl != null) {
      o.set(
          "student_djl",
          json(bench.measure(encoded(d, rows, enc, djl::predict), rows.length, djlBytes)));
    }
    DeploymentFigures p =
        bench.measure(portable(portable, RawRows.of(d, rows)), rows.length, portableBytes);
    o.set("student_portable", json(p));
    if (t != null) {
      o.put("latency_speedup", t.latencyP50Us() / p.latencyP50Us());
      o.put("throughput_speedup", p.throughputRowsPerS() / t.throughputRowsPerS());
      o.put("size_ratio", (double) t.sizeBytes() / p.sizeBytes());
    }
    return o;
  }

  static ObjectNode json(DeploymentFigures f) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("latency_p50_us", f.latencyP50Us());
    o.put("latency_p99_us", f.latencyP99Us());
    o.put("throughput_rows_per_s", f.throughputRowsPerS());
    o.put("size_bytes", f.sizeBytes());
    return o;
  }
}
