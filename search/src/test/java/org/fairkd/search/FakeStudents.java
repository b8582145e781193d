package org.fairkd.search;

import java.util.List;
import java.util.Random;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.pipeline.CandidateStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.search.measure.CandidateMeasurer;

/**
 * Fast stand-ins for trained students on a two-group population: a student's score is {@code σ(2z +
 * b·g/(1+λ) + ε)} with a signal {@code z} related to the label, a group bias b that the penalty
 * shrinks, and noise that depends on the settings' seed, temperature and architecture — enough to
 * give a search a real trade-off without training anything.
 */
final class FakeStudents implements LdaSearch.StudentSource {
  final int n;
  final double[] zVal;
  final double[] zTest;
  final int[] gVal;
  final int[] gTest;
  final boolean[] yVal;
  final boolean[] yTest;

  FakeStudents(int n, long seed) {
    this.n = n;
    Random r = new Random(seed);
    zVal = new double[n];
    zTest = new double[n];
    gVal = new int[n];
    gTest = new int[n];
    yVal = new boolean[n];
    yTest = new boolean[n];
    fill(r, zVal, gVal, yVal);
    fill(r, zTest, gTest, yTest);
  }

  private static void fill(Random r, double[] z, int[] g, boolean[] y) {
    for (int i = 0; i < z.length; i++) {
      g[i] = r.nextDouble() < 0.3 ? 1 : 0;
      z[i] = r.nextGaussian();
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(1.5 * z[i] - 0.8 * g[i])));
    }
  }

  static CandidateSettings reference() {
    return new CandidateSettings(
        org.fairkd.kd.student.PenaltyKind.DEMOGRAPHIC_PARITY,
        0,
        2.0,
        StudentArchitecture.parse("16"),
        7);
  }

  ProtectedAttribute attribute(int[] g) {
    return ProtectedAttribute.hard("group", List.of("a", "b"), "a", g);
  }

  CandidateMeasurer validation() {
    return new CandidateMeasurer(yVal, attribute(gVal), 30);
  }

  CandidateMeasurer test(boolean[] labels) {
    return new CandidateMeasurer(labels, attribute(gTest), 30);
  }

  @Override
  public List<CandidateStudent> train(List<CandidateSettings> round) {
    return round.stream().map(this::train).toList();
  }

  CandidateStudent train(CandidateSettings s) {
    long noiseSeed =
        s.seed() * 31 + Double.hashCode(s.temperature()) * 17 + s.architecture().hashCode();
    double bias = -1.2 / (1 + s.lambda()) + (s.penalty().ordinal() == 1 ? 0.1 : 0);
    double sharp = 1.0 / (1 + 0.05 * s.lambda());
    return new CandidateStudent(
        s,
        scores(zVal, gVal, bias, sharp, new Random(noiseSeed)),
        scores(zTest, gTest, bias, sharp, new Random(noiseSeed + 1)),
        null,
        1,
        0.0);
  }

  private static double[] scores(double[] z, int[] g, double bias, double sharp, Random r) {
    double[] s = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      double logit = sharp * 2 * z[i] + bias * g[i] + 0.3 * r.nextGaussian();
      s[i] = 1 / (1 + Math.exp(-logit));
    }
    return s;
  }
}
