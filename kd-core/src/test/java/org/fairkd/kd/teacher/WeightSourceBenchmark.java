package org.fairkd.kd.teacher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;

/**
 * Benchmark of {@link WeightSource} on small data: for each dataset and seed (distill's split,
 * validation 0.15, test 0.2; the default teacher), the test AUC of the best member (by test AUC, an
 * oracle), of the ensemble with weights fitted on validation (before) and of the ensemble with
 * weights fitted on the training rows' out-of-fold predictions (after, what {@link TeacherTrainer}
 * now does below {@value WeightSource#MIN_VALIDATION_ROWS} validation rows).
 *
 * <p>A runnable benchmark in the test sources (not a test). Usage: {@code WeightSourceBenchmark
 * [seeds]}; German Credit from {@code -Dfairkd.data.dir} or {@code ../shared/datasets}, synthetic
 * lending at 1,000, 2,000 and 4,000 rows.
 */
public final class WeightSourceBenchmark {
  private WeightSourceBenchmark() {}

  /** Runs the benchmark and prints one line per dataset and seed, then the means. */
  public static void main(String[] args) throws Exception {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String dirProp = System.getProperty("fairkd.data.dir");
    Path dataDir = Datasets.resolveDataDir(dirProp == null ? null : Path.of(dirProp));
    run("german-credit", Datasets.load("german-credit", dataDir), seeds);
    for (int n : new int[] {1000, 2000, 4000}) {
      run(
          "synthetic-" + n,
          SyntheticLending.generate(n, 11, SyntheticLending.Config.defaults()),
          seeds);
    }
  }

  private static void run(String name, TabularDataset d, int seeds) {
    double[] sum = new double[4];
    for (int seed = 1; seed <= seeds; seed++) {
      Split split = Split.stratified(d, 0.15, 0.2, seed);
      FeatureEncoder enc = FeatureEncoder.fit(d, split.train());
      float[][] xTr = enc.transform(d, split.train());
      float[][] xVa = enc.transform(d, split.validation());
      float[][] xTe = enc.transform(d, split.test());
      boolean[] yTr = labels(d, split.train());
      boolean[] yVa = labels(d, split.validation());
      boolean[] yTe = labels(d, split.test());
      TeacherConfig cfg = TeacherConfig.defaults();
      TeacherFit fit = TeacherTrainer.fit(cfg, xTr, yTr, xVa, yVa, enc.outputNames(), seed);
      TeacherEnsemble e = fit.ensemble();
      Map<String, double[]> te = e.memberPredictions(xTe);
      Map<String, double[]> va = e.memberPredictions(xVa);
      double best = 0;
      String bestName = "";
      for (var m : te.entrySet()) {
        double auc = ScoreStats.auc(m.getValue(), yTe);
        if (auc > best) {
          best = auc;
          bestName = m.getKey();
        }
      }
      double[] wVal =
          WeightFitter.fit(cfg.combination(), va.values().toArray(double[][]::new), yVa);
      double before =
          ScoreStats.auc(
              cfg.combination().combine(te.values().toArray(double[][]::new), wVal), yTe);
      double after = ScoreStats.auc(e.predictFavourable(xTe), yTe);
      double bestOnVal =
          ScoreStats.auc(
              cfg.combination()
                  .combine(
                      te.values().toArray(double[][]::new),
                      bestMember(va.values().toArray(double[][]::new), yVa)),
              yTe);
      System.out.printf(
          Locale.ROOT,
          "%s seed %d: val %d rows, source %s; best member %s %.4f | validation-fitted %.4f %s |"
              + " out-of-fold-fitted %.4f %s | best-on-validation %.4f%n",
          name,
          seed,
          yVa.length,
          fit.weightSource().key(),
          bestName,
          best,
          before,
          java.util.Arrays.toString(round(wVal)),
          after,
          java.util.Arrays.toString(round(e.weights())),
          bestOnVal);
      sum[0] += best;
      sum[1] += before;
      sum[2] += after;
      sum[3] += bestOnVal;
    }
    System.out.printf(
        Locale.ROOT,
        "%s MEAN over %d seeds: best member %.4f | validation-fitted %.4f | out-of-fold-fitted"
            + " %.4f | best-on-validation %.4f%n",
        name,
        seeds,
        sum[0] / seeds,
        sum[1] / seeds,
        sum[2] / seeds,
        sum[3] / seeds);
  }

  /** Weight 1 on the member with the lowest log loss on the rows (the fallback measured). */
  private static double[] bestMember(double[][] memberProbs, boolean[] y) {
    int k = memberProbs.length;
    double[] best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int m = 0; m < k; m++) {
      double[] v = new double[k];
      v[m] = 1;
      double l = WeightFitter.loss(Combination.PROBABILITY, memberProbs, y, v);
      if (l < bestLoss) {
        bestLoss = l;
        best = v;
      }
    }
    return best;
  }

  private static double[] round(double[] w) {
    double[] r = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      r[i] = Math.round(w[i] * 1000) / 1000.0;
    }
    return r;
  }

  private static boolean[] labels(TabularDataset d, int[] rows) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = d.favourable(rows[i]);
    }
    return y;
  }
}
