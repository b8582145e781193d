package org.fairkd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.fairkd.audit.AuditJson;
import org.fairkd.audit.Gate;
import org.fairkd.report.HtmlReport;
import org.fairkd.report.JunitXml;
import org.fairkd.report.MetricDocs;

/**
 * Writes an audit's three files (audit.json, report.html, junit.xml) atomically into the output
 * directory, prints a short summary and returns the gate's exit code.
 */
final class AuditOutputs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AuditOutputs() {}

  /** Adds provenance, writes the files and returns 0 (gate passed) or 1 (gate failed). */
  static int write(
      ObjectNode audit, AuditJson.RunInfo run, Path out, boolean strict, PrintWriter stdout)
      throws Exception {
    AuditJson.addProvenance(audit, run, FairkdCommand.class, VersionProvider.version());
    String json = JSON.writeValueAsString(audit) + "\n";
    String html = HtmlReport.render(audit, MetricDocs.fromCatalog());
    String xml = JunitXml.render(audit, strict);
    AtomicOutput.writeString(out.resolve("audit.json"), json);
    AtomicOutput.writeString(out.resolve("report.html"), html);
    AtomicOutput.writeString(out.resolve("junit.xml"), xml);
    int code = Gate.exitCode(audit, strict);
    long fail = count(audit, "fail");
    long error = count(audit, "error");
    long warn = count(audit, "warn");
    stdout.printf(
        "verdict %s: %d rule checks, %d failed, %d errors, %d warnings%s%n",
        audit.path("verdict").asText(),
        audit.path("rules").size(),
        fail,
        error,
        warn,
        strict ? " (strict)" : "");
    stdout.printf(
        "wrote %s, %s (%,d bytes), %s%n",
        out.resolve("audit.json"),
        out.resolve("report.html"),
        html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        out.resolve("junit.xml"));
    stdout.println(code == ExitCodes.PASS ? "gate: PASS (exit 0)" : "gate: FAIL (exit 1)");
    stdout.flush();
    return code;
  }

  private static long count(ObjectNode audit, String status) {
    long n = 0;
    for (var r : audit.path("rules")) {
      if (status.equals(r.path("status").asText())) {
        n++;
      }
    }
    return n;
  }
}
