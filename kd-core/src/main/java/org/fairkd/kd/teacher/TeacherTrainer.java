package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;

/**
 * Trains a {@link TeacherEnsemble}: every member on all training rows, member weights fitted where
 * {@link WeightSource#choose} says (the validation split, or with a small one the training rows'
 * out-of-fold predictions) or fixed, and the training rows' soft targets — by default out of fold:
 * the training rows are split into k stratified folds (seeded), every member is retrained on k − 1
 * folds and scores the held-out fold, and the member scores are combined with the final ensemble's
 * weights. A row's soft target therefore never comes from a model that saw the row. Members whose
 * fitted weight is 0 add exactly nothing to the combination and are not refitted, so the cost is
 * one training of every member plus k trainings of every member with a positive weight.
 *
 * <p>Trainings run as independent tasks on {@link ParallelTasks#defaultThreads()} threads; each
 * task has its own seed, so results do not depend on the thread count. Seeds: member m (0-based) of
 * the final ensemble gets {@code seed + 1000·(m + 1)}; in fold f it gets {@code seed + 1000·(m + 1)
 * + f + 1}; the folds are drawn with {@code seed}. So several {@code mlp} members that differ only
 * by name are several MLPs differing by seed (holdout draw, initial weights, batch order). MLP
 * members hold out a fraction of the rows they are given (all training rows, or k − 1 folds) for
 * their early stopping, never the validation split, and train one at a time ({@link MlpMember}) on
 * one pool thread while the Tribuo members train on the others ({@link ParallelTasks}).
 */
public final class TeacherTrainer {
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private TeacherTrainer() {}

  /**
   * Trains the ensemble on all training rows, fits member weights on validation, and computes soft
   * targets for the training rows (out of fold by default).
   *
   * @throws DistillationException if the training rows lack a label, or fitted weights are asked
   *     for without a validation split holding both labels
   */
  public static TeacherFit fit(
      TeacherConfig cfg,
      float[][] xTrain,
      boolean[] yTrain,
      float[][] xVal,
      boolean[] yVal,
      List<String> featureNames,
      long seed) {
    return fit(cfg, xTrain, yTrain, xVal, yVal, featureNames, null, null, seed);
  }

