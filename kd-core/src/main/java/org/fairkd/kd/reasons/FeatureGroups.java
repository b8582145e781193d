package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;

/**
 * The raw features of an encoded input: feature {@code g} is the encoded slots {@code [start[g],
 * end[g])}, so a one-hot group (with its {@code __other__} slot) or a numeric value with its
 * missing indicator counts as one feature.
 *
 * @param names raw column names, in encoder order
 * @param start first encoded slot of each feature
 * @param end one past the last encoded slot of each feature
 */
public record FeatureGroups(List<String> names, int[] start, int[] end) {

  /** The groups of an encoder's columns. */
  public static FeatureGroups of(EncoderSpec encoder) {
    List<String> names = new ArrayList<>();
    int n = encoder.columns().size();
    int[] start = new int[n];
    int[] end = new int[n];
    int off = 0;
    for (int c = 0; c < n; c++) {
      EncoderSpec.Column col = encoder.columns().get(c);
      names.add(col.name());
      start[c] = off;
      off += col.width();
      end[c] = off;
    }
    return new FeatureGroups(List.copyOf(names), start, end);
  }

  /** Number of raw features. */
  public int count() {
    return names.size();
  }

  /** Number of encoded slots. */
  public int width() {
    return end.length == 0 ? 0 : end[end.length - 1];
  }
}
