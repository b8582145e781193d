package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fairkd.audit.result.AuditResult;

/**
 * The report's sections in their printed order, and which of them an audit shows. The main body
 * comes first (the decision on page one, then the evidence); the sections whose ids are in {@link
 * #APPENDIX} are printed after it as lettered appendices (the regulatory map and impact ratios, the
 * monitoring plan template, the methodology, every rule check, the per-intersection tables, the
 * metric definitions, the configuration, the glossary).
 */
public final class ReportSections {
  private ReportSections() {}

  /** Every section, in order. */
  static final List<ReportSection> ALL =
      List.of(
          ReportSection.of("summary", "Summary: the decision", SummarySection::model),
          ReportSection.core("gate", "Gate: the checks that did not pass"),
          ReportSection.core("data", "Data: where the rows come from and where they went"),
          new ProxySection(),
          ReportSection.core("distillation", "Distillation summary"),
          CompressionSection.SECTION,
          ReportSection.of("comparison", "Student versus teacher, drawn", ComparisonSection::model),
          ReportSection.of("groups", "Protected attributes", (a, r) -> AttributeSection.single(r)),
          ReportSection.of("scores", "Scores by group", ScoresSection::model),
          ReportSection.core("calibration", "Calibration by group"),
          new LdaSection(),
          ReasonsSection.SECTION,
          ReportSection.core("provenance", "Provenance and reproduction"),
          new org.fairkd.report.regulatory.RegulatorySection(),
          new ImpactRatioSection(),
          new MonitoringSection(),
          ReportSection.core("methodology", "Methodology"),
          ReportSection.core("checks", "Every rule check"),
          ReportSection.of(
              "intersections",
              "Intersections of protected attributes",
              (a, r) -> AttributeSection.intersections(r)),
          ReportSection.core("metrics", "Metric definitions and rule sources"),
          ReportSection.core("configuration", "Configuration"),
          new GlossarySection());

  /** The ids printed as appendices, after the main body. */
  static final Set<String> APPENDIX =
      Set.of(
          "regulatory",
          "impact-ratios",
          "monitoring",
          "methodology",
          "checks",
          "intersections",
          "metrics",
          "configuration",
          "glossary");

  /**
   * A section shown in one report, with its template model; {@code number} is "3" in the main body
   * and "A", "B", … in the appendix.
   */
  public record Shown(String id, String title, Object model, boolean appendix, String number) {}

  /** The sections {@code audit} shows, in order. */
  static List<Shown> shown(AuditResult audit, ReportModel report) {
    List<Shown> out = new ArrayList<>();
    int main = 0;
    int appendix = 0;
    for (ReportSection s : ALL) {
      Object m = s.model(audit, report);
      if (m != null) {
        boolean app = APPENDIX.contains(s.id());
        String number = app ? String.valueOf((char) ('A' + appendix++)) : String.valueOf(++main);
        out.add(new Shown(s.id(), s.title(), m, app, number));
      }
    }
    return out;
  }
}