  /**
   * As {@link #fit(TeacherConfig, float[][], boolean[], float[][], boolean[], List, long)}, with
   * the dataset encoder that imported members ({@code onnx}, {@code xgboost_model}) need to map
   * encoded rows back to their inputs. Imported members are opened (and their mapping checked)
   * before any training, are never refitted, and their out-of-fold soft targets are their own
   * scores.
   *
   * @param encoder the encoder that produced the rows; may be null when no member is imported
   * @param data the dataset the rows come from (see {@link ImportedInputs}); null as encoder
   * @throws DistillationException as the other overload, and naming the member and column when an
   *     imported member's file or input mapping does not fit
   */
  public static TeacherFit fit(
      TeacherConfig cfg,
      float[][] xTrain,
      boolean[] yTrain,
      float[][] xVal,
      boolean[] yVal,
      List<String> featureNames,
      EncoderSpec encoder,
      TabularDataset data,
      long seed) {
    List<TeacherMember> imported = new ArrayList<>();
    for (MemberSpec m : cfg.members()) {
      if (m.type().isImported() && (encoder == null || data == null)) {
        throw new IllegalArgumentException("imported member " + m.name() + " needs the encoder");
      }
      imported.add(
          m.type().isImported()
              ? new TeacherMember(m, ImportedMember.open(m, encoder, data))
              : null);
    }
    long t0 = System.nanoTime();
    checkLabels(yTrain, cfg.softTargets() == SoftTargets.OUT_OF_FOLD ? cfg.folds() : 1, "training");
    if (cfg.fittedWeights() && cfg.members().size() > 1) {
      checkLabels(yVal, 1, "validation");
    }
    TribuoRows rows = new TribuoRows(featureNames);
    List<MemberSpec> specs = cfg.members();
    int[] all = IntStream.range(0, xTrain.length).toArray();
    double[] seconds = new double[specs.size()];
    try (ProgressBar pb = progressBar(specs.size())) {
      List<Callable<TeacherMember>> tasks = new ArrayList<>();
      for (int m = 0; m < specs.size(); m++) {
        int mm = m;
        tasks.add(
            () -> {
              long s = System.nanoTime();
              TeacherMember t =
                  imported.get(mm) != null
                      ? imported.get(mm)
                      : TeacherMember.train(
                          specs.get(mm), rows, xTrain, yTrain, all, memberSeed(seed, mm, -1));
              seconds[mm] = (System.nanoTime() - s) / 1e9;
              pb.setExtraMessage(specs.get(mm).name());
              pb.step();
              return t;
            });
      }
      List<TeacherMember> members = ParallelTasks.run(tasks, oneAtATime(specs, all(specs)));
      Map<String, Double> memberSeconds = new LinkedHashMap<>();
      for (int m = 0; m < specs.size(); m++) {
        memberSeconds.put(specs.get(m).name(), seconds[m]);
      }
      WeightSource source = WeightSource.choose(cfg, yVal.length);
      double[] weights = cfg.fixedWeights();
      long s = System.nanoTime();
      double[][] allOof = null;
      double[] foldSeconds = new double[specs.size()];
      double weightSeconds = 0;
      if (source == WeightSource.OUT_OF_FOLD) {
        allOof =
            memberOutOfFold(cfg, rows, xTrain, yTrain, all(specs), seed, pb, members, foldSeconds);
        long w = System.nanoTime();
        weights = WeightFitter.fit(cfg.combination(), allOof, yTrain);
        weightSeconds = (System.nanoTime() - w) / 1e9;
      } else if (weights == null) {
        long w = System.nanoTime();
        double[][] valProbs = new double[members.size()][];
        for (int m = 0; m < members.size(); m++) {
          valProbs[m] = members.get(m).predict(rows, xVal);
        }
        weights = WeightFitter.fit(cfg.combination(), valProbs, yVal);
        weightSeconds = (System.nanoTime() - w) / 1e9;
      }
      TeacherEnsemble ensemble =
          new TeacherEnsemble(members, weights, cfg.combination(), featureNames, cfg);
      double[] soft;
      if (cfg.softTargets() == SoftTargets.IN_SAMPLE) {
        soft = ensemble.predictFavourable(xTrain);
      } else {
        int[] active = TeacherEnsemble.activeMembers(weights);
        double[][] probs;
        if (allOof != null) {
          probs = new double[active.length][];
          for (int a = 0; a < active.length; a++) {
            probs[a] = allOof[active[a]];
          }
        } else {
          probs =
              memberOutOfFold(cfg, rows, xTrain, yTrain, active, seed, pb, members, foldSeconds);
        }
        double[] w = new double[active.length];
        for (int a = 0; a < active.length; a++) {
          w[a] = weights[active[a]];
        }
        soft = cfg.combination().combine(probs, w);
      }
      double softSeconds = (System.nanoTime() - s) / 1e9;
      Map<String, Double> refitSeconds = new LinkedHashMap<>();
      for (int m = 0; m < specs.size(); m++) {
        refitSeconds.put(specs.get(m).name(), foldSeconds[m]);
      }
      return new TeacherFit(
          ensemble,
          soft,
          (System.nanoTime() - t0) / 1e9,
          memberSeconds,
          softSeconds,
          refitSeconds,
          weightSeconds,
          source,
          source == WeightSource.FIXED
              ? 0
              : source == WeightSource.OUT_OF_FOLD ? yTrain.length : yVal.length);
    }
  }

