package org.fairkd.policies.model;

/** How a value is compared with a rule's threshold. */
public enum Comparator {
  /** value ≥ threshold. */
  AT_LEAST(">="),
  /** value ≤ threshold. */
  AT_MOST("<="),
  /** low ≤ value ≤ high. */
  BETWEEN("between");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  /** The spelling in policy files: {@code >=}, {@code <=}, {@code between}. */
  public String symbol() {
    return symbol;
  }

  /** The comparator spelled {@code s}, or null when there is none. */
  public static Comparator parse(String s) {
    for (Comparator c : values()) {
      if (c.symbol.equals(s)) {
        return c;
      }
    }
    return null;
  }
}
