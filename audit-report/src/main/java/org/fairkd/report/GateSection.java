package org.fairkd.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.yaml.PolicyWriter;

/**
 * The gate table: every rule check, failing first and, within a status, harm before "not shown"
 * before not evaluated before shown; the counts per status and a tally that splits each status by
 * {@link Finding} (a failure that shows harm is not a failure whose interval is merely too wide).
 *
 * @param rules the rows in display order
 * @param counts status ({@code fail}, {@code error}, {@code warn}, {@code pass}) → checks
 * @param tally "7 failed (4 harm, 3 not shown) · 0 not evaluable · 9 warned (...) · 29 passed"
 */
public record GateSection(List<RuleRow> rules, Map<String, Integer> counts, String tally) {

  /**
   * One gate-table row (one rule evaluated on one slice); {@code finding} is the outcome's kind
   * ({@code harm}, {@code not_shown}, {@code shown}, {@code not_evaluated}, or empty when the audit
   * predates findings) and {@code findingNote} says it in words; {@code requiredRows} is, for a
   * not_shown outcome, about how many test rows would settle it (else empty).
   */
  public record RuleRow(
      String status,
      String finding,
      String findingNote,
      String requiredRows,
      String severity,
      String id,
      String title,
      String subject,
      String metric,
      String slice,
      String evidence,
      String explanation) {}

  private static final List<String> STATUS_ORDER =
      Stream.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS).map(Status::jsonName).toList();

  private static final List<String> FINDING_ORDER =
      Stream.of(Finding.HARM, Finding.NOT_SHOWN, Finding.NOT_EVALUATED, Finding.SHOWN)
          .map(Finding::jsonName)
          .toList();

  private static final Map<String, String> WORDS =
      Map.of("fail", "failed", "error", "not evaluable", "warn", "warned", "pass", "passed");

  /** A status's own finding: not worth splitting by when every check of the status has it. */
  private static final Map<String, String> OWN = Map.of("pass", "shown", "error", "not_evaluated");

  /** Copies the list and map. */
  public GateSection {
    rules = List.copyOf(rules);
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** The gate of {@code policy} (null: not evaluated, no rows), without raw p-values. */
  static GateSection build(PolicyRecord policy) {
    return build(policy, r -> null);
  }

  /**
   * The gate of {@code policy}; {@code rawP} gives a check's raw (unadjusted) p-value when its
   * evidence carries an adjusted one, else null.
   */
  static GateSection build(PolicyRecord policy, Function<RuleCheck, SignificanceTest> rawP) {
    List<RuleRow> rules = new ArrayList<>();
    for (RuleCheck r : policy == null ? List.<RuleCheck>of() : policy.checks()) {
      rules.add(
          new RuleRow(
              r.status().jsonName(),
              r.finding() == null ? "" : r.finding().jsonName(),
              findingNote(r),
              r.requiredRows() == null ? "" : Numbers.count(r.requiredRows()),
              r.severity().yamlName(),
              text(r.id()),
              text(r.title()),
              r.subject().yamlName(),
              text(r.metric()),
              r.slice() == null ? "(overall)" : r.slice(),
              evidence(r.evidence(), rawP.apply(r)),
              text(r.explanation())));
    }
    rules.sort(
        Comparator.comparingInt((RuleRow r) -> rank(STATUS_ORDER, r.status()))
            .thenComparingInt(r -> rank(FINDING_ORDER, r.finding())));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : STATUS_ORDER) {
      counts.put(s, (int) rules.stream().filter(r -> r.status().equals(s)).count());
    }
    return new GateSection(rules, counts, tally(counts, rules));
  }

  /** The checks that did not pass and have {@code finding} (a Finding's JSON name). */
  List<RuleRow> notPassing(String finding) {
    return rules.stream()
        .filter(r -> r.finding().equals(finding) && !r.status().equals("pass"))
        .toList();
  }

  /** The finding in words; a not_shown outcome with the test rows that would settle it. */
  static String findingNote(RuleCheck r) {
    if (r.finding() == null) {
      return "";
    }
    return switch (r.finding()) {
      case HARM -> "harm: the estimate is beyond the threshold";
      case NOT_SHOWN ->
          "not shown: the estimate is within the threshold but its interval crosses it"
              + (r.requiredRows() == null
                  ? ""
                  : "; about " + Numbers.count(r.requiredRows()) + " test rows would be needed");
      case SHOWN -> "shown: the rule holds with its evidence";
      case NOT_EVALUATED -> "not evaluated: nothing could be judged";
    };
  }

  /** The checks per status, split by finding unless every check has the status's own finding. */
  private static String tally(Map<String, Integer> counts, List<RuleRow> rules) {
    List<String> parts = new ArrayList<>();
    for (String status : STATUS_ORDER) {
      List<String> split = new ArrayList<>();
      boolean onlyOwn = true;
      for (String f : FINDING_ORDER) {
        long n =
            rules.stream().filter(r -> r.status().equals(status) && r.finding().equals(f)).count();
        if (n > 0) {
          split.add(n + " " + f.replace('_', ' '));
          onlyOwn &= f.equals(OWN.get(status));
        }
      }
      String part = counts.get(status) + " " + WORDS.get(status);
      parts.add(split.isEmpty() || onlyOwn ? part : part + " (" + String.join(", ", split) + ")");
    }
    return String.join(" · ", parts);
  }

  /** "value 0.630 [0.550, 0.710]; p = 0.004; threshold 0.8; mode significant". */
  static String evidence(Evidence e) {
    return evidence(e, null);
  }

  /**
   * The evidence; with {@code test} (the check's significance test), its p-value raw and adjusted:
   * "value 0.630 [0.550, 0.710]; p = 0.001 raw, 0.004 adjusted (holm); threshold 0.8; ...".
   */
  static String evidence(Evidence e, SignificanceTest test) {
    List<String> parts = new ArrayList<>();
    double[] bounds =
        e.threshold() == null
            ? new double[0]
            : new double[] {e.threshold().low(), e.threshold().high()};
    if (e.value() != null && Double.isFinite(e.value())) {
      String v = Numbers.estimate(e.value(), bounds);
      if (e.ciLow() != null && e.ciHigh() != null) {
        v +=
            " ["
                + Numbers.estimate(e.ciLow(), bounds)
                + ", "
                + Numbers.estimate(e.ciHigh(), bounds)
                + "]";
      }
      parts.add("value " + v);
    } else {
      parts.add("value undefined");
    }
    if (e.pValue() != null && test != null) {
      parts.add(
          Numbers.p(test.pValue())
              + " raw, "
              + Numbers.p(test.pAdjusted()).replace("p = ", "").replace("p < ", "< ")
              + " adjusted ("
              + test.correction()
              + ")");
    } else if (e.pValue() != null) {
      parts.add(Numbers.p(e.pValue()));
    }
    if (e.threshold() != null) {
      parts.add("threshold " + threshold(e));
    }
    if (e.mode() != null) {
      parts.add("mode " + e.mode().yamlName());
    }
    return String.join("; ", parts);
  }

  /** The threshold as the policy file has it: a number, or [low,high] for between; "" if none. */
  static String threshold(Evidence e) {
    if (e.threshold() == null) {
      return "";
    }
    Object t = PolicyWriter.threshold(e.comparator(), e.threshold());
    return t instanceof Double d
        ? Numbers.threshold(d)
        : "["
            + Numbers.threshold(e.threshold().low())
            + ","
            + Numbers.threshold(e.threshold().high())
            + "]";
  }

  private static int rank(List<String> order, String s) {
    int i = order.indexOf(s);
    return i < 0 ? order.size() : i;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
