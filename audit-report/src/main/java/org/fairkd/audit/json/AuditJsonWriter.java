package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.policies.eval.Evidence;

/**
 * Writes audit.json ({@code fairkd.audit/1}, documented in the module README) from an {@link
 * AuditResult}: {@code schema, verdict, data (rows read and used per model input), models.<role>
 * (the fairkd metrics shape plus calibration), comparison, distillation, config, rules, policy,
 * dataset, frameworks, provenance}. {@link AuditJsonReader} reads it back; the two agree byte for
 * byte on what this writer wrote.
 */
public final class AuditJsonWriter {
  /** Schema identifier written into every audit.json. */
  public static final String SCHEMA = "fairkd.audit/1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AuditJsonWriter() {}

  /** The pretty-printed audit.json text. */
  public static String write(AuditResult audit) {
    return FairnessJson.text(toTree(audit));
  }

  /** The audit.json tree. */
  public static ObjectNode toTree(AuditResult a) {
    ObjectNode root = F.objectNode();
    root.put("schema", SCHEMA);
    root.put("verdict", a.policy() == null ? "ERROR" : a.policy().verdict().name());
    if (!a.data().isEmpty()) {
      ArrayNode data = root.putArray("data");
      a.data().forEach(d -> data.add(data(d)));
    }
    ObjectNode models = root.putObject("models");
    for (AuditedModel m : a.models()) {
      ObjectNode n = FairnessJson.model(m.result());
      n.set("calibration", calibration(m.calibration()));
      PairedJson.writePaired(n, m);
      models.set(m.role().key(), n);
    }
    if (a.comparison() != null) {
      root.set("comparison", PairedJson.comparison(a.comparison()));
    }
    if (a.distillation() != null) {
      root.set("distillation", DistillationJson.write(a.distillation()));
    }
    if (a.reasons() != null) {
      root.set("reasons", ReasonsJson.write(a.reasons()));
    }
    if (a.config() != null) {
      root.set("config", FairnessJson.config(a.config()));
    }
    if (a.policy() != null) {
      root.set("rules", PolicyJson.rules(a.policy()));
      root.set("policy", PolicyJson.header(a.policy().policy()));
    }
    if (a.search() != null) {
      root.set("search", SearchJson.write(a.search()));
    }
    if (a.dataset() != null) {
      root.put("dataset", a.dataset());
    }
    if (!a.frameworks().isEmpty()) {
      root.set("frameworks", FrameworksJson.write(a.frameworks()));
    }
    if (a.provenance() != null) {
      root.set("provenance", provenance(a.provenance()));
    }
    if (a.proxy() != null) {
      root.set("proxy", ProxyJson.write(a.proxy()));
    }
    return root;
  }

  /** {@code {verdict, policy, rules}}: what {@code policy evaluate --out} writes. */
  public static String writePolicy(PolicyRecord p) {
    ObjectNode root = F.objectNode();
    root.put("verdict", p.verdict().name());
    root.set("policy", PolicyJson.header(p.policy()));
    root.set("rules", PolicyJson.rules(p));
    return FairnessJson.text(root);
  }

  /** The evidence of one rule check as compact JSON text (as in audit.json's {@code rules}). */
  public static String evidenceText(Evidence e) {
    return PolicyJson.evidence(e).toString();
  }

  /**
   * One model input's row accounting: {@code {source, rows_read, rows_used, selection, missing:
   * {attribute: rows}}} (an element of audit.json's {@code data}, and {@code fairkd metrics}'s
   * {@code data}).
   */
  public static ObjectNode data(DataAccount d) {
    ObjectNode n = F.objectNode();
    n.put("source", d.source());
    n.put("rows_read", d.rowsRead());
    n.put("rows_used", d.rowsUsed());
    n.put("selection", d.selection());
    ObjectNode missing = n.putObject("missing");
    d.missing().forEach(missing::put);
    return n;
  }

  private static ObjectNode calibration(CalibrationBins bins) {
    ObjectNode out = F.objectNode();
    for (Map.Entry<String, Map<String, List<CalibrationBins.Bin>>> a :
        bins.byAttribute().entrySet()) {
      ObjectNode attr = out.putObject(a.getKey());
      for (Map.Entry<String, List<CalibrationBins.Bin>> g : a.getValue().entrySet()) {
        ArrayNode arr = attr.putArray(g.getKey());
        for (CalibrationBins.Bin b : g.getValue()) {
          ObjectNode bin = arr.addObject();
          bin.put("bin", b.bin());
          bin.put("lower", b.lower());
          bin.put("upper", b.upper());
          bin.put("count", b.count());
          bin.put("mean_score", b.meanScore());
          bin.put("observed_rate", b.observedRate());
        }
      }
    }
    return out;
  }

  private static ObjectNode provenance(RunProvenance r) {
    ObjectNode p = F.objectNode();
    p.put("tool", r.tool());
    p.put("tool_version", r.toolVersion());
    if (r.gitCommit() != null) {
      p.put("git_commit", r.gitCommit());
    }
    p.put("seed", r.seed());
    p.put("command", r.command());
    p.put("started_at", r.startedAt() == null ? null : r.startedAt().toString());
    p.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
    p.put("java", r.java());
    p.put("os", r.os());
    if (!r.libraries().isEmpty()) {
      r.libraries().forEach(p.putObject("libraries")::put);
    }
    ArrayNode inputs = p.putArray("inputs");
    for (RunProvenance.HashedInput in : r.inputs()) {
      inputs.addObject().put("role", in.role()).put("path", in.path()).put("sha256", in.sha256());
    }
    p.putObject("policy").put("name", r.policyName()).put("sha256", r.policySha256());
    if (r.config() != null) {
      p.set("config", r.config());
    }
    if (r.tribuo() != null) {
      p.set("tribuo", r.tribuo());
    }
    return p;
  }
}
