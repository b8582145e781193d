package org.fairkd.base.scores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class DeLongAucTest {

  /** DeLong et al. (1988) by their definitions: the pairwise kernel ψ, V10, V01, S10, S01. */
  private static double[][] textbook(double[][] models, boolean[] y) {
    int k = models.length;
    int m = 0;
    for (boolean b : y) {
      m += b ? 1 : 0;
    }
    int n = y.length - m;
    double[][] v10 = new double[k][m];
    double[][] v01 = new double[k][n];
    double[] auc = new double[k];
    for (int r = 0; r < k; r++) {
      double[] s = models[r];
      int pi = 0;
      for (int i = 0; i < y.length; i++) {
        if (!y[i]) {
          continue;
        }
        int nj = 0;
        for (int j = 0; j < y.length; j++) {
          if (y[j]) {
            continue;
          }
          double psi = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          v10[r][pi] += psi / n;
          v01[r][nj] += psi / m;
          auc[r] += psi / ((double) m * n);
          nj++;
        }
        pi++;
      }
    }
    double[][] out = new double[k + 1][k];
    out[0] = auc;
    double[][] s10 = new Covariance(transpose(v10)).getCovarianceMatrix().getData();
    double[][] s01 = new Covariance(transpose(v01)).getCovarianceMatrix().getData();
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        out[a + 1][b] = s10[a][b] / m + s01[a][b] / n;
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] x) {
    double[][] t = new double[x[0].length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        t[j][i] = x[i][j];
      }
    }
    return t;
  }

  @Test
  void aucAndCovarianceMatchDeLongsDefinitionsWithTies() {
    Random r = new Random(5);
    int rows = 300;
    boolean[] y = new boolean[rows];
    double[][] s = new double[3][rows];
    for (int i = 0; i < rows; i++) {
      y[i] = r.nextDouble() < 0.3;
      double common = r.nextGaussian();
      for (int k = 0; k < 3; k++) {
        // rounded to 1 decimal so that ties occur within and across classes
        s[k][i] = Math.round((common + r.nextGaussian() + (y[i] ? 0.6 + 0.2 * k : 0)) * 10) / 10.0;
      }
    }
    double[][] want = textbook(s, y);
    List<DeLongAuc> aucs =
        List.of(
            DeLongAuc.of(s[0], y, null), DeLongAuc.of(s[1], y, null), DeLongAuc.of(s[2], y, null));
    double[][] cov = DeLongAuc.covariance(aucs);
    for (int a = 0; a < 3; a++) {
      assertEquals(want[0][a], aucs.get(a).auc(), 1e-12);
      assertEquals(aucs.get(a).auc(), ScoreStats.auc(s[a], y), 0.0);
      for (int b = 0; b < 3; b++) {
        assertEquals(want[a + 1][b], cov[a][b], 1e-12);
      }
      assertEquals(cov[a][a], aucs.get(a).variance(), 0.0);
    }
  }

  @Test
  void componentsAreTheTextbookStructuralComponentsInRowOrder() {
    // positives 0.8, 0.5; negatives 0.5, 0.2, 0.8
    double[] s = {0.8, 0.5, 0.5, 0.2, 0.8};
    boolean[] y = {true, true, false, false, false};
    DeLongAuc a = DeLongAuc.of(s, y, null);
    // V10(0.8) = (2 below + ½ tie)/3; V10(0.5) = (1 + ½)/3; V01(0.5) = (1 above + ½)/2;
    // V01(0.2) = 2/2; V01(0.8) = ½/2
    assertArrayEquals(new double[] {2.5 / 3, 1.5 / 3, 0.75, 1.0, 0.25}, a.component(), 1e-15);
    assertArrayEquals(new byte[] {0, 0, 1, 1, 1}, a.stratum());
    assertEquals(4.0 / 6, a.auc(), 1e-15);
    // influences w(V − AUC)/W per class: each class's influences sum to 0
    double pos = 0;
    double neg = 0;
    for (int i = 0; i < s.length; i++) {
      if (y[i]) {
        pos += a.influence()[i];
      } else {
        neg += a.influence()[i];
      }
    }
    assertEquals((2.5 / 3 - 4.0 / 6) / 2, a.influence()[0], 1e-15);
    assertEquals(0, pos, 1e-15);
    assertEquals(0, neg, 1e-15);
  }

  @Test
  void sortedInputGivesTheSameRowsAsUnsorted() {
    double[] s = {0.8, 0.5, 0.5, 0.2, 0.8, 0.1};
    boolean[] y = {true, true, false, false, false, true};
    double[] w = {1.5, 0.5, 2, 1, 0.25, 1};
    DeLongAuc a = DeLongAuc.of(s, y, w);
    // sorted by score: rows 5, 3, 1, 2, 0, 4
    int[] row = {5, 3, 1, 2, 0, 4};
    double[] ss = new double[6];
    boolean[] ys = new boolean[6];
    double[] ws = new double[6];
    for (int k = 0; k < 6; k++) {
      ss[k] = s[row[k]];
      ys[k] = y[row[k]];
      ws[k] = w[row[k]];
    }
    DeLongAuc b = DeLongAuc.ofSorted(row, ss, ys, ws);
    assertEquals(a.auc(), b.auc(), 0.0);
    assertArrayEquals(a.influence(), b.influence(), 0.0);
    assertArrayEquals(a.component(), b.component(), 0.0);
    // weighted Mann–Whitney by hand: pairs (pos, neg) weighted w_i w_j
    double wins = 0;
    double total = 0;
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        if (y[i] && !y[j]) {
          wins += w[i] * w[j] * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
          total += w[i] * w[j];
        }
      }
    }
    assertEquals(wins / total, a.auc(), 1e-15);
  }

  @Test
  void undefinedWithoutBothClassesAndNoVarianceFromOneRowOfAClass() {
    DeLongAuc none = DeLongAuc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}, null);
    assertFalse(none.defined());
    assertEquals(0, none.negativeWeight(), 0.0);
    assertTrue(Double.isNaN(none.variance()));
    DeLongAuc one =
        DeLongAuc.of(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, false}, null);
    assertTrue(one.defined());
    assertTrue(Double.isNaN(one.variance()));
    assertThrows(
        IllegalArgumentException.class,
        () -> DeLongAuc.of(new double[] {Double.NaN, 0.2}, new boolean[] {true, false}, null));
    // −0.0 and 0.0 are one score: a tie
    assertEquals(
        0.5, DeLongAuc.of(new double[] {-0.0, 0.0}, new boolean[] {true, false}, null).auc(), 0.0);
  }

  /**
   * Simulation: on a binormal model with three correlated scores, DeLong's variance of each AUC and
   * of the paired difference matches the Monte Carlo variance, and the Wald interval of the
   * difference covers the true difference near 95%.
   */
  @Test
  void varianceAndPairedCovarianceMatchMonteCarlo() {
    Random r = new Random(17);
    double[] mu = {1.2, 1.0, 0.9};
    double trueDiff = phi(mu[0] / Math.sqrt(2)) - phi(mu[2] / Math.sqrt(2));
    int reps = 1500;
    int rows = 400;
    double[] diff = new double[reps];
    double[] auc0 = new double[reps];
    double meanVarDiff = 0;
    double meanVar0 = 0;
    int covered = 0;
    for (int t = 0; t < reps; t++) {
      boolean[] y = new boolean[rows];
      double[][] s = new double[3][rows];
      for (int i = 0; i < rows; i++) {
        y[i] = r.nextDouble() < 0.3;
        double common = r.nextGaussian();
        for (int k = 0; k < 3; k++) {
          s[k][i] =
              (y[i] ? mu[k] : 0) + Math.sqrt(0.7) * common + Math.sqrt(0.3) * r.nextGaussian();
        }
      }
      DeLongAuc a = DeLongAuc.of(s[0], y, null);
      DeLongAuc c = DeLongAuc.of(s[2], y, null);
      double v = a.variance() + c.variance() - 2 * DeLongAuc.covariance(a, c);
      diff[t] = a.auc() - c.auc();
      auc0[t] = a.auc();
      meanVarDiff += v / reps;
      meanVar0 += a.variance() / reps;
      if (Math.abs(diff[t] - trueDiff) <= 1.959964 * Math.sqrt(v)) {
        covered++;
      }
    }
    double mcDiff = new Variance().evaluate(diff);
    double mc0 = new Variance().evaluate(auc0);
    assertEquals(
        1, meanVarDiff / mcDiff, 0.12, "difference: DeLong " + meanVarDiff + ", MC " + mcDiff);
    assertEquals(1, meanVar0 / mc0, 0.12, "AUC: DeLong " + meanVar0 + ", MC " + mc0);
    double coverage = (double) covered / reps;
    assertTrue(coverage > 0.93 && coverage < 0.97, "coverage " + coverage);
  }

  private static double phi(double x) {
    return new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(x);
  }
}
