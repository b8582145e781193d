package org.fairkd.kd.bench;

/** A model scored from raw data rows (encoding included), as measured by {@link ScoringBench}. */
public interface RowModel {
  /** Probability of the favourable outcome for the i-th benchmark row, alone. */
  double scoreOne(int i);

  /** Scores benchmark rows {@code 0..n-1} as one batch. */
  double[] scoreBatch(int n);
}
