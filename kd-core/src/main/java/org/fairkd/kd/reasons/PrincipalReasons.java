package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;

/**
 * The top {@code k} raw features by their contribution to lowering the score: the features with
 * negative contributions, most negative first (ties by feature order), at most {@code k} (fewer
 * when fewer features lowered the score).
 */
public final class PrincipalReasons {
  /** The default number of reasons per decline. */
  public static final int DEFAULT_K = 4;

  private PrincipalReasons() {}

  /** The principal reasons of one attribution. */
  public static List<Reason> of(Attribution a, FeatureGroups groups, ReasonTexts texts, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    double[] c = a.contributions();
    int[] top = new int[k];
    int n = 0;
    for (int f = 0; f < c.length; f++) {
      if (!(c[f] < 0)) {
        continue;
      }
      int pos = n < k ? n++ : k;
      while (pos > 0 && c[top[pos - 1]] > c[f]) {
        if (pos < k) {
          top[pos] = top[pos - 1];
        }
        pos--;
      }
      if (pos < k) {
        top[pos] = f;
      }
    }
    List<Reason> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      String name = groups.names().get(top[r]);
      out.add(new Reason(name, texts.text(name), c[top[r]]));
    }
    return out;
  }
}
