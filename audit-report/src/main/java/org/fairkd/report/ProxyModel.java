package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.ProxyBiases;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.ProxyBias;
import org.fairkd.audit.result.ProxyRecord;
import org.fairkd.datasets.proxy.EvidenceCounts;
import org.fairkd.datasets.proxy.EvidenceMix;
import org.fairkd.datasets.proxy.ProxyProvenance;
import org.fairkd.datasets.proxy.ReferenceTables;
import org.fairkd.policies.eval.Numbers;

/**
 * The model of the report's proxy section ({@link ProxySection}; audit.json's {@code proxy}): which
 * attribute came from a race/ethnicity proxy, its method and tables, the evidence of the audited
 * rows, and, when the true attribute was audited too, each race disparity under both with the
 * proxy's bias (proxy − truth).
 *
 * @param attribute the proxy's soft attribute
 * @param evidenceColumn the evidence column
 * @param rows the audited rows
 * @param evidence the audited rows by evidence, with shares
 * @param surnameShare share of audited rows whose proxy used the surname
 * @param geographyShare share of audited rows whose proxy used the geography
 * @param provenanceFile the proxy run's record, or null when none was found
 * @param method the proxy's method, or null without a provenance file
 * @param tables its reference tables
 * @param fileMix the proxy run's matches over its whole input (a sentence), or null
 * @param truth the true attribute, or null
 * @param reference the reference group of both, or null
 * @param comparisons the side-by-side estimates
 * @param unmatched groups that only one of the two attributes has (a sentence), or empty
 */
public record ProxyModel(
    String attribute,
    String evidenceColumn,
    String rows,
    List<Share> evidence,
    String surnameShare,
    String geographyShare,
    String provenanceFile,
    String method,
    List<ReferenceTables.Source> tables,
    String fileMix,
    String truth,
    String reference,
    List<Comparison> comparisons,
    String unmatched) {

  /** A number of rows and its share of the audited rows. */
  public record Share(String label, String rows, String share) {}

  /** One estimate under the true attribute and the proxy. */
  public record Comparison(
      String model, String group, String metric, Cell truth, Cell proxy, String bias) {}

  /** The section for {@code audit}; null (left out) when it used no proxy. */
  static ProxyModel build(AuditResult audit) {
    ProxyRecord p = audit.proxy();
    if (p == null) {
      return null;
    }
    EvidenceCounts c = p.audited();
    List<Share> evidence =
        List.of(
            share("surname and geography", c.surnameAndGeography(), c.rows()),
            share("surname only", c.surnameOnly(), c.rows()),
            share("geography only", c.geographyOnly(), c.rows()),
            share("none (no proxy: counted as missing)", c.none(), c.rows()));
    ProxyProvenance prov = p.provenance();
    List<Comparison> comparisons = new ArrayList<>();
    for (ProxyBias b : p.disparities()) {
      comparisons.add(
          new Comparison(
              b.model(),
              b.group(),
              b.metric(),
              Cell.of(b.truth()),
              Cell.of(b.proxy()),
              b.bias() == null ? "—" : signed(b.bias())));
    }
    return new ProxyModel(
        p.attribute(),
        p.evidenceColumn(),
        Numbers.count(c.rows()),
        evidence,
        DataSection.percent(c.surnameShare()),
        DataSection.percent(c.geographyShare()),
        p.provenanceFile(),
        prov == null ? null : prov.method(),
        prov == null ? List.of() : prov.tables(),
        prov == null ? null : fileMix(prov),
        p.truth(),
        p.reference(),
        comparisons,
        p.truth() == null ? "" : unmatched(audit, p.truth(), p.attribute()));
  }

  private static Share share(String label, long n, long rows) {
    return new Share(
        label, Numbers.count(n), rows == 0 ? "—" : DataSection.percent((double) n / rows));
  }

  private static String signed(double x) {
    String s = Numbers.estimate(x);
    return x > 0 ? "+" + s : s;
  }

  private static String fileMix(ProxyProvenance p) {
    EvidenceMix m = p.evidence();
    return "Over all "
        + Numbers.count(m.rows())
        + " rows of "
        + p.input()
        + ": surnames in the Census list "
        + Numbers.count(m.surnamesListed())
        + ", given the ALL OTHER NAMES row "
        + Numbers.count(m.surnamesAllOtherNames())
        + ", blank "
        + Numbers.count(m.surnamesMissing())
        + "; "
        + p.geography()
        + " found "
        + Numbers.count(m.geoFound())
        + ", not in the table "
        + Numbers.count(m.geoNotFound())
        + ", blank "
        + Numbers.count(m.geoMissing())
        + ".";
  }

  private static String unmatched(AuditResult audit, String truth, String proxy) {
    if (audit.models().isEmpty()) {
      return "";
    }
    AuditedModel m = audit.models().get(0);
    List<String> t = ProxyBiases.groups(m.result(), truth);
    List<String> p = ProxyBiases.groups(m.result(), proxy);
    List<String> onlyTruth = t.stream().filter(g -> !p.contains(g)).toList();
    List<String> onlyProxy = p.stream().filter(g -> !t.contains(g)).toList();
    if (onlyTruth.isEmpty() && onlyProxy.isEmpty()) {
      return "";
    }
    return "Not compared (the group exists in one attribute only): "
        + (onlyTruth.isEmpty() ? "" : truth + ": " + String.join(", ", onlyTruth))
        + (onlyTruth.isEmpty() || onlyProxy.isEmpty() ? "" : "; ")
        + (onlyProxy.isEmpty() ? "" : proxy + ": " + String.join(", ", onlyProxy))
        + ".";
  }
}
