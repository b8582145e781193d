package org.fairkd.kd.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.base.scores.DeLongAuc;
import org.fairkd.base.scores.ScoreStats;
import org.junit.jupiter.api.Test;

class GapRecoveredInferenceTest {
  private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

  /**
   * Test scores of teacher, student and baseline: binormal with separations {@code mu} (score =
   * mu·y + e, e ~ N(0, 1) sharing a component of variance {@code rho} across the models), so the
   * true AUC of model k is Φ(mu_k/√2).
   */
  private record Scores(double[][] s, boolean[] y) {
    static Scores draw(Random r, double[] mu, double rho, int rows, double prevalence) {
      boolean[] y = new boolean[rows];
      double[][] s = new double[3][rows];
      for (int i = 0; i < rows; i++) {
        y[i] = r.nextDouble() < prevalence;
        double common = r.nextGaussian();
        for (int k = 0; k < 3; k++) {
          s[k][i] =
              (y[i] ? mu[k] : 0) + Math.sqrt(rho) * common + Math.sqrt(1 - rho) * r.nextGaussian();
        }
      }
      return new Scores(s, y);
    }

    GapRecovered gap() {
      return GapRecoveredInference.of(s[0], s[1], s[2], y);
    }
  }

  private static double trueRatio(double[] mu) {
    double[] a = new double[3];
    for (int k = 0; k < 3; k++) {
      a[k] = N01.cumulativeProbability(mu[k] / Math.sqrt(2));
    }
    return (a[1] - a[2]) / (a[0] - a[2]);
  }

  /** Share of defined intervals covering the true ratio; also checks each brackets its estimate. */
  private static double coverage(long seed, double[] mu, double rho, int reps, double minDefined) {
    Random r = new Random(seed);
    double truth = trueRatio(mu);
    int defined = 0;
    int covered = 0;
    for (int t = 0; t < reps; t++) {
      GapRecovered g = Scores.draw(r, mu, rho, 1500, 0.3).gap();
      if (!g.defined()) {
        assertFalse(g.teacherLead().significant());
        continue;
      }
      defined++;
      assertTrue(g.teacherLead().significant() && g.teacherLead().pValue() < 0.05);
      assertTrue(g.ciLow() <= g.value() && g.value() <= g.ciHigh(), g.describe());
      if (g.ciLow() <= truth && truth <= g.ciHigh()) {
        covered++;
      }
    }
    assertTrue(defined >= minDefined * reps, "defined in " + defined + " of " + reps);
    return (double) covered / defined;
  }

  @Test
  void intervalCoversTheTrueRatioNearNominalWithAClearLead() {
    // true AUCs 0.871, 0.847, 0.802: ratio 0.658; the lead is significant in every draw
    double c = coverage(1, new double[] {1.6, 1.45, 1.2}, 0.8, 1000, 1.0);
    assertTrue(c > 0.93 && c < 0.97, "coverage " + c);
  }

  @Test
  void intervalCoversTheTrueRatioNearNominalWithAWeakLead() {
    // true AUCs 0.821, 0.812, 0.802 (lead 0.019): ratio 0.508, skewed; the delta method over-covers
    double c = coverage(2, new double[] {1.3, 1.25, 1.2}, 0.9, 1000, 0.85);
    assertTrue(c > 0.93 && c < 0.97, "coverage " + c);
  }

  @Test
  void intervalCoversAStudentAheadOfTheTeacher() {
    // the student beats the teacher: ratio 1.19
    double c = coverage(3, new double[] {1.3, 1.32, 1.2}, 0.9, 1000, 0.85);
    assertTrue(c > 0.93 && c < 0.97, "coverage " + c);
  }

