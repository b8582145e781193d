package org.fairkd.datasets;

import java.util.List;

/**
 * One protected attribute (e.g. sex, race) with its groups and reference (control) group.
 *
 * <p>Hard membership: each row belongs to exactly one group (or none when missing), so {@code
 * membership(row, g)} is 1 for that group and 0 elsewhere. Soft membership: one probability per
 * group (e.g. from BISG-style proxies), {@code sum_g membership(row, g) = 1}; the hard group is
 * then the argmax (ties: lowest index). A row with membership 0 everywhere is missing.
 */
public final class ProtectedAttribute {
  private final String name;
  private final List<String> groups;
  private final String reference;
  private final int[] hard;
  private final double[][] soft; // [group][row], null for hard attributes

  private ProtectedAttribute(
      String name, List<String> groups, String reference, int[] hard, double[][] soft) {
    this.name = name;
    this.groups = List.copyOf(groups);
    this.reference = reference;
    this.hard = hard;
    this.soft = soft;
    if (!this.groups.contains(reference)) {
      throw new IllegalArgumentException(
          "reference group '" + reference + "' is not one of " + groups);
    }
  }

  /** A hard attribute: {@code codes[row]} is an index into {@code groups}, or -1 if missing. */
  public static ProtectedAttribute hard(
      String name, List<String> groups, String reference, int[] codes) {
    return new ProtectedAttribute(name, groups, reference, codes, null);
  }

  /**
   * A soft attribute: {@code memberships[g][row]} is the probability that {@code row} belongs to
   * group {@code g}; the caller has checked that each row sums to 1 (or 0 for missing).
   */
  public static ProtectedAttribute soft(
      String name, List<String> groups, String reference, double[][] memberships) {
    int rows = memberships.length == 0 ? 0 : memberships[0].length;
    int[] codes = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = -1;
      double bestP = 0;
      for (int g = 0; g < memberships.length; g++) {
        if (memberships[g][r] > bestP) {
          bestP = memberships[g][r];
          best = g;
        }
      }
      codes[r] = best;
    }
    return new ProtectedAttribute(name, groups, reference, codes, memberships);
  }

  /** The attribute name, e.g. {@code sex}. */
  public String name() {
    return name;
  }

  /** The group labels in a fixed order; indices are used by {@link #hardGroup(int)}. */
  public List<String> groups() {
    return groups;
  }

  /** The reference (control) group. */
  public String reference() {
    return reference;
  }

  /** Index of {@link #reference()} in {@link #groups()}. */
  public int referenceIndex() {
    return groups.indexOf(reference);
  }

  /** Whether memberships are probabilities rather than 0/1. */
  public boolean soft() {
    return soft != null;
  }

  /** Number of rows. */
  public int size() {
    return hard.length;
  }

  /** Membership of {@code row} in group {@code group}, in [0, 1]. */
  public double membership(int row, int group) {
    if (soft != null) {
      return soft[group][row];
    }
    return hard[row] == group ? 1.0 : 0.0;
  }

  /** The row's group index (argmax for soft attributes), -1 if missing. */
  public int hardGroup(int row) {
    return hard[row];
  }

  /** Rows per group, by hard group (missing rows are not counted). */
  public int[] hardCounts() {
    int[] counts = new int[groups.size()];
    for (int code : hard) {
      if (code >= 0) {
        counts[code]++;
      }
    }
    return counts;
  }

  /** This attribute restricted to {@code rows}, in that order. */
  public ProtectedAttribute select(int[] rows) {
    int[] codes = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = hard[rows[i]];
    }
    if (soft == null) {
      return hard(name, groups, reference, codes);
    }
    double[][] m = new double[soft.length][rows.length];
    for (int g = 0; g < soft.length; g++) {
      for (int i = 0; i < rows.length; i++) {
        m[g][i] = soft[g][rows[i]];
      }
    }
    return soft(name, groups, reference, m);
  }
}
