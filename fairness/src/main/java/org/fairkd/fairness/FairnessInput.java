package org.fairkd.fairness;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one fairness analysis needs: per-row favourable labels, scores (probability of the
 * favourable outcome) and/or decisions, optional row weights, protected attributes, and the
 * statistical settings. Arrays are not copied; do not mutate them during an analysis.
 *
 * <p>Decisions are {@code score >= threshold} unless {@code decisions} is given; without scores the
 * score metrics (AUC, mean score, Brier, ECE, SMD) are reported as undefined.
 *
 * @param labels true where the observed outcome is favourable
 * @param scores probability of the favourable outcome in [0, 1], or null
 * @param decisions explicit favourable decisions, or null (then derived from scores)
 * @param threshold decision threshold on scores
 * @param weights non-negative row weights, or null for unit weights
 * @param attributes the protected attributes (at least one)
 * @param minSliceSize slices with a smaller weighted count are {@code insufficient_data}
 * @param bootstrap number of bootstrap replicates (0 disables bootstrap intervals)
 * @param ciLevel confidence level of every interval, e.g. 0.95
 * @param seed random seed of the bootstrap
 * @param correction multiple-testing correction across the significance tests
 */
public record FairnessInput(
    boolean[] labels,
    double[] scores,
    boolean[] decisions,
    double threshold,
    double[] weights,
    List<ProtectedAttribute> attributes,
    int minSliceSize,
    int bootstrap,
    double ciLevel,
    long seed,
    Correction correction) {

  /** Validates sizes and values; errors name the offending row or key. */
  public FairnessInput {
    if (labels == null) {
      throw new FairnessException("labels are required");
    }
    int n = labels.length;
    if (scores == null && decisions == null) {
      throw new FairnessException("give scores or decisions");
    }
    checkLength("scores", scores == null ? n : scores.length, n);
    checkLength("decisions", decisions == null ? n : decisions.length, n);
    checkLength("weights", weights == null ? n : weights.length, n);
    attributes = List.copyOf(attributes);
    if (attributes.isEmpty()) {
      throw new FairnessException("at least one protected attribute is required");
    }
    for (ProtectedAttribute a : attributes) {
      checkLength("attribute '" + a.name() + "'", a.rows(), n);
      checkMembership(a);
    }
    if (attributes.stream().map(ProtectedAttribute::name).distinct().count() != attributes.size()) {
      throw new FairnessException("duplicate protected attribute names");
    }
    if (scores != null) {
      for (int i = 0; i < n; i++) {
        if (!(scores[i] >= 0 && scores[i] <= 1)) {
          throw new FairnessException("row " + i + ": score " + scores[i] + " outside [0, 1]");
        }
      }
    }
    if (weights != null) {
      for (int i = 0; i < n; i++) {
        if (!(weights[i] >= 0 && Double.isFinite(weights[i]))) {
          throw new FairnessException("row " + i + ": weight " + weights[i] + " is not >= 0");
        }
      }
    }
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new FairnessException("ci level " + ciLevel + " outside (0, 1)");
    }
    if (bootstrap < 0 || minSliceSize < 0) {
      throw new FairnessException("bootstrap and min slice size must be >= 0");
    }
    if (!Double.isFinite(threshold)) {
      throw new FairnessException("threshold must be finite");
    }
    if (correction == null) {
      correction = Correction.HOLM;
    }
  }

  private static void checkLength(String what, int got, int n) {
    if (got != n) {
      throw new FairnessException(what + ": " + got + " rows, expected " + n + " (labels)");
    }
  }

  private static void checkMembership(ProtectedAttribute a) {
    int g = a.groups().size();
    if (a.codes() != null) {
      int[] c = a.codes();
      for (int i = 0; i < c.length; i++) {
        if (c[i] < -1 || c[i] >= g) {
          throw new FairnessException(
              "attribute '" + a.name() + "', row " + i + ": group code " + c[i] + " out of range");
        }
      }
      return;
    }
    double[][] p = a.probabilities();
    int n = p[0].length;
    for (double[] col : p) {
      checkLength("attribute '" + a.name() + "' probabilities", col.length, n);
    }
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (double[] col : p) {
        if (!(col[i] >= 0 && col[i] <= 1)) {
          throw new FairnessException(
              "attribute '"
                  + a.name()
                  + "', row "
                  + i
                  + ": probability "
                  + col[i]
                  + " outside [0, 1]");
        }
        sum += col[i];
      }
      if (sum > 1 + 1e-6) {
        throw new FairnessException(
            "attribute '" + a.name() + "', row " + i + ": probabilities sum to " + sum + " > 1");
      }
    }
  }

  /** Number of rows. */
  public int rows() {
    return labels.length;
  }

  /** The decision of row {@code i}: the explicit decision, else {@code score >= threshold}. */
  public boolean decision(int i) {
    return decisions != null ? decisions[i] : scores[i] >= threshold;
  }

  /** The weight of row {@code i} (1 without weights). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** True when every row has unit weight and every attribute is hard. */
  public boolean isUnitHard() {
    return weights == null && attributes.stream().noneMatch(ProtectedAttribute::isSoft);
  }

  /** Starts a builder with the defaults (threshold 0.5, min slice 30, 1000 replicates, 95%). */
  public static Builder builder(boolean[] labels) {
    return new Builder(labels);
  }

  /** Fluent builder of {@link FairnessInput}. */
  public static final class Builder {
    private final boolean[] labels;
    private double[] scores;
    private boolean[] decisions;
    private double threshold = 0.5;
    private double[] weights;
    private final List<ProtectedAttribute> attributes = new ArrayList<>();
    private int minSliceSize = 30;
    private int bootstrap = 1000;
    private double ciLevel = 0.95;
    private long seed = 42;
    private Correction correction = Correction.HOLM;

    private Builder(boolean[] labels) {
      this.labels = labels;
    }

    /** Scores (probability of the favourable outcome). */
    public Builder scores(double[] v) {
      scores = v;
      return this;
    }

    /** Explicit decisions (override score ≥ threshold). */
    public Builder decisions(boolean[] v) {
      decisions = v;
      return this;
    }

    /** Decision threshold. */
    public Builder threshold(double v) {
      threshold = v;
      return this;
    }

    /** Row weights. */
    public Builder weights(double[] v) {
      weights = v;
      return this;
    }

    /** Adds a protected attribute. */
    public Builder attribute(ProtectedAttribute a) {
      attributes.add(a);
      return this;
    }

    /** Minimum weighted slice size. */
    public Builder minSliceSize(int v) {
      minSliceSize = v;
      return this;
    }

    /** Bootstrap replicates. */
    public Builder bootstrap(int v) {
      bootstrap = v;
      return this;
    }

    /** Confidence level. */
    public Builder ciLevel(double v) {
      ciLevel = v;
      return this;
    }

    /** Random seed. */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** Multiple-testing correction. */
    public Builder correction(Correction v) {
      correction = v;
      return this;
    }

    /** Validates and builds the input. */
    public FairnessInput build() {
      return new FairnessInput(
          labels,
          scores,
          decisions,
          threshold,
          weights,
          attributes,
          minSliceSize,
          bootstrap,
          ciLevel,
          seed,
          correction);
    }
  }
}