  @Test
  void noLeadIsDeclaredDefinedAtMostAtTheTestsLevel() {
    // teacher and baseline equally good: the ratio is meaningless; a two-sided 5% test declares a
    // positive lead in about 2.5% of draws
    Random r = new Random(4);
    int defined = 0;
    int reps = 1000;
    for (int t = 0; t < reps; t++) {
      GapRecovered g = Scores.draw(r, new double[] {1.2, 1.3, 1.2}, 0.9, 1500, 0.3).gap();
      if (g.defined()) {
        defined++;
      } else {
        assertTrue(
            g.reason().contains("is not significant at alpha 0.05")
                || g.reason().startsWith("the teacher's test AUC is not above the baseline's"),
            g.reason());
        assertTrue(Double.isNaN(g.ciLow()));
      }
    }
    double share = (double) defined / reps;
    assertTrue(share > 0.01 && share < 0.045, "declared defined in " + share);
  }

  @Test
  void aTeacherBarelyAheadGivesAReasonNotARatio() {
    // 2,380 rows, teacher barely ahead of the baseline: the first draw whose raw ratio exceeds 3
    Random r = new Random(9);
    Scores d;
    double t;
    double s;
    double b;
    do {
      d = Scores.draw(r, new double[] {1.21, 1.4, 1.2}, 0.6, 2380, 0.3);
      t = ScoreStats.auc(d.s()[0], d.y());
      s = ScoreStats.auc(d.s()[1], d.y());
      b = ScoreStats.auc(d.s()[2], d.y());
    } while (!(t > b && (s - b) / (t - b) > 3));
    GapRecovered g = d.gap();
    assertFalse(g.defined());
    assertTrue(Double.isNaN(g.value()));
    assertEquals(t - b, g.teacherLead().difference(), 1e-15);
    // two-sided p of the paired DeLong z, computed from base's covariance
    List<DeLongAuc> a =
        List.of(
            DeLongAuc.of(d.s()[0], d.y(), null),
            DeLongAuc.of(d.s()[1], d.y(), null),
            DeLongAuc.of(d.s()[2], d.y(), null));
    double[][] c = DeLongAuc.covariance(a);
    double se = Math.sqrt(c[0][0] + c[2][2] - 2 * c[0][2]);
    assertEquals(se, g.teacherLead().standardError(), 1e-15);
    assertEquals(
        2 * (1 - N01.cumulativeProbability((t - b) / se)), g.teacherLead().pValue(), 1e-12);
    assertTrue(g.teacherLead().pValue() > 0.05);
    assertTrue(g.reason().startsWith("the teacher's AUC lead over the baseline, "), g.reason());
    assertTrue(g.describe().startsWith("undefined: the teacher's AUC lead"), g.describe());
  }

  @Test
  void fiellerEndpointsSolveTheDefiningEquation() {
    Scores d = Scores.draw(new Random(12), new double[] {1.6, 1.45, 1.2}, 0.8, 1500, 0.3);
    GapRecovered g = d.gap();
    assertTrue(g.defined());
    List<DeLongAuc> a =
        List.of(
            DeLongAuc.of(d.s()[0], d.y(), null),
            DeLongAuc.of(d.s()[1], d.y(), null),
            DeLongAuc.of(d.s()[2], d.y(), null));
    double[][] c = DeLongAuc.covariance(a);
    double n = a.get(1).auc() - a.get(2).auc();
    double dd = a.get(0).auc() - a.get(2).auc();
    assertEquals(n / dd, g.value(), 1e-15);
    double z = N01.inverseCumulativeProbability(0.975);
    for (double rho : new double[] {g.ciLow(), g.ciHigh()}) {
      // Var(N − ρD) from the covariances of (T, S, B) with coefficients (−ρ, 1, ρ − 1)
      double[] w = {-rho, 1, rho - 1};
      double v = 0;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          v += w[i] * w[j] * c[i][j];
        }
      }
      double lhs = (n - rho * dd) * (n - rho * dd);
      assertEquals(z * z * v, lhs, 1e-12 * Math.max(1, lhs));
    }
    assertTrue(g.ciLow() < g.value() && g.value() < g.ciHigh());
  }

  @Test
  void oneClassOnlyIsUndefinedWithoutATest() {
    GapRecovered g =
        GapRecoveredInference.of(
            new double[] {0.2, 0.8},
            new double[] {0.3, 0.7},
            new double[] {0.4, 0.6},
            new boolean[] {true, true});
    assertEquals(GapRecoveredInference.NO_AUC, g.reason());
    assertNull(g.teacherLead());
  }
}
