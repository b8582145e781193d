package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.TrainingData;
import org.junit.jupiter.api.Test;

/** The architecture search's sample and decision rule. */
class StudentSelectionTest {

  /** n training rows whose only feature is the row index; transfer row j copies row j % n + 0.5. */
  static StudentSelection.Augmented augmented(int n, int perRow) {
    float[][] x = new float[n][];
    boolean[] y = new boolean[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {i};
      y[i] = i % 3 == 0;
      p[i] = 0.25;
    }
    TrainingData train = new TrainingData(x, y, null, p, null);
    int m = n * perRow;
    float[][] xT = new float[m][];
    int[] origin = new int[m];
    double[] pT = new double[m];
    for (int j = 0; j < m; j++) {
      origin[j] = j % n;
      xT[j] = new float[] {origin[j] + 0.5f};
      pT[j] = 0.75;
    }
    return StudentSelection.withTransfer(train, xT, origin, pT, null);
  }

  @Test
  void augmentedRowsKeepTrainingRowsFirstAndMarkTransferRowsUnlabelled() {
    StudentSelection.Augmented a = augmented(10, 3);
    TrainingData d = a.data();
    assertEquals(40, d.size());
    for (int i = 0; i < 40; i++) {
      assertEquals(i < 10, d.isLabelled(i), "row " + i);
      assertEquals(i < 10 ? 0.25 : 0.75, d.teacherProb()[i]);
      assertEquals(i < 10 ? i : (i - 10) % 10, a.origin()[i]);
    }
    assertNull(d.membership());
  }

  @Test
  void searchSampleTakesTransferRowsExactlyWithTheirOrigin() {
    int n = StudentSelection.SEARCH_ROWS * 2;
    StudentSelection.Augmented a = augmented(n, 2);
    TrainingData s = StudentSelection.sample(a.data().rows(firstRows(n)), a, 7);
    Set<Integer> real = new HashSet<>();
    int transfer = 0;
    for (int i = 0; i < s.size(); i++) {
      if (s.isLabelled(i)) {
        assertTrue(real.add((int) s.x()[i][0]), "a training row drawn twice");
      }
    }
    for (int i = 0; i < s.size(); i++) {
      if (!s.isLabelled(i)) {
        transfer++;
        assertTrue(real.contains((int) (s.x()[i][0] - 0.5f)), "transfer row without its origin");
      }
    }
    assertEquals(StudentSelection.SEARCH_ROWS, real.size());
    assertEquals(2 * StudentSelection.SEARCH_ROWS, transfer);
    // the same seed draws the same rows; another seed other rows
    TrainingData again = StudentSelection.sample(a.data().rows(firstRows(n)), a, 7);
    TrainingData other = StudentSelection.sample(a.data().rows(firstRows(n)), a, 8);
    assertEquals(s.x()[5][0], again.x()[5][0]);
    boolean differs = false;
    for (int i = 0; i < Math.min(s.size(), other.size()) && !differs; i++) {
      differs = s.x()[i][0] != other.x()[i][0];
    }
    assertTrue(differs);
  }

  @Test
  void smallDataIsSearchedWhole() {
    StudentSelection.Augmented a = augmented(50, 1);
    TrainingData train = a.data().rows(firstRows(50));
    assertEquals(50, StudentSelection.sample(train, null, 1).size());
    assertEquals(100, StudentSelection.sample(train, a, 1).size());
  }

  @Test
  void rowsCopiesTheSelectedRowsInOrder() {
    TrainingData d = augmented(5, 1).data();
    TrainingData r = d.rows(new int[] {7, 2});
    assertSame(d.x()[7], r.x()[0]);
    assertFalse(r.isLabelled(0));
    assertTrue(r.isLabelled(1));
    assertEquals(0.75, r.teacherProb()[0]);
  }

  @Test
  void bestPrefersFewestParametersWithinTheObjectivesTolerance() {
    StudentArchitecture small = StudentArchitecture.parse("16");
    StudentArchitecture big = StudentArchitecture.parse("64x64");
    // hard labels: -AUC, absolute tolerance
    StudentSettings auc = StudentSettings.defaults().baseline();
    double tie = StudentSelection.TOLERANCE / 2;
    assertEquals(small, StudentSelection.best(pair(big, -0.9100, small, -0.9100 + tie), auc));
    assertEquals(big, StudentSelection.best(pair(big, -0.9100, small, -0.9090), auc));
    // distillation: validation loss, relative tolerance of 2%
    StudentSettings kd = StudentSettings.defaults();
    assertEquals(small, StudentSelection.best(pair(big, 0.0200, small, 0.0203), kd));
    assertEquals(big, StudentSelection.best(pair(big, 0.0194, small, 0.0206), kd));
  }

  @Test
  void transferDecisionUsesAucWithoutPenaltyAndTheLossWithOne() {
    float[][] layer = {{0f}, {0f}};
    var w =
        new org.fairkd.kd.student.StudentWeights(
            List.<float[][]>of(layer), List.of(new float[] {0f, 0f}));
    var t = new org.fairkd.kd.student.TrainedStudent(w, 1, 1, 0.91, 0.25, 0);
    assertEquals(-0.91, StudentSelection.transferScore(StudentSettings.defaults(), t));
    assertEquals(0.25, StudentSelection.transferScore(StudentSettings.defaults().withLambda(2), t));
  }

  static List<StudentSelection.Candidate> pair(
      StudentArchitecture big, double bigScore, StudentArchitecture small, double smallScore) {
    return List.of(
        new StudentSelection.Candidate(big, 10_000, bigScore, 0.91, Double.NaN),
        new StudentSelection.Candidate(small, 1_000, smallScore, 0.91, Double.NaN));
  }

  static int[] firstRows(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }
}
