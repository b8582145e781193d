package org.fairkd.fairness;

import org.fairkd.fairness.engine.Analyzer;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.FairnessReport;

/**
 * Entry point of the fairness module: per-slice metrics with intervals, disparities, significance
 * tests and, for two models scored on the same rows, the paired comparison.
 */
public final class FairnessAnalysis {
  private FairnessAnalysis() {}

  /** Analyzes one model with the metrics of {@link MetricRegistry#current()}. */
  public static FairnessReport analyze(FairnessInput input) {
    return new Analyzer(input, null, MetricRegistry.current()).run();
  }

  /**
   * Analyzes the primary model of {@code input} (the teacher) and a second model scored on the same
   * rows (the student), with the paired comparison; deltas are compared − primary. The compared
   * model's decisions are {@code comparedScores >= input.threshold()}. The metrics are those of
   * {@link MetricRegistry#current()}.
   */
  public static FairnessReport compare(FairnessInput input, double[] comparedScores) {
    if (input.scores() == null || input.decisions() != null) {
      throw new FairnessException("a comparison needs scores (not decisions) for both models");
    }
    if (comparedScores == null || comparedScores.length != input.rows()) {
      throw new FairnessException(
          "compared scores: "
              + (comparedScores == null ? 0 : comparedScores.length)
              + " rows, expected "
              + input.rows());
    }
    for (int i = 0; i < comparedScores.length; i++) {
      if (!(comparedScores[i] >= 0 && comparedScores[i] <= 1)) {
        throw new FairnessException(
            "row " + i + ": compared score " + comparedScores[i] + " outside [0, 1]");
      }
    }
    return new Analyzer(input, comparedScores, MetricRegistry.current()).run();
  }
}
