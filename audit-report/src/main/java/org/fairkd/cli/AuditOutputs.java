package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.fairkd.audit.Gate;
import org.fairkd.audit.Provenance;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.policies.eval.Status;
import org.fairkd.report.HtmlReport;
import org.fairkd.report.JunitXml;
import org.fairkd.report.MetricDocs;

/**
 * Writes an audit's three files (audit.json, report.html, junit.xml) atomically into the output
 * directory, prints a short summary and returns the gate's exit code.
 */
final class AuditOutputs {
  private AuditOutputs() {}

  /** Adds provenance, writes the files and returns 0 (gate passed) or 1 (gate failed). */
  static int write(AuditResult audit, RunInfo run, Path out, boolean strict, PrintWriter stdout)
      throws Exception {
    AuditResult full =
        audit.withProvenance(Provenance.of(run, FairkdCommand.class, VersionProvider.version()));
    PolicyRecord policy = full.policy();
    String json = AuditJsonWriter.write(full);
    String html = HtmlReport.render(full, MetricDocs.fromCatalog());
    String xml = JunitXml.render(policy, full.provenance(), strict);
    AtomicFiles.writeString(out.resolve("audit.json"), json);
    AtomicFiles.writeString(out.resolve("report.html"), html);
    AtomicFiles.writeString(out.resolve("junit.xml"), xml);
    int code = Gate.exitCode(policy, strict);
    stdout.printf(
        "verdict %s: %d rule checks, %d failed, %d errors, %d warnings%s%n",
        policy.verdict(),
        policy.checks().size(),
        policy.count(Status.FAIL),
        policy.count(Status.ERROR),
        policy.count(Status.WARN),
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
}
