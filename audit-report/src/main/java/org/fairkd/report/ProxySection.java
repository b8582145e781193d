package org.fairkd.report;

import org.fairkd.audit.result.AuditResult;

/** The report's section on a race/ethnicity proxy; shown only when the audit used one. */
final class ProxySection implements ReportSection {
  @Override
  public String id() {
    return "proxy";
  }

  @Override
  public String title() {
    return "Race and ethnicity by proxy (BISG)";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    return ProxyModel.build(audit);
  }
}
