package org.fairkd.kd.reasons;

/**
 * The input that contributions are measured against: the training population's mean encoded input
 * (numeric features at their training mean, i.e. 0 after standardisation; each one-hot slot at its
 * level's training frequency). A contribution of feature g says how much moving g from the
 * reference to the applicant's value changes the score.
 *
 * @param x the reference input, encoded
 * @param description what the reference is, for reports
 */
public record ReferencePoint(float[] x, String description) {

  /** The mean of the encoded training rows. */
  public static ReferencePoint trainingMean(float[][] train) {
    if (train.length == 0) {
      throw new IllegalArgumentException("no training rows for the reference point");
    }
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
}
