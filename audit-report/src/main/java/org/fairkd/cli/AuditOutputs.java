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
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Status;
import org.fairkd.report.HtmlReport;
import org.fairkd.report.JunitXml;
import org.fairkd.report.MetricDocs;

/**
 * Writes an audit's three files (audit.json, report.html, junit.xml) atomically into the output
 * directory, prints a short summary (the verdict line splits failures and warnings into harm and
 * not shown) and returns the gate's exit code; a policy that evaluated nothing a fail rule asks for
 * is bad input (exit 2, nothing written).
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
    int code = Gate.exitCode(policy, strict);
    AtomicFiles.writeString(out.resolve("audit.json"), json);
    AtomicFiles.writeString(out.resolve("report.html"), html);
    AtomicFiles.writeString(out.resolve("junit.xml"), xml);
    stdout.println(verdictLine(policy, strict));
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

  /**
   * "verdict FAIL: 28 rule checks, 6 failed (1 harm, 5 not shown), 0 errors, 5 warnings (4 harm, 1
   * not shown)": failures and warnings split by finding.
   */
  static String verdictLine(PolicyRecord policy, boolean strict) {
    return "verdict "
        + policy.verdict()
        + ": "
        + policy.checks().size()
        + " rule checks, "
        + policy.count(Status.FAIL)
        + " failed"
        + split(policy, Status.FAIL)
        + ", "
        + policy.count(Status.ERROR)
        + " errors, "
        + policy.count(Status.WARN)
        + " warnings"
        + split(policy, Status.WARN)
        + (strict ? " (strict)" : "");
  }

  private static String split(PolicyRecord policy, Status status) {
    if (policy.count(status) == 0) {
      return "";
    }
    return " ("
        + policy.count(status, Finding.HARM)
        + " harm, "
        + policy.count(status, Finding.NOT_SHOWN)
        + " not shown)";
  }
}
