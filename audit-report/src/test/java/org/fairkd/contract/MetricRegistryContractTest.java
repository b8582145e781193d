package org.fairkd.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.cli.FairkdCommand;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry contract: a metric added by one class and one {@code META-INF/services} line (the
 * test providers {@link ToyRejectionRate} and {@link AucDifference}, switched on by {@link
 * ContractMetrics}) is computed into audit.json, accepted and gated on by a policy, and shown in
 * report.html's per-group table and methodology, through the real {@code fairkd audit} in-process.
 */
class MetricRegistryContractTest {
  static final int N = 2400;
  static final String FEMALE = "{attribute: sex, group: female}";
  static final double Z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

  @TempDir Path tmp;

  /** Rows of the predictions file: label, sex, race, teacher and student scores. */
  record Row(boolean y, String sex, String race, double t, double s) {}

  @BeforeAll
  static void on() {
    System.setProperty(ContractMetrics.PROPERTY, "true");
  }

  @AfterAll
  static void off() {
    System.clearProperty(ContractMetrics.PROPERTY);
    List<String> standard =
        MetricRegistry.standard().infos().stream().map(MetricInfo::name).toList();
    assertEquals(
        standard,
        MetricRegistry.current().infos().stream().map(MetricInfo::name).toList(),
        "with the switch off the registry is the standard one again");
  }

