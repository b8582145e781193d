package org.fairkd.datasets.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.proxy.GeoLevel;
import org.fairkd.datasets.proxy.GeographyTable;
import org.fairkd.datasets.proxy.Race;
import org.fairkd.datasets.proxy.SurnameTable;

/**
 * Surnames and ZIP codes for synthetic applicants, drawn from the BISG reference tables given each
 * applicant's race: the surname from P(surname | race) ∝ the Census count of that race with the
 * name, the ZCTA from P(ZCTA | race) ∝ its reallocated 18+ count, independently given race (BISG's
 * own assumption, so the data fits the proxy's model). A draw of the "ALL OTHER NAMES" row becomes
 * a made-up name that is not listed. Synthetic races map as white, black, hispanic → themselves,
 * asian → API, other → AIAN or multiracial in proportion to their national counts.
 */
public final class ProxyInputs {
  /** The surname column added to the synthetic CSV. */
  public static final String SURNAME_COLUMN = "surname";

  /** The ZIP code column added to the synthetic CSV. */
  public static final String ZIP_COLUMN = "zip";

  private final SurnameTable surnames;
  private final GeographyTable zctas;
  private final double[][] surnameCdf = new double[Race.COUNT][];
  private final double[][] zctaCdf = new double[Race.COUNT][];
  private final double aianShareOfOther;

  /** Samplers over the given tables. */
  public ProxyInputs(SurnameTable surnames, GeographyTable zctas) {
    if (zctas.level() != GeoLevel.ZCTA) {
      throw new IllegalArgumentException("synthetic ZIP codes need the ZCTA table");
    }
    this.surnames = surnames;
    this.zctas = zctas;
    for (Race r : Race.values()) {
      surnameCdf[r.ordinal()] = cdf(surnames.size(), row -> surnames.count(row, r));
      zctaCdf[r.ordinal()] = cdf(zctas.size(), row -> zctas.count(row, r));
    }
    double aian = zctas.nationalCount(Race.AIAN);
    this.aianShareOfOther = aian / (aian + zctas.nationalCount(Race.MULTI));
  }

  /** Samplers over fairkd's bundled tables. */
  public static ProxyInputs bundled() {
    return new ProxyInputs(SurnameTable.bundled(), GeographyTable.bundled(GeoLevel.ZCTA));
  }

  /** A surname and a ZIP code per applicant; {@code races} are the synthetic race groups. */
  public String[][] draw(String[] races, long seed) {
    Random rng = new Random(seed);
    String[] names = new String[races.length];
    String[] zips = new String[races.length];
    for (int i = 0; i < races.length; i++) {
      Race r = race(races[i], rng);
      int nameRow = sample(surnameCdf[r.ordinal()], rng);
      names[i] = nameRow == surnames.fallbackRow() ? unlistedName(rng) : surnames.name(nameRow);
      zips[i] = zctas.id(sample(zctaCdf[r.ordinal()], rng));
    }
    return new String[][] {names, zips};
  }

  /**
   * The synthetic CSV text ({@link SyntheticLending#writeCsv}, one record a line) with {@link
   * #SURNAME_COLUMN} and {@link #ZIP_COLUMN} appended from {@link #draw}'s result.
   */
  public static String withColumns(String csv, String[][] drawn) {
    String[] lines = csv.split("\n");
    if (lines.length != drawn[0].length + 1) {
      throw new IllegalArgumentException(
          (lines.length - 1) + " data lines for " + drawn[0].length + " drawn applicants");
    }
    StringBuilder b = new StringBuilder(csv.length() + lines.length * 16);
    b.append(lines[0])
        .append(',')
        .append(SURNAME_COLUMN)
        .append(',')
        .append(ZIP_COLUMN)
        .append('\n');
    for (int i = 1; i < lines.length; i++) {
      b.append(lines[i]).append(',').append(drawn[0][i - 1]).append(',').append(drawn[1][i - 1]);
      b.append('\n');
    }
    return b.toString();
  }

  /** {@code spec} with the two added columns excluded from the features and typed categorical. */
  public static DatasetSpec withColumns(DatasetSpec spec) {
    List<String> exclude = new ArrayList<>(spec.exclude() == null ? List.of() : spec.exclude());
    exclude.add(SURNAME_COLUMN);
    exclude.add(ZIP_COLUMN);
    Map<String, String> types = new LinkedHashMap<>(spec.types() == null ? Map.of() : spec.types());
    types.put(SURNAME_COLUMN, "categorical");
    types.put(ZIP_COLUMN, "categorical");
    return new DatasetSpec(
        spec.name(),
        spec.description(),
        spec.data(),
        spec.testData(),
        spec.format(),
        spec.label(),
        spec.protectedAttributes(),
        spec.features(),
        exclude,
        spec.protectedAsFeatures(),
        types,
        spec.rowId(),
        spec.reasons());
  }

  private Race race(String group, Random rng) {
    return switch (group) {
      case "white" -> Race.WHITE;
      case "black" -> Race.BLACK;
      case "hispanic" -> Race.HISPANIC;
      case "asian" -> Race.API;
      case "other" -> rng.nextDouble() < aianShareOfOther ? Race.AIAN : Race.MULTI;
      default -> throw new IllegalArgumentException("no BISG category for race group " + group);
    };
  }

  private String unlistedName(Random rng) {
    while (true) {
      StringBuilder b = new StringBuilder("Q");
      for (int k = 0; k < 7; k++) {
        b.append((char) ('A' + rng.nextInt(26)));
      }
      String name = b.toString();
      if (surnames.match(name) == surnames.fallbackRow()) {
        return name;
      }
    }
  }

  private static int sample(double[] cdf, Random rng) {
    double u = rng.nextDouble() * cdf[cdf.length - 1];
    int i = Arrays.binarySearch(cdf, u);
    i = i >= 0 ? i + 1 : -i - 1;
    // skip rows of zero weight that share the cumulative value
    while (i < cdf.length - 1 && cdf[i] == (i == 0 ? 0 : cdf[i - 1])) {
      i++;
    }
    return Math.min(i, cdf.length - 1);
  }

  private static double[] cdf(int n, java.util.function.IntToDoubleFunction weight) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += weight.applyAsDouble(i);
      c[i] = sum;
    }
    return c;
  }
}
