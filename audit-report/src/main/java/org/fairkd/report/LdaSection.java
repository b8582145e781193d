package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Svg;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.measure.Measurement;
import org.fairkd.search.select.FrontierDistance;

/**
 * The report section "Less discriminatory alternatives" (template {@code sections/lda.ftlh}), shown
 * when the audit records a search: the frontier plot ({@link LdaFrontierChart}), the table of the
 * reference, the selected candidate and every frontier candidate (validation and test), the
 * selection sentence and the stopping sentence.
 */
public final class LdaSection implements ReportSection {
  @Override
  public String id() {
    return "lda";
  }

  @Override
  public String title() {
    return "Less discriminatory alternatives";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    return audit.search() == null ? null : Model.of(audit.search());
  }

  /**
   * What the template reads.
   *
   * @param attribute the protected attribute searched
   * @param metric the disparity metric's name
   * @param chart the frontier plot
   * @param rows the table rows: reference, selected, then the frontier candidates
   * @param candidates how many candidates were measured
   * @param students how many students were trained
   * @param rejected how many candidates the collapse guard rejected
   * @param rejections one line per rejected student's reason (first candidate of each student)
   * @param selection the selection sentence
   * @param stopping the stopping sentence
   * @param release the sentence on the released student (empty when the audit records none)
   */
  public record Model(
      String attribute,
      String metric,
      Svg chart,
      List<Row> rows,
      int candidates,
      int students,
      int rejected,
      List<String> rejections,
      String selection,
      String stopping,
      String release) {

    static Model of(SearchResult r) {
      DisparityMetric m = r.config().metric();
      List<Row> rows = new ArrayList<>();
      List<String> done = new ArrayList<>();
      r.candidate(r.reference()).ifPresent(c -> rows.add(Row.of(c, m, "unconstrained reference")));
      done.add(r.reference());
      if (r.selection().id() != null && !done.contains(r.selection().id())) {
        rows.add(Row.of(r.candidate(r.selection().id()).orElseThrow(), m, "selected"));
        done.add(r.selection().id());
      }
      for (Candidate c : r.candidates()) {
        if (c.onFrontier() && !done.contains(c.id())) {
          rows.add(Row.of(c, m, ""));
        }
      }
      if (r.selection().id() != null && r.selection().id().equals(r.reference())) {
        rows.set(
            0,
            Row.of(
                r.candidate(r.reference()).orElseThrow(), m, "unconstrained reference; selected"));
      }
      List<String> rejections = new ArrayList<>();
      int rejected = 0;
      int lastStudent = -1;
      for (Candidate c : r.candidates()) {
        if (!c.admissible()) {
          rejected++;
          if (c.student() != lastStudent) {
            rejections.add(c.id() + ": " + c.rejected());
            lastStudent = c.student();
          }
        }
      }
      String selection =
          r.selection().id() == null
              ? "Rule: "
                  + r.selection().rule()
                  + ". No candidate satisfies it: "
                  + r.selection().reason()
                  + "."
              : "Rule: "
                  + r.selection().rule()
                  + ". Selected: "
                  + r.selection().reason()
                  + ". The choice used the validation split only; the test figures were never"
                  + " used to choose.";
      String stopping =
          String.format(
              Locale.ROOT,
              "Rule: %s. The search stopped because %s, after %d trained students (%d candidates"
                  + " measured, %d rejected by the collapse guard).",
              r.stopping().rule(),
              r.stopping().stoppedBecause(),
              r.stopping().studentsTrained(),
              r.stopping().candidatesEvaluated(),
              rejected);
      String release = "";
      if (r.released() != null) {
        double d = FrontierDistance.of(r, r.released());
        release =
            r.released().equals(r.selection().id())
                ? "The audited student is the selected candidate " + r.released() + "."
                : "The audited student is candidate "
                    + r.released()
                    + ", NOT the selected candidate"
                    + (r.selection().id() == null ? "" : " " + r.selection().id())
                    + ".";
        if (!Double.isNaN(d)) {
          release +=
              " Its validation disparity is "
                  + Numbers.estimate(d)
                  + " above the least discriminatory frontier candidate within the tolerance.";
        }
      }
      return new Model(
          r.attribute(),
          m.jsonName(),
          LdaFrontierChart.of(r),
          rows,
          r.candidates().size(),
          r.stopping().studentsTrained(),
          rejected,
          rejections,
          selection,
          stopping,
          release);
    }
  }

  /**
   * One table row: the candidate's settings and its validation and test figures, formatted.
   *
   * @param id the candidate id
   * @param role reference / selected (may be empty)
   * @param penalty the penalty ({@code none} for λ 0)
   * @param lambda λ
   * @param temperature the distillation temperature
   * @param architecture the student's hidden layers
   * @param threshold the global decision threshold
   * @param validation AUC, accuracy, DP difference, EO difference, lowest AIR on validation
   * @param test the same on test
   */
  public record Row(
      String id,
      String role,
      String penalty,
      String lambda,
      String temperature,
      String architecture,
      String threshold,
      List<String> validation,
      List<String> test) {

    static Row of(Candidate c, DisparityMetric m, String role) {
      return new Row(
          c.id(),
          role,
          c.params().penaltyName(),
          Numbers.threshold(c.params().training().lambda()),
          Numbers.threshold(c.params().training().temperature()),
          c.params().training().architecture().toString(),
          String.format(Locale.ROOT, "%.2f", c.params().threshold()),
          figures(c.validation()),
          figures(c.test()));
    }

    private static List<String> figures(Measurement x) {
      return List.of(
          fmt(x.auc()),
          fmt(x.accuracy()),
          fmt(x.demographicParityDifference()),
          fmt(x.equalizedOddsDifference()),
          fmt(x.adverseImpactRatioMin()));
    }

    private static String fmt(double v) {
      return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4f", v);
    }
  }
}
