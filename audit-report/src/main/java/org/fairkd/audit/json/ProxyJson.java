package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.result.ProxyBias;
import org.fairkd.audit.result.ProxyRecord;
import org.fairkd.datasets.proxy.EvidenceCounts;
import org.fairkd.datasets.proxy.EvidenceMix;
import org.fairkd.datasets.proxy.ProxyProvenance;
import org.fairkd.datasets.proxy.ReferenceTables;

/**
 * audit.json's {@code proxy} block ({@link ProxyRecord}): {@code attribute, evidence_column,
 * audited_rows {rows, surname_and_geography, surname_only, geography_only, none, surname_share,
 * geography_share}, provenance_file, provenance {method, tables [{file, sha256, source, version}],
 * geography, input, surname_column, geography_column, probability_columns, evidence_column,
 * file_evidence {rows, …, geo_missing}}, truth, reference, disparities [{model, group, metric,
 * truth, proxy, bias}]}}. Shares and biases are derived and written for readers; reading ignores
 * them.
 */
public final class ProxyJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProxyJson() {}

  /** The block for {@code p}. */
  public static ObjectNode write(ProxyRecord p) {
    ObjectNode n = F.objectNode();
    n.put("attribute", p.attribute());
    n.put("evidence_column", p.evidenceColumn());
    ObjectNode a = n.putObject("audited_rows");
    EvidenceCounts c = p.audited();
    a.put("rows", c.rows());
    a.put("surname_and_geography", c.surnameAndGeography());
    a.put("surname_only", c.surnameOnly());
    a.put("geography_only", c.geographyOnly());
    a.put("none", c.none());
    EstimateJson.number(a, "surname_share", c.surnameShare());
    EstimateJson.number(a, "geography_share", c.geographyShare());
    n.put("provenance_file", p.provenanceFile());
    if (p.provenance() == null) {
      n.putNull("provenance");
    } else {
      n.set("provenance", provenance(p.provenance()));
    }
    n.put("truth", p.truth());
    n.put("reference", p.reference());
    ArrayNode ds = n.putArray("disparities");
    for (ProxyBias b : p.disparities()) {
      ObjectNode d = ds.addObject();
      d.put("model", b.model());
      d.put("group", b.group());
      d.put("metric", b.metric());
      d.set("truth", EstimateJson.write(b.truth()));
      d.set("proxy", EstimateJson.write(b.proxy()));
      EstimateJson.number(d, "bias", b.bias());
    }
    return n;
  }

  /** The record in {@code n}, or null when the audit has no proxy block. */
  public static ProxyRecord read(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    JsonNode a = n.path("audited_rows");
    List<ProxyBias> ds = new ArrayList<>();
    for (JsonNode d : n.path("disparities")) {
      ds.add(
          new ProxyBias(
              d.path("model").asText(),
              d.path("group").asText(),
              d.path("metric").asText(),
              EstimateJson.read(d.get("truth")),
              EstimateJson.read(d.get("proxy"))));
    }
    try {
      return new ProxyRecord(
          n.path("attribute").asText(),
          n.path("evidence_column").asText(),
          new EvidenceCounts(
              a.path("surname_and_geography").asLong(),
              a.path("surname_only").asLong(),
              a.path("geography_only").asLong(),
              a.path("none").asLong()),
          text(n.get("provenance_file")),
          provenance(n.get("provenance")),
          text(n.get("truth")),
          text(n.get("reference")),
          ds);
    } catch (IllegalArgumentException e) {
      throw new AuditException("proxy: " + e.getMessage());
    }
  }

  private static ObjectNode provenance(ProxyProvenance p) {
    ObjectNode n = F.objectNode();
    n.put("method", p.method());
    ArrayNode tables = n.putArray("tables");
    for (ReferenceTables.Source s : p.tables()) {
      ObjectNode t = tables.addObject();
      t.put("file", s.file());
      t.put("sha256", s.sha256());
      t.put("source", s.source());
      t.put("version", s.version());
    }
    n.put("geography", p.geography());
    n.put("input", p.input());
    n.put("surname_column", p.surnameColumn());
    n.put("geography_column", p.geographyColumn());
    ArrayNode cols = n.putArray("probability_columns");
    p.probabilityColumns().forEach(cols::add);
    n.put("evidence_column", p.evidenceColumn());
    EvidenceMix m = p.evidence();
    ObjectNode e = n.putObject("file_evidence");
    e.put("rows", m.rows());
    e.put("surname_and_geography", m.surnameAndGeography());
    e.put("surname_only", m.surnameOnly());
    e.put("geography_only", m.geographyOnly());
    e.put("none", m.none());
    e.put("surnames_listed", m.surnamesListed());
    e.put("surnames_all_other_names", m.surnamesAllOtherNames());
    e.put("surnames_missing", m.surnamesMissing());
    e.put("geo_found", m.geoFound());
    e.put("geo_not_found", m.geoNotFound());
    e.put("geo_missing", m.geoMissing());
    return n;
  }

  private static ProxyProvenance provenance(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    List<ReferenceTables.Source> tables = new ArrayList<>();
    for (JsonNode t : n.path("tables")) {
      tables.add(
          new ReferenceTables.Source(
              t.path("file").asText(),
              t.path("sha256").asText(),
              t.path("source").asText(),
              t.path("version").asText()));
    }
    List<String> cols = new ArrayList<>();
    n.path("probability_columns").forEach(c -> cols.add(c.asText()));
    JsonNode e = n.path("file_evidence");
    return new ProxyProvenance(
        n.path("method").asText(),
        tables,
        n.path("geography").asText(),
        n.path("input").asText(),
        n.path("surname_column").asText(),
        n.path("geography_column").asText(),
        cols,
        n.path("evidence_column").asText(),
        new EvidenceMix(
            e.path("rows").asLong(),
            e.path("surname_and_geography").asLong(),
            e.path("surname_only").asLong(),
            e.path("geography_only").asLong(),
            e.path("none").asLong(),
            e.path("surnames_listed").asLong(),
            e.path("surnames_all_other_names").asLong(),
            e.path("surnames_missing").asLong(),
            e.path("geo_found").asLong(),
            e.path("geo_not_found").asLong(),
            e.path("geo_missing").asLong()));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
