package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.reasons.AdverseActionResult;
import org.fairkd.audit.reasons.ReasonCount;
import org.fairkd.audit.reasons.TopReasons;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;

/**
 * audit.json's {@code reasons} block, written from and read back into an {@link
 * AdverseActionResult} (without its per-applicant rows, which are reasons.csv's):
 *
 * <pre>
 * {method, reference, k, declined, teacher_explained,
 *  fidelity: {overall: {n, top_k_overlap, first_reason_agreement}, by_group: {attr: {group: ...}},
 *             interval: {method, replicates, level, seed}}   (null without a teacher model),
 *  method_check: {compared, n, top_k_overlap, first_reason_agreement},
 *  top_reasons_overall: {declined, reasons: [{feature, text, declined, share}]},
 *  top_reasons_by_group: {attr: {group: {declined, reasons: [...]}}},
 *  proxy_flags: [{feature, attribute, measure, group, association, level, flagged}],
 *  flagged_top_reasons: [feature, ...]}
 * </pre>
 *
 * Figures are estimates ({@link EstimateJson}: value with ci_low/ci_high).
 */
public final class ReasonsJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String INTERVAL = "percentile bootstrap over the declined applicants";
  private static final String COMPARED =
      "the student's integrated gradients against its Shapley values, same reference";

  private ReasonsJson() {}

  /** The block of {@code r}. */
  public static ObjectNode write(AdverseActionResult r) {
    ObjectNode n = F.objectNode();
    n.put("method", r.method());
    n.put("reference", r.reference());
    n.put("k", r.k());
    n.put("declined", r.declined());
    n.put("teacher_explained", r.teacherExplained());
    if (r.fidelity() == null) {
      n.putNull("fidelity");
    } else {
      ReasonFidelity f = r.fidelity();
      ObjectNode fid = n.putObject("fidelity");
      fid.set("overall", agreement(f.overall()));
      ObjectNode by = fid.putObject("by_group");
      f.byGroup().forEach((a, gs) -> gs.forEach((g, v) -> by.with(a).set(g, agreement(v))));
      ObjectNode iv = fid.putObject("interval");
      iv.put("method", INTERVAL);
      iv.put("replicates", f.replicates());
      iv.put("level", f.level());
      iv.put("seed", f.seed());
    }
    ObjectNode check = agreement(r.methodCheck());
    check.put("compared", COMPARED);
    n.set("method_check", check);
    n.set("top_reasons_overall", slice(r.topReasons().overall()));
    ObjectNode by = n.putObject("top_reasons_by_group");
    r.topReasons().byGroup().forEach((a, gs) -> gs.forEach((g, l) -> by.with(a).set(g, slice(l))));
    ArrayNode flags = n.putArray("proxy_flags");
    for (ProxyFlag p : r.proxyFlags()) {
      ObjectNode o = flags.addObject();
      o.put("feature", p.feature());
      o.put("attribute", p.attribute());
      o.put("measure", p.measure());
      o.put("group", p.group());
      o.put("association", p.association());
      o.put("level", p.level());
      o.put("flagged", p.flagged());
    }
    ArrayNode top = n.putArray("flagged_top_reasons");
    r.flaggedTopReasons().forEach(top::add);
    return n;
  }

  /** The result in a {@code reasons} block; null when absent. */
  public static AdverseActionResult read(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (!n.isObject() || !n.path("k").canConvertToInt()) {
      throw new AuditException("reasons: not a reasons block (no 'k')");
    }
    JsonNode f = n.get("fidelity");
    ReasonFidelity fidelity = null;
    if (f != null && f.isObject()) {
      Map<String, Map<String, ReasonAgreement>> by = new LinkedHashMap<>();
      f.path("by_group")
          .fields()
          .forEachRemaining(
              a -> {
                Map<String, ReasonAgreement> gs = new LinkedHashMap<>();
                a.getValue()
                    .fields()
                    .forEachRemaining(g -> gs.put(g.getKey(), agreement(g.getValue())));
                by.put(a.getKey(), gs);
              });
      JsonNode iv = f.path("interval");
      fidelity =
          new ReasonFidelity(
              n.path("k").asInt(),
              agreement(f.path("overall")),
              by,
              iv.path("replicates").asInt(),
              iv.path("level").asDouble(),
              iv.path("seed").asLong());
    }
    Map<String, Map<String, TopReasons.Slice>> top = new LinkedHashMap<>();
    n.path("top_reasons_by_group")
        .fields()
        .forEachRemaining(
            a -> {
              Map<String, TopReasons.Slice> gs = new LinkedHashMap<>();
              a.getValue().fields().forEachRemaining(g -> gs.put(g.getKey(), slice(g.getValue())));
              top.put(a.getKey(), gs);
            });
    List<ProxyFlag> flags = new ArrayList<>();
    for (JsonNode p : n.path("proxy_flags")) {
      JsonNode g = p.get("group");
      flags.add(
          new ProxyFlag(
              p.path("feature").asText(),
              p.path("attribute").asText(),
              p.path("measure").asText(),
              g == null || g.isNull() ? null : g.asText(),
              p.path("association").asDouble(),
              p.path("level").asDouble(),
              p.path("flagged").asBoolean()));
    }
    return new AdverseActionResult(
        n.path("method").asText(),
        n.path("reference").asText(),
        n.path("k").asInt(),
        n.path("declined").asInt(),
        n.path("teacher_explained").asInt(),
        List.of(),
        fidelity,
        agreement(n.path("method_check")),
        new TopReasons(slice(n.path("top_reasons_overall")), top),
        flags);
  }

  private static ObjectNode agreement(ReasonAgreement a) {
    ObjectNode o = F.objectNode();
    o.put("n", a.n());
    o.set("top_k_overlap", EstimateJson.write(a.topKOverlap()));
    o.set("first_reason_agreement", EstimateJson.write(a.firstReasonAgreement()));
    return o;
  }

  private static ReasonAgreement agreement(JsonNode o) {
    return new ReasonAgreement(
        o.path("n").asInt(),
        EstimateJson.read(o.get("top_k_overlap")),
        EstimateJson.read(o.get("first_reason_agreement")));
  }

  private static ObjectNode slice(TopReasons.Slice s) {
    ObjectNode o = F.objectNode();
    o.put("declined", s.declined());
    ArrayNode a = o.putArray("reasons");
    for (ReasonCount c : s.reasons()) {
      ObjectNode r = a.addObject();
      r.put("feature", c.feature());
      r.put("text", c.text());
      r.put("declined", c.declined());
      r.put("share", c.share());
    }
    return o;
  }

  private static TopReasons.Slice slice(JsonNode s) {
    List<ReasonCount> out = new ArrayList<>();
    for (JsonNode o : s.path("reasons")) {
      out.add(
          new ReasonCount(
              o.path("feature").asText(),
              o.path("text").asText(),
              o.path("declined").asInt(),
              o.path("share").asDouble()));
    }
    return new TopReasons.Slice(s.path("declined").asInt(), out);
  }
}
