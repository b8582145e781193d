package org.fairkd.datasets.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * P(race | surname) from the 2010 Census surname list: for each listed name, n_race / Σ n over the
 * six categories. A cleaned name that is not listed gets the list's "ALL OTHER NAMES" row (the
 * people whose surname occurs fewer than 100 times).
 */
public final class SurnameTable {
  /** The Census list's row for every name it does not list. */
  public static final String ALL_OTHER_NAMES = "ALL OTHER NAMES";

  /** {@link #match} result when no surname is left after cleaning. */
  public static final int NO_SURNAME = -1;

  private static final String HEADER =
      "name,count,n_white,n_black,n_api,n_aian,n_2prace,n_hispanic";
  // CSV column (after name and count) of each Race, in Race order.
  private static final int[] COLUMN_OF_RACE = {2, 3, 7, 4, 5, 6};

  private final Map<String, Integer> rowOf;
  private final String[] names;
  private final double[] counts;
  private final double[] probabilities;
  private final int fallbackRow;

  private SurnameTable(Map<String, Integer> rowOf, String[] names, double[] counts) {
    this.rowOf = rowOf;
    this.names = names;
    this.counts = counts;
    this.probabilities = new double[counts.length];
    for (int row = 0; row < names.length; row++) {
      double sum = 0;
      for (int k = 0; k < Race.COUNT; k++) {
        sum += counts[row * Race.COUNT + k];
      }
      for (int k = 0; k < Race.COUNT; k++) {
        probabilities[row * Race.COUNT + k] = counts[row * Race.COUNT + k] / sum;
      }
    }
    Integer fallback = rowOf.get(ALL_OTHER_NAMES);
    if (fallback == null) {
      throw new IllegalStateException("the surname table has no " + ALL_OTHER_NAMES + " row");
    }
    this.fallbackRow = fallback;
  }

  /** The table bundled with fairkd. */
  public static SurnameTable bundled() {
    try (BufferedReader r = ReferenceTables.open(ReferenceTables.SURNAMES)) {
      return read(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled surname table", e);
    }
  }

  /** Reads a table in the format of {@code surnames_2010_race_counts.csv}. */
  public static SurnameTable read(BufferedReader r) throws IOException {
    String header = r.readLine();
    if (!HEADER.equals(header)) {
      throw new IllegalStateException("surname table header is not " + HEADER + ": " + header);
    }
    Map<String, Integer> rowOf = new HashMap<>(1 << 19);
    String[] names = new String[170_000];
    double[] n = new double[Race.COUNT * names.length];
    int row = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String[] f = line.split(",", -1);
      if (names.length == row) {
        names = Arrays.copyOf(names, row * 2);
        n = Arrays.copyOf(n, row * 2 * Race.COUNT);
      }
      for (int k = 0; k < Race.COUNT; k++) {
        n[row * Race.COUNT + k] = Double.parseDouble(f[COLUMN_OF_RACE[k]]);
      }
      names[row] = f[0];
      rowOf.put(f[0], row++);
    }
    return new SurnameTable(rowOf, Arrays.copyOf(names, row), Arrays.copyOf(n, row * Race.COUNT));
  }

  /**
   * The row for a raw surname: the first of its {@link SurnameCleaner#candidates} that is listed,
   * else {@link #fallbackRow()}; {@link #NO_SURNAME} when nothing is left after cleaning.
   */
  public int match(String rawSurname) {
    List<String> candidates = SurnameCleaner.candidates(rawSurname);
    if (candidates.isEmpty()) {
      return NO_SURNAME;
    }
    for (String c : candidates) {
      Integer row = rowOf.get(c);
      if (row != null && row != fallbackRow) {
        return row;
      }
    }
    return fallbackRow;
  }

  /** The "ALL OTHER NAMES" row. */
  public int fallbackRow() {
    return fallbackRow;
  }

  /** P(race | surname) for a row from {@link #match}. */
  public double probability(int row, Race race) {
    return probabilities[row * Race.COUNT + race.ordinal()];
  }

  /**
   * P(race | surname) of every row, {@link Race#COUNT} values per row in {@link Race} order (shared
   * array: do not modify).
   */
  double[] probabilities() {
    return probabilities;
  }

  /** The Census count of people of {@code race} with the surname of a row. */
  public double count(int row, Race race) {
    return counts[row * Race.COUNT + race.ordinal()];
  }

  /** The listed name of a row (upper case), or {@link #ALL_OTHER_NAMES}. */
  public String name(int row) {
    return names[row];
  }

  /** Number of rows, "ALL OTHER NAMES" included. */
  public int size() {
    return rowOf.size();
  }
}