  static List<Row> rows() {
    Random r = new Random(11);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String sex = r.nextBoolean() ? "male" : "female";
      String race = r.nextInt(10) < 6 ? "white" : "black";
      boolean y = r.nextDouble() < 0.5;
      double noise = race.equals("black") ? 1.6 : 0.8; // the teacher ranks black applicants worse
      double t = 1 / (1 + Math.exp(-((y ? 0.9 : -0.9) + noise * r.nextGaussian())));
      t = Math.round(t * 1000) / 1000.0; // ties, as DeLong must handle them
      double s = race.equals("black") ? t * 0.6 : t; // the student rejects black applicants more
      out.add(new Row(y, sex, race, t, s));
    }
    return out;
  }

  static Path csv(Path file, List<Row> rows) throws Exception {
    StringBuilder sb = new StringBuilder("label,sex,race,t,s\n");
    for (Row w : rows) {
      sb.append(
          String.format(
              Locale.ROOT, "%d,%s,%s,%.3f,%.4f%n", w.y() ? 1 : 0, w.sex(), w.race(), w.t(), w.s()));
    }
    Files.writeString(file, sb.toString());
    return file;
  }

  static Path policy(
      Path file, String metric, String subject, String scope, String comparator, double threshold)
      throws Exception {
    Files.writeString(
        file,
        String.join(
            "\n",
            "id: contract",
            "version: \"1\"",
            "title: contract test policy",
            "description: gates on a metric registered by a test provider",
            "owner: contract test",
            "rules:",
            "  - id: gate",
            "    title: gate on " + metric,
            "    rationale: contract test",
            "    source: contract test",
            "    metric: " + metric,
            "    subject: " + subject,
            "    scope: " + scope,
            "    comparator: \"" + comparator + "\"",
            "    threshold: " + threshold,
            "    mode: point",
            "    severity: fail",
            ""));
    return file;
  }

  /** {@code fairkd args...} in-process: exit code, stdout + stderr. */
  static Object[] fairkd(String... args) {
    var cl = FairkdCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int code = cl.execute(args);
    return new Object[] {code, out.toString()};
  }

  static Object[] audit(Path csv, Path policy, Path out) {
    return fairkd(
        "audit",
        "--predictions",
        csv.toString(),
        "--label",
        "label",
        "--group",
        "sex",
        "--group",
        "race",
        "--reference",
        "sex=male",
        "--reference",
        "race=white",
        "--bootstrap",
        "100",
        "--teacher-score",
        "t",
        "--student-score",
        "s",
        "--policy",
        policy.toString(),
        "--out",
        out.toString());
  }

  static double rejectionRate(List<Row> rows, String sex, boolean student) {
    return rows.stream()
        .filter(w -> w.sex().equals(sex))
        .mapToDouble(w -> (student ? w.s() : w.t()) < 0.5 ? 1 : 0)
        .average()
        .orElseThrow();
  }

  @Test
  void toyCountMetricReachesJsonPolicyAndReport() throws Exception {
    List<Row> rows = rows();
    Path data = csv(tmp.resolve("p.csv"), rows);
    double female = rejectionRate(rows, "female", true);
    double male = rejectionRate(rows, "male", true);

    Path failing =
        policy(
            tmp.resolve("fail.yaml"),
            ToyRejectionRate.DIFFERENCE,
            "student",
            FEMALE,
            "<=",
            (female - male) - 0.001);
    Object[] run = audit(data, failing, tmp.resolve("fail"));
    assertEquals(1, run[0], (String) run[1]);

    JsonNode audit = new ObjectMapper().readTree(tmp.resolve("fail/audit.json").toFile());
    JsonNode student = audit.path("models").path("student");
    for (JsonNode slice : student.path("slices")) {
      JsonNode attrs = slice.path("attributes");
      if (attrs.size() == 1 && attrs.has("sex")) {
        double want = rejectionRate(rows, attrs.path("sex").asText(), true);
        JsonNode e = slice.path("metrics").path(ToyRejectionRate.RATE);
        assertEquals(want, e.path("value").asDouble(), 1e-12);
        assertTrue(e.path("ci_low").asDouble() <= want && want <= e.path("ci_high").asDouble());
      }
    }
    JsonNode gap = student.path("disparities").path("sex").path(ToyRejectionRate.DIFFERENCE);
    assertEquals(female - male, gap.path("female").path("value").asDouble(), 1e-12);
    assertTrue(gap.path("female").has("ci_low"), gap.toString());
    JsonNode outcome = audit.path("rules").path(0);
    assertEquals(ToyRejectionRate.DIFFERENCE, outcome.path("metric").asText());
    assertEquals("sex=female", outcome.path("slice").asText());
    assertEquals("fail", outcome.path("status").asText(), outcome.toString());

    Path passing =
        policy(
            tmp.resolve("pass.yaml"),
            ToyRejectionRate.DIFFERENCE,
            "student",
            FEMALE,
            "<=",
            (female - male) + 0.001);
    assertEquals(0, audit(data, passing, tmp.resolve("pass"))[0]);

    String html = Files.readString(tmp.resolve("pass/report.html"));
    assertTrue(html.contains("<th>toy rejection rate</th>"), "per-group table column");
    assertTrue(html.contains("<th>toy rejection rate difference</th>"), "group disparity column");
    assertTrue(html.contains("<code>toy_rejection_rate</code>"), "methodology row");
    assertTrue(html.contains("<code>(FN + TN) / N</code>"), "methodology formula");

    System.clearProperty(ContractMetrics.PROPERTY);
    try {
      Object[] unknown = fairkd("policy", "check", passing.toString());
      assertEquals(2, unknown[0], "without the provider the name is unknown");
      assertTrue(((String) unknown[1]).contains("unknown metric"), (String) unknown[1]);
    } finally {
      System.setProperty(ContractMetrics.PROPERTY, "true");
    }
  }

  /** AUC by Mann–Whitney with ties ½ and DeLong's variance S10/m + S01/n, by brute force. */
  static double[] aucAndVariance(List<Row> rows, String race) {
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (Row w : rows) {
      if (w.race().equals(race)) {
        (w.y() ? pos : neg).add(w.t());
      }
    }
    int m = pos.size();
    int n = neg.size();
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    double auc = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double k = pos.get(i) > neg.get(j) ? 1 : pos.get(i).equals(neg.get(j)) ? 0.5 : 0;
        v10[i] += k / n;
        v01[j] += k / m;
        auc += k;
      }
    }
    auc /= (double) m * n;
    double s10 = 0;
    double s01 = 0;
    for (double v : v10) {
      s10 += (v - auc) * (v - auc) / (m - 1);
    }
    for (double v : v01) {
      s01 += (v - auc) * (v - auc) / (n - 1);
    }
    return new double[] {auc, s10 / m + s01 / n};
  }

  @Test
  void aucDifferenceHasTheDeLongIntervalAndGates() throws Exception {
    List<Row> rows = rows();
    Path data = csv(tmp.resolve("p.csv"), rows);
    double[] black = aucAndVariance(rows, "black");
    double[] white = aucAndVariance(rows, "white");
    double diff = black[0] - white[0];
    double half = Z * Math.sqrt(black[1] + white[1]);
    assertTrue(diff < -0.05, "the data make the teacher rank black applicants worse: " + diff);

    String scope = "{attribute: race, group: black}";
    Path failing =
        policy(tmp.resolve("fail.yaml"), AucDifference.NAME, "teacher", scope, ">=", diff + 0.01);
    assertEquals(1, audit(data, failing, tmp.resolve("fail"))[0]);
    JsonNode audit = new ObjectMapper().readTree(tmp.resolve("fail/audit.json").toFile());
    JsonNode e =
        audit
            .path("models")
            .path("teacher")
            .path("disparities")
            .path("race")
            .path(AucDifference.NAME)
            .path("black");
    assertEquals(diff, e.path("value").asDouble(), 1e-12, e.toString());
    assertEquals(diff - half, e.path("ci_low").asDouble(), 1e-9);
    assertEquals(diff + half, e.path("ci_high").asDouble(), 1e-9);
    JsonNode delta =
        audit
            .path("comparison")
            .path("deltas")
            .path("disparities")
            .path("race")
            .path(AucDifference.NAME)
            .path("black");
    assertTrue(delta.path("ci_low").isNumber(), "paired delta with an interval: " + delta);

    Path passing =
        policy(tmp.resolve("pass.yaml"), AucDifference.NAME, "teacher", scope, ">=", diff - 0.01);
    Object[] run = audit(data, passing, tmp.resolve("pass"));
    assertEquals(0, run[0], (String) run[1]);
    assertTrue(
        Files.readString(tmp.resolve("pass/report.html")).contains("<th>auc difference</th>"));
  }
}
