package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.result.AuditResult;

/** The report's sections in their printed order, and which of them an audit shows. */
public final class ReportSections {
  private ReportSections() {}

  /** Every section, in order. */
  static final List<ReportSection> ALL =
      List.of(
          ReportSection.core("verdict", "Verdict"),
          ReportSection.core("gate", "Gate: every rule, failing first"),
          ReportSection.core("data", "Data: every row accounted for"),
          ReportSection.core("distillation", "Distillation summary"),
          ReportSection.core("groups", "Protected attributes and intersections"),
          ReportSection.core("calibration", "Calibration by group"),
          ReasonsSection.SECTION,
          ReportSection.core("methodology", "Methodology"),
          ReportSection.core("provenance", "Provenance and reproduction"));

  /** A section shown in one report, with its template model. */
  public record Shown(String id, String title, Object model) {}

  /** The sections {@code audit} shows, in order. */
  static List<Shown> shown(AuditResult audit, ReportModel report) {
    List<Shown> out = new ArrayList<>();
    for (ReportSection s : ALL) {
      Object m = s.model(audit, report);
      if (m != null) {
        out.add(new Shown(s.id(), s.title(), m));
      }
    }
    return out;
  }
}
