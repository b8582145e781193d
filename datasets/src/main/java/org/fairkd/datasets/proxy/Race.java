package org.fairkd.datasets.proxy;

/**
 * The six race and ethnicity categories of the Census surname list and the CFPB proxy, in the order
 * of fairkd's output columns. All but {@link #HISPANIC} are non-Hispanic; {@link #MULTI} is two or
 * more races plus "some other race" (the CFPB's {@code mult_other}, the surname list's {@code
 * 2prace}).
 */
public enum Race {
  WHITE("p_white"),
  BLACK("p_black"),
  HISPANIC("p_hispanic"),
  API("p_api"),
  AIAN("p_aian"),
  MULTI("p_multi");

  /** Number of categories: the length of every probability array in this package. */
  public static final int COUNT = 6;

  private final String column;

  Race(String column) {
    this.column = column;
  }

  /** The output column holding this category's probability, e.g. {@code p_white}. */
  public String column() {
    return column;
  }
}
