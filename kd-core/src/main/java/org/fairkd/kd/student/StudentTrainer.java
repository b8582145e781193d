package org.fairkd.kd.student;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.fairkd.base.scores.ScoreStats;

/**
 * Trains a student MLP (or linear student) with DJL on the {@link KdLoss}: Adam, shuffled
 * mini-batches (one sub-NDManager per batch), seeded, early stopping on the validation rows.
 *
 * <p>Mini-batch size: {@code min(batch_size, max(16, ceil(n / 20)))}, so that an epoch has at least
 * about 20 optimiser steps even on small data sets (German Credit: 650 rows) and early stopping
 * does not end training after a handful of steps.
 *
 * <p>Monitored on validation after every epoch ({@link #monitorsLoss}): for a distilled or
 * penalised student ({@code alpha > 0} or {@code lambda > 0}) the full loss on the validation rows,
 * KD term against the teacher's scores plus the penalty when {@code lambda > 0} (so that early
 * stopping neither undoes the fairness term nor stops on noise: on Adult the validation AUC against
 * labels wandered by ±0.001 and stopped one seed's student at epoch 38 of 60 while it was still
 * approaching the teacher, test AUC 0.9169); for a hard-label student without penalty (the
 * baseline) the AUC against the true labels. The weights of the best epoch are kept.
 */
public final class StudentTrainer {
  private StudentTrainer() {}

  /** Progress callback: (epoch, training loss, monitored validation value). */
  public interface EpochListener {
    void onEpoch(int epoch, double trainLoss, double validationValue);
  }

  /** Trains without progress reporting. */
  public static TrainedStudent train(
      TrainingData train,
      TrainingData validation,
      StudentArchitecture arch,
      StudentSettings settings,
      long seed) {
    return train(train, validation, arch, settings, seed, null);
  }

  /** Trains one student; {@code listener} may be null. */
  public static TrainedStudent train(
      TrainingData train,
      TrainingData validation,
      StudentArchitecture arch,
      StudentSettings settings,
      long seed,
      EpochListener listener) {
    DjlEngine.ensureQuiet();
    long t0 = System.nanoTime();
    boolean usePenalty = settings.lambda() > 0;
    boolean monitorLoss = monitorsLoss(settings);
    if (usePenalty && (train.membership() == null || validation.membership() == null)) {
      throw new IllegalArgumentException("fairness penalty needs group membership");
    }
    if (settings.alpha() > 0 && (train.teacherProb() == null || validation.teacherProb() == null)) {
      throw new IllegalArgumentException("alpha > 0 needs teacher probabilities");
    }
    int width = train.width();
    KdLoss loss = new KdLoss(settings);
    Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    try (Model model = Model.newInstance("student", "PyTorch")) {
      Block block = DjlStudent.block(arch);
      model.setBlock(block);
      Optimizer adam =
          Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
              .build();
      DefaultTrainingConfig cfg = new DefaultTrainingConfig(loss).optOptimizer(adam);
      try (Trainer trainer = model.newTrainer(cfg)) {
        trainer.initialize(new Shape(1, width));
        Random rng = new Random(seed);
        int n = train.size();
        int batch = effectiveBatch(settings.batchSize(), n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        StudentWeights best = DjlStudent.readWeights(block);
        double bestValue = Double.POSITIVE_INFINITY;
        double bestAuc = Double.NaN;
        int bestEpoch = 0;
        int epoch = 0;
        int sinceBest = 0;
        while (epoch < settings.epochs() && sinceBest < settings.patience()) {
          epoch++;
          shuffle(order, rng);
          double lossSum = 0;
          int batches = 0;
          for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            try (NDManager sub = trainer.getManager().newSubManager()) {
              NDList labels = labels(sub, train, order, start, end, settings, usePenalty);
              NDArray x = features(sub, train.x(), order, start, end, width);
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray l = loss.evaluate(labels, pred);
                lossSum += l.getFloat();
                gc.backward(l);
              }
              trainer.step();
            }
            batches++;
          }
          double[] valScores;
          double valLoss = Double.NaN;
          try (NDManager sub = trainer.getManager().newSubManager()) {
            int[] all = identity(validation.size());
            NDArray x = features(sub, validation.x(), all, 0, all.length, width);
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            valScores = toDouble(logits.softmax(1).get(":, 1").toFloatArray());
            if (monitorLoss) {
              NDList labels = labels(sub, validation, all, 0, all.length, settings, usePenalty);
              valLoss = loss.evaluate(labels, new NDList(logits)).getFloat();
            }
          }
          double auc = ScoreStats.auc(valScores, validation.labels());
          double value = monitorLoss ? valLoss : -auc;
          if (listener != null) {
            listener.onEpoch(epoch, lossSum / Math.max(1, batches), value);
          }
          if (value < bestValue - 1e-6) {
            bestValue = value;
            bestAuc = auc;
            bestEpoch = epoch;
            best = DjlStudent.readWeights(block);
            sinceBest = 0;
          } else {
            sinceBest++;
          }
        }
        return new TrainedStudent(
            best, bestEpoch, epoch, bestAuc, bestValue, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /**
   * Whether training monitors the validation loss (distillation or penalty) rather than the
   * validation AUC (hard labels only).
   */
  public static boolean monitorsLoss(StudentSettings settings) {
    return settings.alpha() > 0 || settings.lambda() > 0;
  }

  /** The mini-batch size used for {@code n} training rows. */
  public static int effectiveBatch(int configured, int n) {
    return Math.min(configured, Math.max(16, (n + 19) / 20));
  }

  private static NDList labels(
      NDManager m,
      TrainingData d,
      int[] order,
      int start,
      int end,
      StudentSettings s,
      boolean withMembership) {
    int b = end - start;
    float[] pT = new float[2 * b];
    float[] y1h = new float[2 * b];
    float[] mask = new float[b];
    float[] y = new float[b];
    for (int k = 0; k < b; k++) {
      int i = order[start + k];
      if (d.teacherProb() != null) {
        double q = KdLoss.temperedTarget(d.teacherProb()[i], s.temperature());
        pT[2 * k] = (float) (1 - q);
        pT[2 * k + 1] = (float) q;
      }
      boolean lab = d.isLabelled(i);
      boolean fav = lab && d.labels()[i];
      y1h[2 * k + (fav ? 1 : 0)] = lab ? 1f : 0f;
      mask[k] = lab ? 1f : 0f;
      y[k] = fav ? 1f : 0f;
    }
    NDList list =
        new NDList(
            m.create(pT, new Shape(b, 2)),
            m.create(y1h, new Shape(b, 2)),
            m.create(mask, new Shape(b)),
            m.create(y, new Shape(b)));
    if (withMembership) {
      int g = d.membership()[order[start]].length;
      float[] mem = new float[b * g];
      for (int k = 0; k < b; k++) {
        double[] row = d.membership()[order[start + k]];
        for (int j = 0; j < g; j++) {
          mem[k * g + j] = (float) row[j];
        }
      }
      list.add(m.create(mem, new Shape(b, g)));
    }
    return list;
  }

  static NDArray features(NDManager m, float[][] x, int[] order, int start, int end, int width) {
    int b = end - start;
    float[] flat = new float[b * width];
    for (int k = 0; k < b; k++) {
      System.arraycopy(x[order[start + k]], 0, flat, k * width, width);
    }
    return m.create(flat, new Shape(b, width));
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void shuffle(int[] a, Random rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
