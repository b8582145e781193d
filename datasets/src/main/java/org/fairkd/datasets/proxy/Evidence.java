package org.fairkd.datasets.proxy;

/**
 * Which evidence a row's proxy rests on; its {@link #label()} is the value of the output's {@code
 * bisg_evidence} column.
 */
public enum Evidence {
  /** P(race | surname, geography) ∝ P(race | surname) · P(geography | race). */
  SURNAME_AND_GEOGRAPHY("surname_and_geography"),
  /** No usable geography: P(race | surname). */
  SURNAME_ONLY("surname_only"),
  /** No surname left after cleaning: P(race | geography). */
  GEOGRAPHY_ONLY("geography_only"),
  /** Neither: the probability columns are empty. */
  NONE("none");

  private final String label;

  Evidence(String label) {
    this.label = label;
  }

  /**
   * The evidence whose {@link #label()} is {@code label}.
   *
   * @throws IllegalArgumentException naming the four labels when there is none
   */
  public static Evidence ofLabel(String label) {
    for (Evidence e : values()) {
      if (e.label.equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + label
            + "' is not a proxy evidence (surname_and_geography, surname_only, geography_only,"
            + " none)");
  }

  /** The value written to the output's evidence column. */
  public String label() {
    return label;
  }
}
