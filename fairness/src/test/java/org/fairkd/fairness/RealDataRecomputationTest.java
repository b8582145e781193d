package org.fairkd.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.SliceResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * German Credit and Adult, scored by a fixed logistic formula on a few numeric columns: every
 * per-slice rate and the Fairlearn-named disparities must equal a straightforward recomputation
 * (plain loops over rows) to 1e-12, AUC (brute-force pair counting) to 1e-9.
 */
class RealDataRecomputationTest {
  private static final Path DATA =
      Path.of(System.getProperty("fairkd.data.dir", "../../shared/datasets"));
  private static final int MIN = 30;

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Data of one set: labels, scores, group codes per attribute. */
  record Data(boolean[] y, double[] s, List<int[]> codes, List<List<String>> groups) {}

  static Data german() throws IOException {
    Path f = DATA.resolve("german-credit/german.data");
    Assumptions.assumeTrue(Files.exists(f), f + " not found: skipping real-data test");
    List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
    int n = lines.size();
    boolean[] y = new boolean[n];
    double[] s = new double[n];
    int[] sex = new int[n];
    int[] age = new int[n];
    for (int i = 0; i < n; i++) {
      String[] t = lines.get(i).trim().split("\\s+");
      double duration = Double.parseDouble(t[1]);
      double amount = Double.parseDouble(t[4]);
      double years = Double.parseDouble(t[12]);
      s[i] = sigmoid(1.2 - 0.035 * duration - 0.00008 * amount + 0.02 * (years - 35));
      y[i] = t[20].equals("1");
      sex[i] = t[8].equals("A92") || t[8].equals("A95") ? 1 : 0;
      age[i] = years > 25 ? 0 : 1;
    }
    return new Data(
        y,
        s,
        List.of(sex, age),
        List.of(List.of("male", "female"), List.of("over_25", "25_or_under")));
  }

  static Data adult() throws IOException {
    Path f = DATA.resolve("adult/adult.data");
    Assumptions.assumeTrue(Files.exists(f), f + " not found: skipping real-data test");
    List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
    int n = lines.size();
    boolean[] y = new boolean[n];
    double[] s = new double[n];
    int[] sex = new int[n];
    int[] race = new int[n];
    List<String> races =
        List.of("White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other");
    for (int i = 0; i < n; i++) {
      String[] t = lines.get(i).split(",\\s*");
      double x =
          -7
              + 0.04 * Double.parseDouble(t[0])
              + 0.3 * Double.parseDouble(t[4])
              + 0.03 * Double.parseDouble(t[12])
              + 0.0003 * Double.parseDouble(t[10]);
      s[i] = Math.round(sigmoid(x) * 1000) / 1000.0; // ties on purpose
      y[i] = t[14].equals(">50K");
      sex[i] = t[9].equals("Male") ? 0 : 1;
      race[i] = races.indexOf(t[8]);
    }
    return new Data(y, s, List.of(sex, race), List.of(List.of("Male", "Female"), races));
  }

  static FairnessReport analyze(Data d, String... names) {
    FairnessInput.Builder b =
        FairnessInput.builder(d.y()).scores(d.s()).bootstrap(100).minSliceSize(MIN);
    for (int a = 0; a < names.length; a++) {
      b.attribute(ProtectedAttribute.hard(names[a], d.groups().get(a), null, d.codes().get(a)));
    }
    return FairnessAnalysis.analyze(b.build());
  }

  /** Straightforward per-slice recomputation: indices of member rows → rates. */
  static double[] rates(Data d, List<Integer> rows) {
    double tp = 0, fp = 0, fn = 0, tn = 0;
    for (int i : rows) {
      boolean dec = d.s()[i] >= 0.5;
      if (d.y()[i] && dec) tp++;
      else if (d.y()[i]) fn++;
      else if (dec) fp++;
      else tn++;
    }
    double n = rows.size();
    return new double[] {
      n,
      (tp + fn) / n,
      (tp + fp) / n,
      tp / (tp + fn),
      fp / (fp + tn),
      fn / (tp + fn),
      tn / (fp + tn),
      tp / (tp + fp),
      (tp + tn) / n
    };
  }

  static final List<String> RATE_NAMES =
      List.of(
          "count",
          "base_rate",
          "selection_rate",
          "true_positive_rate",
          "false_positive_rate",
          "false_negative_rate",
          "true_negative_rate",
          "precision",
          "accuracy");

  static double bruteAuc(Data d, List<Integer> rows) {
    List<Integer> pos = rows.stream().filter(i -> d.y()[i]).toList();
    List<Integer> neg = rows.stream().filter(i -> !d.y()[i]).toList();
    double won = 0;
    for (int i : pos) {
      for (int j : neg) {
        won += d.s()[i] > d.s()[j] ? 1 : d.s()[i] == d.s()[j] ? 0.5 : 0;
      }
    }
    return won / ((double) pos.size() * neg.size());
  }

