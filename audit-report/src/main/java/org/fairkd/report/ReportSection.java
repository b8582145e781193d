package org.fairkd.report;

import java.util.function.BiFunction;
import org.fairkd.audit.result.AuditResult;

/**
 * One section of the HTML report: an id (the anchor, and the template {@code sections/<id>.ftlh}),
 * a title, and the model its template reads as {@code m}. A section with no model for an audit
 * (e.g. no search was run) is left out of the report and of its table of contents. A new section is
 * one implementation, one template and one line in {@link ReportSections}.
 */
public interface ReportSection {
  /** The anchor and template name. */
  String id();

  /** The heading. */
  String title();

  /**
   * The template's model for {@code audit}, or null to leave the section out; {@code report} is the
   * core model every template also sees as {@code r}.
   */
  Object model(AuditResult audit, ReportModel report);

  /** A section whose template reads only the core model {@code r}; always shown. */
  static ReportSection core(String id, String title) {
    return of(id, title, (audit, report) -> report);
  }

  /** A section whose model is {@code model}'s result (null: left out). */
  static ReportSection of(
      String id, String title, BiFunction<AuditResult, ReportModel, Object> model) {
    return new ReportSection() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public Object model(AuditResult audit, ReportModel report) {
        return model.apply(audit, report);
      }
    };
  }
}