  /**
   * Out-of-fold member predictions: for each of {@code active} (member indexes), row i scored by
   * the member retrained on the rows outside its fold; an imported member (trained elsewhere, not
   * refitted) scores the held-out rows itself. {@code [a][i]}: member {@code active[a]} on row i.
   * Each member's seconds over its k fold tasks (training and scoring) are added to {@code
   * seconds[member]}.
   */
  static double[][] memberOutOfFold(
      TeacherConfig cfg,
      TribuoRows rows,
      float[][] x,
      boolean[] y,
      int[] active,
      long seed,
      ProgressBar pb,
      List<TeacherMember> finalMembers,
      double[] seconds) {
    int k = cfg.folds();
    int[] fold = StratifiedFolds.assign(y, k, seed);
    List<MemberSpec> specs = cfg.members();
    pb.maxHint(pb.getCurrent() + (long) active.length * k);
    List<int[]> held = new ArrayList<>();
    List<Callable<double[]>> tasks = new ArrayList<>();
    double[] taskSeconds = new double[k * active.length];
    for (int f = 0; f < k; f++) {
      int ff = f;
      int[] fit = StratifiedFolds.rows(fold, f, false);
      int[] in = StratifiedFolds.rows(fold, f, true);
      held.add(in);
      float[][] xHeld = new float[in.length][];
      for (int i = 0; i < in.length; i++) {
        xHeld[i] = x[in[i]];
      }
      for (int a = 0; a < active.length; a++) {
        int m = active[a];
        int task = f * active.length + a;
        tasks.add(
            () -> {
              long t0 = System.nanoTime();
              TeacherMember member =
                  specs.get(m).type().isImported()
                      ? finalMembers.get(m)
                      : TeacherMember.train(specs.get(m), rows, x, y, fit, memberSeed(seed, m, ff));
              double[] p = member.predict(rows, xHeld);
              taskSeconds[task] = (System.nanoTime() - t0) / 1e9;
              pb.setExtraMessage(specs.get(m).name() + " fold " + (ff + 1) + "/" + k);
              pb.step();
              return p;
            });
      }
    }
    boolean[] lane = new boolean[tasks.size()];
    boolean[] perFold = oneAtATime(specs, active);
    for (int t = 0; t < lane.length; t++) {
      lane[t] = perFold[t % active.length];
    }
    List<double[]> results = ParallelTasks.run(tasks, lane);
    for (int t = 0; t < taskSeconds.length; t++) {
      seconds[active[t % active.length]] += taskSeconds[t];
    }
    double[][] out = new double[active.length][x.length];
    for (int f = 0; f < k; f++) {
      int[] in = held.get(f);
      for (int a = 0; a < active.length; a++) {
        double[] p = results.get(f * active.length + a);
        for (int i = 0; i < in.length; i++) {
          out[a][in[i]] = p[i];
        }
      }
    }
    return out;
  }

  /** For each of the given members, whether its training must not overlap another's (MLPs). */
  private static boolean[] oneAtATime(List<MemberSpec> specs, int[] members) {
    boolean[] out = new boolean[members.length];
    for (int a = 0; a < members.length; a++) {
      out[a] = specs.get(members[a]).type() == MemberType.MLP;
    }
    return out;
  }

  private static int[] all(List<MemberSpec> specs) {
    return IntStream.range(0, specs.size()).toArray();
  }

  static long memberSeed(long seed, int member, int fold) {
    return seed + 1000L * (member + 1) + (fold + 1);
  }

  private static void checkLabels(boolean[] y, int minPerLabel, String split) {
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    int neg = y.length - pos;
    if (pos < minPerLabel || neg < minPerLabel) {
      throw new DistillationException(
          "teacher: the "
              + split
              + " split needs at least "
              + minPerLabel
              + " rows of each label, got "
              + pos
              + " favourable and "
              + neg
              + " unfavourable");
    }
  }

  /** A progress bar on stderr when there is a terminal; silent otherwise (CI logs stay clean). */
  static ProgressBar progressBar(int max) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName("teacher")
            .setInitialMax(max)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500);
    if (System.console() == null) {
      b.setConsumer(new DelegatingProgressBarConsumer(line -> {}));
    }
    return b.build();
  }
}
