package org.fairkd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * Generated predictions (label, teacher, student, sex, race, split) with a known bias, written as
 * CSV files, and the same rows as the local engine's input.
 */
final class GeneratedTable {
  final boolean[] labels;
  final double[] teacher;
  final double[] student;
  final String[] sex;
  final String[] race;
  final String[] split;

  /** Row weights in {0.5, 1, …, 3}, some 0. */
  final double[] weight;

  /** BISG-like race probabilities [white, black, asian][row] (2 decimals; blank where race NA). */
  final double[][] raceProbability;

  /** The soft race groups, in the order of {@link #raceProbability}. */
  static final List<String> RACES = List.of("white", "black", "asian");

  /** Rows with scores rounded to {@code decimals} (−1: unrounded), some group values missing. */
  GeneratedTable(int n, long seed, int decimals) {
    SplittableRandom rng = new SplittableRandom(seed);
    labels = new boolean[n];
    teacher = new double[n];
    student = new double[n];
    sex = new String[n];
    race = new String[n];
    split = new String[n];
    weight = new double[n];
    raceProbability = new double[3][n];
    String[] races = {"white", "black", "asian"};
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      sex[i] = u < 0.02 ? "" : u < 0.45 ? "female" : "male";
      double v = rng.nextDouble();
      race[i] = v < 0.03 ? "NA" : races[v < 0.6 ? 0 : v < 0.85 ? 1 : 2];
      double shift = ("female".equals(sex[i]) ? -0.4 : 0) + ("black".equals(race[i]) ? -0.3 : 0);
      double z = rng.nextGaussian() + shift;
      labels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z));
      teacher[i] = round(1 / (1 + Math.exp(-(z + 0.5 * rng.nextGaussian()))), decimals);
      student[i] =
          round(Math.min(1, Math.max(0, teacher[i] + 0.05 * rng.nextGaussian())), decimals);
      split[i] = rng.nextDouble() < 0.7 ? "test" : "train";
      weight[i] = rng.nextDouble() < 0.03 ? 0 : 0.5 * (1 + rng.nextInt(6));
      if (!race[i].equals("NA")) {
        int r = RACES.indexOf(race[i]);
        double left = 1 - (rng.nextDouble() < 0.2 ? 0.1 : 0);
        double own = Math.round((0.5 + 0.4 * rng.nextDouble()) * 100) / 100.0;
        double other = Math.floor((left - own) * 50) / 100.0;
        for (int g = 0; g < 3; g++) {
          raceProbability[g][i] = g == r ? own : other;
        }
      }
    }
  }

  private static double round(double x, int decimals) {
    if (decimals < 0) {
      return x;
    }
    double f = Math.pow(10, decimals);
    return Math.round(x * f) / f;
  }

  /** Writes the rows as {@code parts} CSV files part-0.csv … in {@code dir}, in row order. */
  void writeCsv(Path dir, int parts) {
    try {
      Files.createDirectories(dir);
      int n = labels.length;
      for (int p = 0; p < parts; p++) {
        StringBuilder b =
            new StringBuilder(
                "label,teacher,student,sex,race,split,weight,p_white,p_black,p_asian\n");
        for (int i = p * n / parts; i < (p + 1) * n / parts; i++) {
          b.append(labels[i] ? 1 : 0)
              .append(',')
              .append(teacher[i])
              .append(',')
              .append(student[i])
              .append(',')
              .append(sex[i])
              .append(',')
              .append(race[i])
              .append(',')
              .append(split[i])
              .append(',')
              .append(weight[i]);
          for (int g = 0; g < 3; g++) {
            b.append(',').append(race[i].equals("NA") ? "" : raceProbability[g][i]);
          }
          b.append('\n');
        }
        Files.writeString(dir.resolve("part-" + p + ".csv"), b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local engine's input: attributes sex and race (sorted levels; "" and NA missing). */
  FairnessInput input(int bootstrap, long seed) {
    return FairnessInput.builder(labels)
        .scores(teacher)
        .bootstrap(bootstrap)
        .seed(seed)
        .minSliceSize(30)
        .attribute(attribute("sex", sex))
        .attribute(attribute("race", race))
        .build();
  }

  /**
   * The local engine's input with row weights (when {@code weighted}) and race as a soft attribute
   * of {@link #raceProbability} (when {@code softRace}; else hard).
   */
  FairnessInput input(int bootstrap, long seed, boolean weighted, boolean softRace) {
    FairnessInput.Builder b =
        FairnessInput.builder(labels)
            .scores(teacher)
            .bootstrap(bootstrap)
            .seed(seed)
            .minSliceSize(30)
            .weights(weighted ? weight : null)
            .attribute(attribute("sex", sex));
    b.attribute(
        softRace
            ? ProtectedAttribute.soft("race_p", RACES, null, raceProbability)
            : attribute("race", race));
    return b.build();
  }

  private static ProtectedAttribute attribute(String name, String[] values) {
    TreeSet<String> levels = new TreeSet<>();
    for (String v : values) {
      if (!v.isEmpty() && !v.equals("NA")) {
        levels.add(v);
      }
    }
    List<String> l = new ArrayList<>(levels);
    int[] codes = new int[values.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = l.indexOf(values[i]);
    }
    return ProtectedAttribute.hard(name, l, null, codes);
  }
}
