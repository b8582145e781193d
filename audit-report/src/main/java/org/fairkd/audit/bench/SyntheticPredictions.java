package org.fairkd.audit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * Synthetic predictions for benchmarks: two protected attributes (sex: 2 groups, race: 5 groups), a
 * teacher score {@code t ~ U(0,1)} lowered by 0.05 for black applicants, a label {@code y ~
 * Bernoulli(t)}, and a student score {@code clamp(t + N(0, 0.05²))}. Deterministic for a seed.
 */
public final class SyntheticPredictions {
  static final List<String> SEX = List.of("male", "female");
  static final List<String> RACE = List.of("white", "black", "hispanic", "asian", "other");
  private static final double[] RACE_P = {0.6, 0.15, 0.15, 0.06, 0.04};

  private SyntheticPredictions() {}

  /** Generates {@code rows} scored rows. */
  public static AuditPipeline.Scored generate(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] y = new boolean[rows];
    double[] t = new double[rows];
    double[] s = new double[rows];
    int[] sex = new int[rows];
    int[] race = new int[rows];
    for (int i = 0; i < rows; i++) {
      sex[i] = r.nextInt(2);
      double u = r.nextDouble();
      int g = 0;
      for (double acc = RACE_P[0]; u > acc && g < RACE_P.length - 1; acc += RACE_P[++g]) {
        // walk the cumulative distribution
      }
      race[i] = g;
      t[i] = Math.max(0, r.nextDouble() - (g == 1 ? 0.05 : 0));
      y[i] = r.nextDouble() < t[i];
      s[i] = Math.min(1, Math.max(0, t[i] + 0.05 * gaussian(r)));
    }
    return new AuditPipeline.Scored(
        y,
        t,
        s,
        List.of(
            ProtectedAttribute.hard("sex", SEX, "male", sex),
            ProtectedAttribute.hard("race", RACE, "white", race)));
  }

  /** Writes the rows as a predictions CSV: {@code label,sex,race,teacher_score,student_score}. */
  public static void writeCsv(AuditPipeline.Scored p, Path file) {
    int[] sex = p.attributes().get(0).codes();
    int[] race = p.attributes().get(1).codes();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("label,sex,race,teacher_score,student_score\n");
      StringBuilder sb = new StringBuilder(64);
      for (int i = 0; i < p.labels().length; i++) {
        sb.setLength(0);
        sb.append(p.labels()[i] ? '1' : '0')
            .append(',')
            .append(SEX.get(sex[i]))
            .append(',')
            .append(RACE.get(race[i]))
            .append(',')
            .append((float) p.teacher()[i])
            .append(',')
            .append((float) p.student()[i])
            .append('\n');
        w.write(sb.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = Math.max(Double.MIN_VALUE, r.nextDouble());
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
