package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.fairkd.datasets.encode.EncoderSpec;

/**
 * The input that contributions are measured against. A contribution of feature g says how much
 * moving g from the reference to the applicant's value changes the score.
 *
 * <ul>
 *   <li>{@link #bestScoringDecile}: the typical applicant of the best-scoring tenth of the training
 *       rows, as scorecards measure reasons against the best-scoring applicants (each numeric
 *       feature at its median there, each categorical at its most frequent level there). An input
 *       that exists (whole one-hot levels, no fractional slots), so a tree model and a network are
 *       compared where both were trained. fairkd's reasons use it.
 *   <li>{@link #trainingMean}: the mean encoded training input (numerics at their mean, one-hot
 *       slots at level frequencies, an input no applicant has), kept for comparison.
 * </ul>
 *
 * @param x the reference input, encoded
 * @param description what the reference is, for reports
 */
public record ReferencePoint(float[] x, String description) {

  /** Share of the training rows, best scores first, whose typical applicant is the reference. */
  public static final double BEST_SHARE = 0.1;

  /** The mean of the encoded training rows. */
  public static ReferencePoint trainingMean(float[][] train) {
    requireRows(train.length);
    double[] sum = new double[train[0].length];
    for (float[] row : train) {
      for (int j = 0; j < sum.length; j++) {
        sum[j] += row[j];
      }
    }
    float[] mean = new float[sum.length];
    for (int j = 0; j < sum.length; j++) {
      mean[j] = (float) (sum[j] / train.length);
    }
    return new ReferencePoint(
        mean,
        "training population mean input (numeric features at their mean, one-hot slots at their"
            + " level frequencies)");
  }

  /**
   * The typical applicant of the best-scoring decile: the {@code ceil(0.1·n)} training rows with
   * the highest {@code scores} (ties by row order), each numeric feature at its median over their
   * non-missing values (not missing; the training mean when all are missing), each categorical
   * feature at its most frequent level among them (ties: the first level).
   *
   * @param encoder the encoder the rows were encoded with
   * @param train encoded training rows
   * @param scores P(favourable) of each training row, by the model that ranks them
   * @param ranker which model ranked the rows, for the description
   */
  public static ReferencePoint bestScoringDecile(
      EncoderSpec encoder, float[][] train, double[] scores, String ranker) {
    requireRows(train.length);
    if (scores.length != train.length) {
      throw new IllegalArgumentException(
          scores.length + " scores for " + train.length + " training rows");
    }
    int keep = (int) Math.ceil(BEST_SHARE * train.length);
    Integer[] order = new Integer[train.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    List<float[]> best = new ArrayList<>(keep);
    for (int i = 0; i < keep; i++) {
      best.add(train[order[i]]);
    }
    float[] ref = new float[train[0].length];
    int off = 0;
    for (EncoderSpec.Column c : encoder.columns()) {
      if ("numeric".equals(c.kind())) {
        ref[off] = median(best, off, Boolean.TRUE.equals(c.missingIndicator()) ? off + 1 : -1);
      } else {
        ref[off + mostFrequent(best, off, c.width())] = 1f;
      }
      off += c.width();
    }
    return new ReferencePoint(
        ref,
        "typical applicant of the best-scoring decile of the training rows (by the "
            + ranker
            + "'s score): each numeric feature at its median there, each categorical feature at"
            + " its most frequent level there");
  }

  private static float median(List<float[]> rows, int slot, int missingSlot) {
    double[] v =
        rows.stream()
            .filter(r -> missingSlot < 0 || r[missingSlot] == 0f)
            .mapToDouble(r -> r[slot])
            .toArray();
    return v.length == 0 ? 0f : (float) new Median().evaluate(v);
  }

  private static int mostFrequent(List<float[]> rows, int off, int width) {
    int[] count = new int[width];
    for (float[] r : rows) {
      for (int i = 0; i < width; i++) {
        if (r[off + i] > 0.5f) {
          count[i]++;
        }
      }
    }
    int best = 0;
    for (int i = 1; i < width; i++) {
      if (count[i] > count[best]) {
        best = i;
      }
    }
    return best;
  }

  private static void requireRows(int n) {
    if (n == 0) {
      throw new IllegalArgumentException("no training rows for the reference point");
    }
  }
}
