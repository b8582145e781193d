package org.fairkd.policies.metric;

import java.util.Collection;

/** Suggests the closest valid spelling of a mistyped name (Levenshtein edit distance). */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code typed}, if it is within {@code max(2, length / 3)} edits;
   * otherwise null.
   */
  public static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d =
          distance(typed.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(2, typed.length() / 3) ? best : null;
  }

  /** " (did you mean 'x'?)" for the closest candidate, or an empty string. */
  public static String didYouMean(String typed, Collection<String> candidates) {
    String c = closest(typed, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
