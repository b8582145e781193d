package org.fairkd.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditResult;

/**
 * Renders the self-contained compliance report (one HTML file: inline CSS, inline SVG charts, no
 * scripts, fonts or images) from the typed {@link AuditResult}. The template uses Freemarker's HTML
 * output format, so every user-supplied string (group values, column names, file names) is escaped.
 */
public final class HtmlReport {
  private static final Configuration CFG = configuration();

  private HtmlReport() {}

  /** Renders the report for {@code audit}; {@code metricDocs} feeds the methodology section. */
  public static String render(AuditResult audit, List<MetricDoc> metricDocs) {
    ReportModel model = ReportModel.from(audit, metricDocs);
    try {
      Template t = CFG.getTemplate("report.ftlh");
      StringWriter out = new StringWriter(256 * 1024);
      t.process(Map.of("r", model, "sections", ReportSections.shown(audit, model)), out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the report template: " + e.getMessage(), e);
    } catch (TemplateException e) {
      throw new IllegalStateException("report template failed: " + e.getMessage(), e);
    }
  }

  private static Configuration configuration() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassForTemplateLoading(HtmlReport.class, "/org/fairkd/report");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNumberFormat("computer");
    cfg.setLocale(java.util.Locale.ROOT);
    return cfg;
  }
}
