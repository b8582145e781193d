package org.fairkd.kd.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;

/**
 * Chooses the student architecture and whether to use the MUNGE transfer set, both by measured
 * rules on the validation split.
 *
 * <p>Architecture ({@code auto}): every candidate is trained with the configured loss for at most
 * {@value #SEARCH_EPOCHS} epochs on a seeded subsample of at most {@value #SEARCH_ROWS} training
 * rows <em>together with the transfer rows synthesised from them</em> when a transfer set is in
 * play, so that candidates are compared on the kind of data the student will be trained on. They
 * are ranked by the trainer's monitored objective ({@link StudentTrainer#monitorsLoss}): for a
 * distilled or penalised student the validation loss, whose KD term measures what distillation is
 * for and, computed from soft scores on every validation row, is far less noisy than the validation
 * AUC (on Adult the AUCs of 32x32 and 64x64 differed by less than their noise, while 64x64 was 6–7%
 * closer to the teacher in KL on two seeds, and was the better student on the full data: test AUC
 * 0.9206 vs 0.917); for a hard-label student −AUC. Among candidates that {@link #ties tie} with the
 * best, the one with fewest parameters wins (cheaper to serve).
 *
 * <p>Transfer set ({@code auto}): students with and without the transfer set are trained on all
 * rows; the transfer set is kept only if it improves the {@link #transferScore} by at least {@value
 * #TOLERANCE}: the validation AUC without penalty (the ranking users depend on; the KD loss would
 * favour the transfer set by construction), the penalised validation loss with one.
 */
final class StudentSelection {
  static final int SEARCH_ROWS = 4000;
  static final int SEARCH_EPOCHS = 20;
  static final double TOLERANCE = 0.0005;

  private StudentSelection() {}

  /**
   * Whether {@code value} ties with {@code best}: within 2% of it (a convention) when the objective
   * is a validation loss, within {@value #TOLERANCE} AUC points when it is −AUC.
   */
  static boolean ties(StudentSettings s, double value, double best) {
    return StudentTrainer.monitorsLoss(s)
        ? value <= best + 0.02 * Math.abs(best)
        : value <= best + TOLERANCE;
  }

  /**
   * One candidate's search result.
   *
   * @param score the validation objective (lower is better)
   * @param auc validation AUC against the true labels
   * @param kl mean KL(teacher ‖ student) on validation (NaN without teacher scores)
   */
  record Candidate(
      StudentArchitecture architecture, long parameters, double score, double auc, double kl) {}

  /**
   * The training rows followed by teacher-labelled transfer rows.
   *
   * @param data all rows; transfer rows are unlabelled
   * @param origin for each row, the training row it is ({@code i < n}) or was synthesised from
   */
  record Augmented(TrainingData data, int[] origin) {}

  /**
   * Trains every candidate of {@code space} on a subsample of {@code train} (plus, when {@code
   * transfer} is not null, the transfer rows synthesised from the sampled rows).
   */
  static List<Candidate> search(
      List<StudentArchitecture> space,
      TrainingData train,
      Augmented transfer,
      TrainingData validation,
      StudentSettings settings,
      long seed) {
    TrainingData sub = sample(train, transfer, seed);
    StudentSettings s = settings.withEpochs(Math.min(settings.epochs(), SEARCH_EPOCHS));
    List<Candidate> out = new ArrayList<>();
    for (StudentArchitecture a : space) {
      TrainedStudent t;
      try (TrainingProgress p = TrainingProgress.start("search " + a, s.epochs())) {
        t = StudentTrainer.train(sub, validation, a, s, seed, p.listener());
      }
      double kl = Double.NaN;
      if (validation.teacherProb() != null) {
        try (DjlStudent d = DjlStudent.of(t.weights())) {
          kl = ScoreStats.meanKl(validation.teacherProb(), d.predict(validation.x()));
        }
      }
      out.add(
          new Candidate(
              a, t.weights().parameterCount(), t.validationObjective(), t.validationAuc(), kl));
    }
    return out;
  }

  static StudentArchitecture best(List<Candidate> candidates, StudentSettings settings) {
    double best = candidates.stream().mapToDouble(Candidate::score).min().orElseThrow();
    return candidates.stream()
        .filter(c -> ties(settings, c.score(), best))
        .min(Comparator.comparingLong(Candidate::parameters))
        .orElseThrow()
        .architecture();
  }

  /** The transfer decision's score of a trained student (lower is better). */
  static double transferScore(StudentSettings s, TrainedStudent t) {
    return s.lambda() > 0 ? t.validationObjective() : -t.validationAuc();
  }

  /**
   * The search sample: {@link #SEARCH_ROWS} of the training rows drawn without replacement
   * (seeded), and with a transfer set every transfer row whose origin was drawn.
   */
  static TrainingData sample(TrainingData train, Augmented transfer, long seed) {
    boolean[] drawn = draw(train.size(), SEARCH_ROWS, seed);
    if (transfer == null) {
      return train.rows(indices(drawn, null));
    }
    return transfer.data().rows(indices(drawn, transfer.origin()));
  }

  /** {@code k} of {@code n} indices drawn without replacement (all of them when k >= n). */
  static boolean[] draw(int n, int k, long seed) {
    boolean[] drawn = new boolean[n];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Random r = new Random(seed);
    for (int i = 0; i < Math.min(k, n); i++) {
      int j = i + r.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      drawn[idx[i]] = true;
    }
    return drawn;
  }

  /** Rows whose origin (the row itself when {@code origin} is null) was drawn, in row order. */
  private static int[] indices(boolean[] drawn, int[] origin) {
    int len = origin == null ? drawn.length : origin.length;
    return java.util.stream.IntStream.range(0, len)
        .filter(i -> drawn[origin == null ? i : origin[i]])
        .toArray();
  }

  /** Concatenates the training rows and the (unlabelled, teacher-labelled) transfer rows. */
  static Augmented withTransfer(
      TrainingData train, float[][] xT, int[] originT, double[] teacherT, double[][] membershipT) {
    int n = train.size();
    int m = xT.length;
    float[][] x = new float[n + m][];
    boolean[] y = new boolean[n + m];
    boolean[] lab = new boolean[n + m];
    double[] p = new double[n + m];
    double[][] mem = train.membership() == null ? null : new double[n + m][];
    int[] origin = new int[n + m];
    for (int i = 0; i < n; i++) {
      x[i] = train.x()[i];
      y[i] = train.labels()[i];
      lab[i] = train.isLabelled(i);
      p[i] = train.teacherProb()[i];
      origin[i] = i;
      if (mem != null) {
        mem[i] = train.membership()[i];
      }
    }
    for (int j = 0; j < m; j++) {
      x[n + j] = xT[j];
      p[n + j] = teacherT[j];
      origin[n + j] = originT[j];
      if (mem != null) {
        mem[n + j] = membershipT[j];
      }
    }
    return new Augmented(new TrainingData(x, y, lab, p, mem), origin);
  }
}