  static void check(Data d, FairnessReport r, boolean auc) {
    int n = d.y().length;
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    checkSlice(d, all, r.primary().overall().metrics(), auc);
    int k = d.codes().size();
    int next = 0;
    // single attributes: slices in group order
    for (int a = 0; a < k; a++) {
      List<double[]> groupRates = new ArrayList<>();
      for (int g = 0; g < d.groups().get(a).size(); g++) {
        final int aa = a;
        final int gg = g;
        List<Integer> rows = all.stream().filter(i -> d.codes().get(aa)[i] == gg).toList();
        SliceResult slice = r.primary().slices().get(next++);
        assertEquals(d.groups().get(a).get(g), slice.attributes().values().iterator().next());
        checkSlice(d, rows, slice.metrics(), auc && rows.size() < 12000);
        if (rows.size() >= MIN) {
          groupRates.add(rates(d, rows));
        }
      }
      String name = r.primary().disparities().keySet().stream().toList().get(a);
      checkFairlearn(groupRates, r.primary().disparities().get(name));
    }
    // the intersection of the two attributes, row-major by group codes
    for (int g0 = 0; g0 < d.groups().get(0).size(); g0++) {
      for (int g1 = 0; g1 < d.groups().get(1).size(); g1++) {
        final int a0 = g0;
        final int a1 = g1;
        List<Integer> rows =
            all.stream()
                .filter(i -> d.codes().get(0)[i] == a0 && d.codes().get(1)[i] == a1)
                .toList();
        SliceResult slice = r.primary().slices().get(next++);
        assertEquals(2, slice.attributes().size());
        checkSlice(d, rows, slice.metrics(), auc && rows.size() < 3000);
      }
    }
    assertEquals(next, r.primary().slices().size());
  }

  static void checkSlice(Data d, List<Integer> rows, Map<String, Estimate> m, boolean auc) {
    if (rows.isEmpty()) {
      assertNull(m.get("selection_rate").value());
      return;
    }
    double[] expected = rates(d, rows);
    for (int j = 0; j < RATE_NAMES.size(); j++) {
      Estimate e = m.get(RATE_NAMES.get(j));
      if (Double.isNaN(expected[j])) {
        assertNull(e.value(), RATE_NAMES.get(j));
      } else {
        assertEquals(expected[j], e.value(), 1e-12, RATE_NAMES.get(j));
        if (e.ciLow() != null) {
          assertTrue(
              e.ciLow() <= e.value() + 1e-12 && e.value() <= e.ciHigh() + 1e-12, RATE_NAMES.get(j));
        }
      }
    }
    double mean = rows.stream().mapToDouble(i -> d.s()[i]).average().orElseThrow();
    assertEquals(mean, m.get("mean_score").value(), 1e-12);
    if (auc && m.get("auc").value() != null) {
      assertEquals(bruteAuc(d, rows), m.get("auc").value(), 1e-9);
    }
  }

  static void checkFairlearn(List<double[]> groups, AttributeDisparities disp) {
    double[] sr = groups.stream().mapToDouble(g -> g[2]).toArray();
    double[] tpr = groups.stream().mapToDouble(g -> g[3]).toArray();
    double[] fpr = groups.stream().mapToDouble(g -> g[4]).toArray();
    double srMax = Arrays.stream(sr).max().orElseThrow();
    double srMin = Arrays.stream(sr).min().orElseThrow();
    double tMax = Arrays.stream(tpr).max().orElseThrow();
    double tMin = Arrays.stream(tpr).min().orElseThrow();
    double fMax = Arrays.stream(fpr).max().orElseThrow();
    double fMin = Arrays.stream(fpr).min().orElseThrow();
    Map<String, Estimate> o = disp.overall();
    assertEquals(srMax - srMin, o.get("demographic_parity_difference").value(), 1e-12);
    assertEquals(srMin / srMax, o.get("demographic_parity_ratio").value(), 1e-12);
    assertEquals(
        Math.max(tMax - tMin, fMax - fMin), o.get("equalized_odds_difference").value(), 1e-12);
    assertEquals(Math.min(tMin / tMax, fMin / fMax), o.get("equalized_odds_ratio").value(), 1e-12);
    assertEquals(tMax - tMin, o.get("equal_opportunity_difference").value(), 1e-12);
  }

  @Test
  void germanCredit() throws IOException {
    Data d = german();
    FairnessReport r = analyze(d, "sex", "age");
    assertEquals("male", r.config().references().get("sex"));
    check(d, r, true);
    // AIR of female against male, by hand
    double[] male = rates(d, rowsOf(d, 0, 0));
    double[] female = rates(d, rowsOf(d, 0, 1));
    Estimate air =
        r.primary().disparities().get("sex").byGroup().get("adverse_impact_ratio").get("female");
    assertEquals(female[2] / male[2], air.value(), 1e-12);
    assertEquals(
        female[2] - male[2],
        r.primary()
            .disparities()
            .get("sex")
            .byGroup()
            .get("statistical_parity_difference")
            .get("female")
            .value(),
        1e-12);
  }

  static List<Integer> rowsOf(Data d, int a, int g) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < d.y().length; i++) {
      if (d.codes().get(a)[i] == g) {
        rows.add(i);
      }
    }
    return rows;
  }

  @Test
  void adultCensus() throws IOException {
    Data d = adult();
    FairnessReport r = analyze(d, "sex", "race");
    check(d, r, true);
  }

  @Test
  void bootstrapIntervalsOfRatesAgreeWithWilson() throws IOException {
    Data d = german();
    FairnessReport r =
        FairnessAnalysis.analyze(
            FairnessInput.builder(d.y())
                .scores(d.s())
                .bootstrap(4000)
                .seed(9)
                .attribute(
                    ProtectedAttribute.hard("sex", d.groups().get(0), null, d.codes().get(0)))
                .build());
    for (SliceResult slice : r.primary().slices()) {
      Estimate sr = slice.metrics().get("selection_rate");
      double[] w =
          org.fairkd.fairness.stats.Wilson.interval(
              sr.value() * slice.count(), slice.count(), 0.95);
      assertEquals(w[0], sr.ciLow(), 0.01, slice.attributes().toString());
      assertEquals(w[1], sr.ciHigh(), 0.01, slice.attributes().toString());
    }
  }
}
