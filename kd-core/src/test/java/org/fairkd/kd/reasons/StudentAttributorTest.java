package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.junit.jupiter.api.Test;

class StudentAttributorTest {
  private final EncoderSpec enc = ReasonFixtures.encoder();
  private final float[][] train = ReasonFixtures.rows(2000, 1);
  private final ReferencePoint ref = ReferencePoint.trainingMean(train);

  @Test
  void contributionsAddUpToTheMarginDifferenceForDeepStudents() {
    for (int[] hidden : new int[][] {{16}, {32, 16}, {8, 8, 8}}) {
      PortableStudent s = ReasonFixtures.student(enc, 7, hidden);
      StudentAttributor attr = new StudentAttributor(s, ref);
      PortableScorer scorer = new PortableScorer(s);
      float[][] x = ReasonFixtures.rows(300, 2);
      double[] p = scorer.scoreEncoded(x);
      double[] pr = scorer.scoreEncoded(new float[][] {ref.x()});
      for (int r = 0; r < x.length; r++) {
        Attribution a = attr.attribute(x[r]);
        assertEquals(0, a.completenessGap(), 1e-6);
        // the margins are the portable scorer's log-odds
        assertEquals(Math.log(p[r] / (1 - p[r])), a.margin(), 1e-6);
        assertEquals(Math.log(pr[0] / (1 - pr[0])), a.referenceMargin(), 1e-6);
      }
    }
  }

  @Test
  void equalsANumericalPathIntegralOfFiniteDifferenceGradients() {
    // one and two hidden layers (event-driven walk) and three (piece-by-piece walk)
    for (int[] hidden : new int[][] {{24}, {24, 12}, {8, 6, 4}}) {
      PortableStudent s = ReasonFixtures.student(enc, 11, hidden);
      checkAgainstFiniteDifferences(s);
    }
  }

  private void checkAgainstFiniteDifferences(PortableStudent s) {
    StudentAttributor attr = new StudentAttributor(s, ref);
    PortableScorer scorer = new PortableScorer(s);
    FeatureGroups groups = FeatureGroups.of(enc);
    float[][] x = ReasonFixtures.rows(4, 3);
    int steps = 4000;
    double eps = 1e-4;
    for (float[] row : x) {
      double[] expected = new double[groups.count()];
      float[][] probes = new float[steps * groups.count() * 2][];
      int k = 0;
      for (int s0 = 0; s0 < steps; s0++) {
        double t = (s0 + 0.5) / steps;
        for (int g = 0; g < groups.count(); g++) {
          for (int sign = -1; sign <= 1; sign += 2) {
            float[] p = new float[row.length];
            for (int i = 0; i < row.length; i++) {
              double d = row[i] - ref.x()[i];
              boolean inG = i >= groups.start()[g] && i < groups.end()[g];
              p[i] = (float) (ref.x()[i] + t * d + (inG ? sign * eps * d : 0));
            }
            probes[k++] = p;
          }
        }
      }
      double[] prob = scorer.scoreEncoded(probes);
      k = 0;
      for (int s0 = 0; s0 < steps; s0++) {
        for (int g = 0; g < groups.count(); g++) {
          double lo = logit(prob[k++]);
          double hi = logit(prob[k++]);
          expected[g] += (hi - lo) / (2 * eps) / steps;
        }
      }
      double[] got = attr.attribute(row).contributions();
      for (int g = 0; g < groups.count(); g++) {
        assertEquals(expected[g], got[g], 2e-3, "feature " + groups.names().get(g));
      }
    }
  }

  @Test
  void linearStudentContributionIsWeightTimesDistanceFromTheReference() {
    PortableStudent s = ReasonFixtures.student(enc, 5);
    StudentAttributor attr = new StudentAttributor(s, ref);
    FeatureGroups groups = attr.groups();
    float[][] w = s.layers().get(0).weights();
    for (float[] row : ReasonFixtures.rows(200, 4)) {
      Attribution a = attr.attribute(row);
      assertEquals(0, a.completenessGap(), 1e-9);
      double[] expected = new double[groups.count()];
      for (int g = 0; g < groups.count(); g++) {
        for (int i = groups.start()[g]; i < groups.end()[g]; i++) {
          expected[g] += ((double) w[1][i] - w[0][i]) * ((double) row[i] - ref.x()[i]);
        }
        assertEquals(expected[g], a.contributions()[g], 1e-9);
      }
      List<Reason> reasons = PrincipalReasons.of(a, groups, ReasonTexts.none(), 4);
      List<String> byWeightTimesDistance =
          java.util.stream.IntStream.range(0, groups.count())
              .filter(g -> expected[g] < 0)
              .boxed()
              .sorted(java.util.Comparator.comparingDouble(g -> expected[g]))
              .limit(4)
              .map(g -> groups.names().get(g))
              .toList();
      assertEquals(byWeightTimesDistance, reasons.stream().map(Reason::feature).toList());
    }
  }

  @Test
  void shapleyOfTheStudentAddsUpAndMatchesIntegratedGradientsWhenLinear() {
    PortableStudent s = ReasonFixtures.student(enc, 5);
    PortableScorer scorer = new PortableScorer(s);
    FeatureGroups groups = FeatureGroups.of(enc);
    ShapleyAttributor shap = new ShapleyAttributor(scorer::scoreEncoded, groups, ref, 8, 1);
    StudentAttributor ig = new StudentAttributor(s, ref);
    float[][] x = ReasonFixtures.rows(50, 6);
    List<Attribution> sh = shap.attribute(x);
    for (int r = 0; r < x.length; r++) {
      assertEquals(0, sh.get(r).completenessGap(), 1e-6);
      double[] a = ig.attribute(x[r]).contributions();
      for (int g = 0; g < groups.count(); g++) {
        assertEquals(a[g], sh.get(r).contributions()[g], 1e-5);
      }
    }
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
