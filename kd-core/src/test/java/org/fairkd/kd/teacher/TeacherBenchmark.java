package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;

/**
 * Benchmark of the teacher on a built-in dataset (default {@code adult}): each member's and the
 * ensemble's test AUC and log loss (fitted logit average, fitted probability average, plain
 * average), the fitted weights, training seconds per member, the cost of the out-of-fold soft
 * targets, their train AUC against in-sample targets, single-row latency, batch throughput and the
 * saved size.
 *
 * <p>A runnable benchmark in the test sources (not a test: surefire does not pick it up). Usage:
 * {@code TeacherBenchmark [dataset] [seed] [config.yaml]}; the data directory comes from {@code
 * -Dfairkd.data.dir}, {@code $FAIRKD_DATA_DIR} or {@code ../shared/datasets}. Run with {@code
 * OMP_WAIT_POLICY=PASSIVE} as kd-core's README shows (test classpath).
 */
public final class TeacherBenchmark {
  private TeacherBenchmark() {}

  /** Runs the benchmark and prints a report to stdout. */
  public static void main(String[] args) throws Exception {
    String name = args.length > 0 ? args[0] : "adult";
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    TeacherConfig cfg =
        args.length > 2
            ? TeacherConfig.fromNode(
                new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of(args[2]).toFile())
                    .get("teacher"),
                args[2])
            : TeacherConfig.defaults();
    String dirProp = System.getProperty("fairkd.data.dir");
    Path dataDir = Datasets.resolveDataDir(dirProp == null ? null : Path.of(dirProp));
    TabularDataset d = Datasets.load(name, dataDir);
    Split split = Split.stratified(d, 0.2, 0.2, seed);
    FeatureEncoder enc = FeatureEncoder.fit(d, split.train());
    float[][] xTr = enc.transform(d, split.train());
    float[][] xVa = enc.transform(d, split.validation());
    float[][] xTe = enc.transform(d, split.test());
    boolean[] yTr = labels(d, split.train());
    boolean[] yVa = labels(d, split.validation());
    boolean[] yTe = labels(d, split.test());
    out(
        "%s: train %d, validation %d, test %d rows, %d encoded features, seed %d%n",
        name, xTr.length, xVa.length, xTe.length, enc.width(), seed);
    out("config: %s%n", cfg.toJson());

    long cpu0 = processCpuNanos();
    TeacherFit fit = TeacherTrainer.fit(cfg, xTr, yTr, xVa, yVa, enc.outputNames(), seed);
    long cpu = processCpuNanos() - cpu0;
    TeacherEnsemble e = fit.ensemble();
    out(
        "fit: %.1f s wall, %.1f s process CPU; final members %s; soft targets (%s) %.1f s%n",
        fit.trainSeconds(),
        cpu / 1e9,
        fit.memberSeconds(),
        cfg.softTargets().key(),
        fit.softTargetSeconds());

    for (int m = 0; m < e.memberNames().size(); m++) {
      long t = System.nanoTime();
      e.members().get(m).predict(new TribuoRows(enc.outputNames()), xTe);
      out(
          "  predict %s: %.0f rows/s%n",
          e.memberNames().get(m), xTe.length / ((System.nanoTime() - t) / 1e9));
    }
    Map<String, double[]> val = e.memberPredictions(xVa);
    Map<String, double[]> test = e.memberPredictions(xTe);
    double[][] vp = val.values().toArray(new double[0][]);
    double[][] tp = test.values().toArray(new double[0][]);
    for (var m : test.entrySet()) {
      row(m.getKey(), m.getValue(), yTe, val.get(m.getKey()), yVa);
    }
    row(
        "ensemble (" + e.combination().key() + ")",
        e.combination().combine(tp, e.weights()),
        yTe,
        e.combination().combine(vp, e.weights()),
        yVa);
    out("  weights %s%n", Arrays.toString(e.weights()));
    for (Combination c : Combination.values()) {
      double[] w = WeightFitter.fit(c, vp, yVa);
      row("fitted " + c.key() + " average", c.combine(tp, w), yTe, c.combine(vp, w), yVa);
      out("  weights %s%n", Arrays.toString(w));
    }
    double[] ew = e.weights();
    for (int m = 0; m < ew.length; m++) {
      double[] w = new double[ew.length];
      for (int j = 0; j < ew.length; j++) {
        w[j] = 0.95 * ew[j] + (j == m ? 0.05 : 0);
      }
      out(
          "  check: 5%% shifted to %-14s validation log loss %.6f (fitted %.6f)%n",
          e.memberNames().get(m),
          ScoreStats.logLoss(e.combination().combine(vp, w), yVa),
          ScoreStats.logLoss(e.combination().combine(vp, ew), yVa));
    }
    double[] uniform = new double[vp.length];
    Arrays.fill(uniform, 1.0 / vp.length);
    row(
        "plain probability average",
        Combination.PROBABILITY.combine(tp, uniform),
        yTe,
        Combination.PROBABILITY.combine(vp, uniform),
        yVa);

    double[] inSample = e.predictFavourable(xTr);
    out(
        "train AUC: in-sample %.4f, soft targets %.4f%n",
        ScoreStats.auc(inSample, yTr), ScoreStats.auc(fit.trainSoftTargets(), yTr));

    latency(e, xTe);
    Path dir = Files.createTempDirectory("teacher-bench");
    e.save(dir);
    out("saved size: %.1f KiB (%s)%n", e.sizeOnDiskBytes(dir) / 1024.0, dir);
  }

  private static void latency(TeacherEnsemble e, float[][] x) {
    int n = Math.min(2000, x.length);
    for (int i = 0; i < n; i++) {
      e.predictFavourable(new float[][] {x[i]});
    }
    long[] ns = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      e.predictFavourable(new float[][] {x[i]});
      ns[i] = System.nanoTime() - t;
    }
    Arrays.sort(ns);
    long t = System.nanoTime();
    e.predictFavourable(x);
    double s = (System.nanoTime() - t) / 1e9;
    out(
        "single row: p50 %.0f us, p99 %.0f us; batch of %d: %.0f rows/s%n",
        ns[n / 2] / 1e3, ns[(int) (n * 0.99)] / 1e3, x.length, x.length / s);
  }

  private static void row(String label, double[] test, boolean[] yTe, double[] val, boolean[] yVa) {
    out(
        "%-30s test AUC %.4f  log loss %.4f | validation AUC %.4f  log loss %.4f%n",
        label,
        ScoreStats.auc(test, yTe),
        ScoreStats.logLoss(test, yTe),
        ScoreStats.auc(val, yVa),
        ScoreStats.logLoss(val, yVa));
  }

  /** CPU time of the whole process (all threads, incl. XGBoost's native ones), or 0 if unknown. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static boolean[] labels(TabularDataset d, int[] rows) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = d.favourable(rows[i]);
    }
    return y;
  }

  private static void out(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, fmt, args);
  }
}
