package org.fairkd.fairness.metrics;

/**
 * Weighted confusion counts of one slice for one model, plus per-score-bin sums for calibration. y
 * is the favourable label, ŷ the favourable decision.
 *
 * @param tp weight of y=1, ŷ=1
 * @param fp weight of y=0, ŷ=1
 * @param fn weight of y=1, ŷ=0
 * @param tn weight of y=0, ŷ=0
 * @param binScore per score bin (width 1/bins): Σ w·score
 * @param binLabel per score bin: Σ w·y
 * @param hasScores whether scores exist (else calibration is undefined)
 */
public record Counts(
    double tp,
    double fp,
    double fn,
    double tn,
    double[] binScore,
    double[] binLabel,
    boolean hasScores) {

  /** Total weight. */
  public double total() {
    return tp + fp + fn + tn;
  }

  /** Weight of favourable labels. */
  public double positives() {
    return tp + fn;
  }

  /** Weight of unfavourable labels. */
  public double negatives() {
    return fp + tn;
  }

  /** Weight of favourable decisions. */
  public double selected() {
    return tp + fp;
  }

  /** Element-wise sum. */
  public Counts plus(Counts o) {
    double[] s = binScore.clone();
    double[] l = binLabel.clone();
    for (int b = 0; b < s.length; b++) {
      s[b] += o.binScore[b];
      l[b] += o.binLabel[b];
    }
    return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn, s, l, hasScores);
  }
}
