package org.fairkd.kd.student;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Fairness penalties added to the distillation loss as {@code lambda · penalty}.
 *
 * <p>With membership weights {@code M[i][g]} (hard one-hot or soft probabilities), student scores
 * {@code s_i = softmax(z_i)[1]}, group weight {@code π_g = Σ_i M[i][g] / Σ_i Σ_h M[i][h]}, group
 * mean {@code m_g = Σ_i M[i][g]·s_i / Σ_i M[i][g]} and overall mean {@code m = Σ_i w_i s_i / Σ_i
 * w_i} (with {@code w_i = Σ_g M[i][g]}):
 *
 * <ul>
 *   <li>{@link #DEMOGRAPHIC_PARITY}: {@code Σ_g π_g (m_g − m)²};
 *   <li>{@link #EQUALIZED_ODDS}: the same quantity computed separately among rows with true label 0
 *       and among rows with true label 1, summed.
 * </ul>
 */
public enum PenaltyKind {
  DEMOGRAPHIC_PARITY,
  EQUALIZED_ODDS;

  /** The config name, e.g. {@code demographic_parity}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name; {@code null} when unknown. */
  public static PenaltyKind parseOrNull(String text) {
    for (PenaltyKind k : values()) {
      if (k.configName().equals(text)) {
        return k;
      }
    }
    return null;
  }

  /** The accepted names, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(PenaltyKind::configName).collect(Collectors.joining(", "));
  }
}
