package org.fairkd.datasets.synth;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.load.DatasetLoader;

/**
 * Synthetic credit applicants with a documented, injected bias (see the module README for the full
 * data-generating process).
 *
 * <p>The outcome is {@code approved} with probability {@code sigmoid(z)}, where {@code z} is a
 * creditworthiness score from legitimate features minus {@link Config#raceEffect()} for the
 * disfavoured race group, minus {@link Config#sexEffect()} for women and minus {@link
 * Config#ageEffect()} for {@code under_25} (0 by default: age_band is the unbiased attribute). The
 * proxy {@code region_score} is lower by {@code 10 * proxyStrength} points on average for the
 * disfavoured race group and does not enter {@code z}. Deterministic for a seed ({@link Random}).
 */
public final class SyntheticLending {
  /** Default number of rows of the built-in {@code synthetic-lending} dataset. */
  public static final int DEFAULT_ROWS = 20_000;

  /** Default seed of the built-in dataset. */
  public static final long DEFAULT_SEED = 42L;

  static final String[] RACES = {"white", "black", "hispanic", "asian", "other"};
  static final double[] RACE_P = {0.60, 0.13, 0.18, 0.06, 0.03};
  static final String[] HOME = {"rent", "mortgage", "own"};
  static final String[] PURPOSE = {
    "debt_consolidation", "credit_card", "home_improvement", "auto", "small_business", "other"
  };
  static final double[] PURPOSE_P = {0.40, 0.20, 0.12, 0.12, 0.06, 0.10};

  /**
   * The injected bias.
   *
   * @param raceEffect logit penalty on approval for {@code disfavouredRace}
   * @param disfavouredRace the race group that is penalised (one of white, black, hispanic, asian,
   *     other)
   * @param sexEffect logit penalty on approval for {@code female}
   * @param ageEffect logit penalty on approval for {@code under_25}
   * @param proxyStrength shift of {@code region_score} for {@code disfavouredRace}, in standard
   *     deviations (10 points each)
   */
  public record Config(
      double raceEffect,
      String disfavouredRace,
      double sexEffect,
      double ageEffect,
      double proxyStrength) {
    /**
     * Defaults: race effect 2.0 against black applicants, sex 0.6 against women, age 0, proxy 3.0.
     */
    public static Config defaults() {
      return new Config(2.0, "black", 0.6, 0.0, 3.0);
    }

    /** No injected bias at all (proxy too). */
    public static Config unbiased() {
      return new Config(0, "black", 0, 0, 0);
    }
  }

  /** Column names in CSV order. */
  public static final List<String> COLUMNS =
      List.of(
          "applicant_id",
          "income",
          "debt_to_income",
          "credit_utilization",
          "credit_history_years",
          "delinquencies_2y",
          "loan_amount",
          "employment_years",
          "inquiries_6m",
          "home_ownership",
          "loan_purpose",
          "region_score",
          "sex",
          "race",
          "age",
          "outcome");

  private static final Set<String> CATEGORICAL =
      Set.of("applicant_id", "home_ownership", "loan_purpose", "sex", "race", "outcome");

  private SyntheticLending() {}

  /** The spec describing generated data stored in {@code csvFileName} (beside the spec). */
  public static DatasetSpec spec(String csvFileName) {
    return new DatasetSpec(
        "synthetic-lending",
        "Synthetic credit applicants with injected bias (fairkd SyntheticLending)",
        csvFileName,
        null,
        null,
        new DatasetSpec.Label("outcome", List.of("approved"), null),
        List.of(
            new DatasetSpec.Protected("sex", "sex", null, null, null, "male", null),
            new DatasetSpec.Protected("race", "race", null, null, null, "white", null),
            new DatasetSpec.Protected(
                "age_band",
                "age",
                null,
                List.of(
                    new DatasetSpec.Bin("under_25", 24.0),
                    new DatasetSpec.Bin("25-61", 61.0),
                    new DatasetSpec.Bin("over_62", null)),
                null,
                "25-61",
                null)),
        null,
        null,
        null,
        types(),
        "applicant_id",
        null);
  }

  private static Map<String, String> types() {
    Map<String, String> t = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      t.put(c, CATEGORICAL.contains(c) ? "categorical" : "numeric");
    }
    return t;
  }

  /** Generates {@code rows} applicants; the same arguments always give the same data. */
  public static TabularDataset generate(int rows, long seed, Config cfg) {
    return DatasetLoader.fromColumns(
        spec("synthetic-lending.csv"), "synthetic-lending", columns(rows, seed, cfg));
  }

  /** The generated columns in CSV order (values already rounded as written). */
  public static List<FeatureColumn> columns(int rows, long seed, Config cfg) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    Applicants a = new Applicants(rows);
    Random rng = new Random(seed);
    for (int i = 0; i < rows; i++) {
      a.draw(i, rng, cfg);
    }
    List<FeatureColumn> cols = new ArrayList<>();
    cols.add(new CategoricalColumn("applicant_id", a.id));
    cols.add(new NumericColumn("income", a.income));
    cols.add(new NumericColumn("debt_to_income", a.dti));
    cols.add(new NumericColumn("credit_utilization", a.util));
    cols.add(new NumericColumn("credit_history_years", a.history));
    cols.add(new NumericColumn("delinquencies_2y", a.delinquencies));
    cols.add(new NumericColumn("loan_amount", a.loan));
    cols.add(new NumericColumn("employment_years", a.employment));
    cols.add(new NumericColumn("inquiries_6m", a.inquiries));
    cols.add(new CategoricalColumn("home_ownership", a.home));
    cols.add(new CategoricalColumn("loan_purpose", a.purpose));
    cols.add(new NumericColumn("region_score", a.region));
    cols.add(new CategoricalColumn("sex", a.sex));
    cols.add(new CategoricalColumn("race", a.race));
    cols.add(new NumericColumn("age", a.age));
    cols.add(new CategoricalColumn("outcome", a.outcome));
    return cols;
  }

  /**
   * Writes the columns of {@code d} as CSV (comma, header, LF, no quoting needed: generated values
   * contain no commas or quotes; missing values are empty). Integers are written without a decimal
   * point and other numbers in plain decimal notation, so loading the file with {@link
   * #spec(String)} gives back exactly the same values.
   */
  public static void writeCsv(TabularDataset d, Writer out) throws IOException {
    List<FeatureColumn> cols = d.columns();
    for (int c = 0; c < cols.size(); c++) {
      out.write(c == 0 ? "" : ",");
      out.write(cols.get(c).name());
    }
    out.write('\n');
    StringBuilder line = new StringBuilder(256);
    for (int r = 0; r < d.rowCount(); r++) {
      line.setLength(0);
      for (int c = 0; c < cols.size(); c++) {
        if (c > 0) {
          line.append(',');
        }
        FeatureColumn col = cols.get(c);
        if (col instanceof NumericColumn n) {
          double v = n.values()[r];
          if (!Double.isNaN(v)) {
            line.append(formatNumber(v));
          }
        } else {
          String v = ((CategoricalColumn) col).values()[r];
          if (v != null) {
            line.append(v);
          }
        }
      }
      line.append('\n');
      out.append(line);
    }
  }

  /** Plain decimal text of {@code v} that parses back to exactly {@code v}. */
  static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    return s.indexOf('E') < 0 ? s : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
