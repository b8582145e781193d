package org.fairkd.datasets.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * P(race | geography) and P(geography | race) for every ZCTA or tract, derived from the CFPB's 2010
 * SF1 18+ counts as its {@code create_attr_over18_all_geo_entities.do} does: Puerto Rico dropped
 * (state 72, ZCTA prefixes 006–009), counts reallocated ({@link Sf1Counts#reallocated()}), P(race |
 * geo) = count / Total_Pop and P(geo | race) = count / national count, the national
 * multiracial/other count being the national total minus the other five groups.
 */
public final class GeographyTable {
  /** {@link #find} result for an identifier that is not in the table or has no population 18+. */
  public static final int NOT_FOUND = -1;

  private final GeoLevel level;
  private final Map<String, Integer> rowOf;
  private final String[] ids;
  private final double[] counts;
  private final double[] totals;
  private final double[] national;
  private final double nationalTotal;
  private final double[] geoGivenRace;

  private GeographyTable(
      GeoLevel level, Map<String, Integer> rowOf, double[] counts, double[] totals) {
    this.level = level;
    this.rowOf = rowOf;
    this.ids = new String[totals.length];
    rowOf.forEach((id, row) -> ids[row] = id);
    this.counts = counts;
    this.totals = totals;
    double total = 0;
    double[] sums = new double[Race.COUNT];
    for (int i = 0; i < totals.length; i++) {
      total += totals[i];
      for (int k = 0; k < Race.COUNT; k++) {
        sums[k] += counts[i * Race.COUNT + k];
      }
    }
    double others = 0;
    for (Race r : Race.values()) {
      others += r == Race.MULTI ? 0 : sums[r.ordinal()];
    }
    sums[Race.MULTI.ordinal()] = total - others;
    this.national = sums;
    this.nationalTotal = total;
    this.geoGivenRace = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      geoGivenRace[i] = counts[i] / national[i % Race.COUNT];
    }
  }

  /** The table bundled with fairkd for {@code level}. */
  public static GeographyTable bundled(GeoLevel level) {
    try (BufferedReader r = ReferenceTables.open(level.tableKey())) {
      return read(r, level);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + level + " table", e);
    }
  }

  /**
   * Reads a CFPB file ({@code cfpb_zip_over18_race_dec10.csv} or the tract one) for {@code level}.
   */
  public static GeographyTable read(BufferedReader r, GeoLevel level) throws IOException {
    String header = r.readLine();
    List<String> names = header == null ? List.of() : Arrays.asList(header.split(",", -1));
    int idCol = column(names, level.idColumn());
    int stateCol = column(names, "State_FIPS10");
    int[] countCols = new int[Sf1Counts.COLUMNS.length];
    for (int c = 0; c < countCols.length; c++) {
      countCols[c] = column(names, Sf1Counts.COLUMNS[c]);
    }
    Map<String, Integer> rowOf = new HashMap<>(1 << 17);
    double[] counts = new double[Race.COUNT * 80_000];
    double[] totals = new double[80_000];
    double[] raw = new double[countCols.length];
    int row = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String[] f = line.split(",", -1);
      String id = f[idCol];
      if (isPuertoRico(level, f[stateCol], id)) {
        continue;
      }
      for (int c = 0; c < raw.length; c++) {
        raw[c] = Double.parseDouble(f[countCols[c]]);
      }
      double[] realloc;
      try {
        realloc = Sf1Counts.of(raw).reallocated();
      } catch (IllegalStateException e) {
        throw new IllegalStateException(level + " " + id + ": " + e.getMessage(), e);
      }
      if (totals.length == row) {
        totals = Arrays.copyOf(totals, row * 2);
        counts = Arrays.copyOf(counts, row * 2 * Race.COUNT);
      }
      System.arraycopy(realloc, 0, counts, row * Race.COUNT, Race.COUNT);
      totals[row] = raw[0];
      rowOf.put(id, row++);
    }
    return new GeographyTable(
        level, rowOf, Arrays.copyOf(counts, row * Race.COUNT), Arrays.copyOf(totals, row));
  }

  private static boolean isPuertoRico(GeoLevel level, String state, String id) {
    if ("72".equals(state)) {
      return true;
    }
    return level == GeoLevel.ZCTA && id.compareTo("006") >= 0 && id.compareTo("010") < 0;
  }

  private static int column(List<String> names, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("geography table lacks the column " + name);
    }
    return i;
  }

  /** The row of a normalised identifier ({@link GeoLevel#normalize}), or {@link #NOT_FOUND}. */
  public int find(String id) {
    Integer row = rowOf.get(id);
    return row == null || totals[row] == 0 ? NOT_FOUND : row;
  }

  /** P(race | geography) for a row from {@link #find}. */
  public double raceGivenGeo(int row, Race race) {
    return counts[row * Race.COUNT + race.ordinal()] / totals[row];
  }

  /** P(geography | race) for a row from {@link #find}: its share of the national count of race. */
  public double geoGivenRace(int row, Race race) {
    return geoGivenRace[row * Race.COUNT + race.ordinal()];
  }

  /**
   * P(geography | race) of every row, {@link Race#COUNT} values per row in {@link Race} order
   * (shared array: do not modify).
   */
  double[] geoGivenRaceTable() {
    return geoGivenRace;
  }

  /** The reallocated count of {@code race} in a row (for checks). */
  public double count(int row, Race race) {
    return counts[row * Race.COUNT + race.ordinal()];
  }

  /** The national reallocated count of {@code race} over the table (Puerto Rico excluded). */
  public double nationalCount(Race race) {
    return national[race.ordinal()];
  }

  /** The national population 18+ over the table. */
  public double nationalTotal() {
    return nationalTotal;
  }

  /** Number of geographies kept (Puerto Rico excluded, empty ones included). */
  public int size() {
    return totals.length;
  }

  /** The geography level of this table. */
  public GeoLevel level() {
    return level;
  }

  /** The identifier of a row (0 ≤ row < {@link #size()}). */
  public String id(int row) {
    return ids[row];
  }
}
