package org.fairkd.kd.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;

/**
 * Chooses the student architecture and whether to use the MUNGE transfer set, both by measured
 * rules on the validation split.
 *
 * <p>Architecture ({@code auto}): every candidate is trained with the configured loss on a seeded
 * subsample of at most {@value #SEARCH_ROWS} training rows for at most {@value #SEARCH_EPOCHS}
 * epochs; the best validation objective wins, and among candidates within {@value #TOLERANCE} of it
 * the one with fewest parameters (cheaper to serve).
 *
 * <p>Transfer set ({@code auto}): students with and without the transfer set are trained on all
 * rows; the transfer set is kept only if it improves the validation objective by at least {@value
 * #TOLERANCE} (AUC points when lambda = 0).
 */
final class StudentSelection {
  static final int SEARCH_ROWS = 8000;
  static final int SEARCH_EPOCHS = 20;
  static final double TOLERANCE = 0.0005;

  private StudentSelection() {}

  /** One candidate's search result. */
  record Candidate(
      StudentArchitecture architecture, long parameters, double objective, double auc) {}

  static List<Candidate> search(
      List<StudentArchitecture> space,
      TrainingData train,
      TrainingData validation,
      StudentSettings settings,
      long seed) {
    TrainingData sub = subsample(train, SEARCH_ROWS, seed);
    StudentSettings s = settings.withEpochs(Math.min(settings.epochs(), SEARCH_EPOCHS));
    List<Candidate> out = new ArrayList<>();
    for (StudentArchitecture a : space) {
      TrainedStudent t;
      try (TrainingProgress p = TrainingProgress.start("search " + a, s.epochs())) {
        t = StudentTrainer.train(sub, validation, a, s, seed, p.listener());
      }
      out.add(
          new Candidate(
              a, t.weights().parameterCount(), t.validationObjective(), t.validationAuc()));
    }
    return out;
  }

  static StudentArchitecture best(List<Candidate> candidates) {
    double best = candidates.stream().mapToDouble(Candidate::objective).min().orElseThrow();
    return candidates.stream()
        .filter(c -> c.objective() <= best + TOLERANCE)
        .min(Comparator.comparingLong(Candidate::parameters))
        .orElseThrow()
        .architecture();
  }

  static TrainingData subsample(TrainingData d, int max, long seed) {
    if (d.size() <= max) {
      return d;
    }
    int[] idx = new int[d.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Random r = new Random(seed);
    for (int i = 0; i < max; i++) {
      int j = i + r.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    float[][] x = new float[max][];
    boolean[] y = new boolean[max];
    boolean[] lab = d.labelled() == null ? null : new boolean[max];
    double[] p = d.teacherProb() == null ? null : new double[max];
    double[][] m = d.membership() == null ? null : new double[max][];
    for (int k = 0; k < max; k++) {
      int i = idx[k];
      x[k] = d.x()[i];
      y[k] = d.labels()[i];
      if (lab != null) {
        lab[k] = d.labelled()[i];
      }
      if (p != null) {
        p[k] = d.teacherProb()[i];
      }
      if (m != null) {
        m[k] = d.membership()[i];
      }
    }
    return new TrainingData(x, y, lab, p, m);
  }

  /** Concatenates the training rows and the (unlabelled, teacher-labelled) transfer rows. */
  static TrainingData withTransfer(
      TrainingData train, float[][] xT, double[] teacherT, double[][] membershipT) {
    int n = train.size();
    int m = xT.length;
    float[][] x = new float[n + m][];
    boolean[] y = new boolean[n + m];
    boolean[] lab = new boolean[n + m];
    double[] p = new double[n + m];
    double[][] mem = train.membership() == null ? null : new double[n + m][];
    for (int i = 0; i < n; i++) {
      x[i] = train.x()[i];
      y[i] = train.labels()[i];
      lab[i] = train.isLabelled(i);
      p[i] = train.teacherProb()[i];
      if (mem != null) {
        mem[i] = train.membership()[i];
      }
    }
    for (int j = 0; j < m; j++) {
      x[n + j] = xT[j];
      p[n + j] = teacherT[j];
      if (mem != null) {
        mem[n + j] = membershipT[j];
      }
    }
    return new TrainingData(x, y, lab, p, mem);
  }
}
