package org.fairkd.fairness;

import java.util.Locale;

/** Multiple-testing correction applied across all significance tests of one analysis. */
public enum Correction {
  /** Holm's step-down family-wise error control. */
  HOLM,
  /** Benjamini–Hochberg step-up false-discovery-rate control. */
  BH;

  /** The JSON / CLI name: {@code holm} or {@code bh}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code holm} or {@code bh} (case-insensitive). */
  public static Correction parse(String text) {
    for (Correction c : values()) {
      if (c.jsonName().equalsIgnoreCase(text.strip())) {
        return c;
      }
    }
    throw new FairnessException("unknown correction '" + text + "' (expected holm or bh)");
  }
}
