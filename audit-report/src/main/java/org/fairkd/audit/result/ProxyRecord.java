package org.fairkd.audit.result;

import java.util.List;
import org.fairkd.datasets.proxy.EvidenceCounts;
import org.fairkd.datasets.proxy.ProxyProvenance;

/**
 * The race/ethnicity proxy an audit's soft membership came from (issue 16): which attribute holds
 * it, which evidence its audited rows had, the proxy run's provenance, and, when the true attribute
 * was audited too, each race disparity under both (the proxy's measured bias).
 *
 * @param attribute the soft attribute holding the proxy, e.g. {@code race_bisg}
 * @param evidenceColumn the input column with each row's evidence
 * @param audited the audited rows by evidence (every audited row counted once)
 * @param provenanceFile the proxy run's record read beside the input ({@code FILE.bisg.json}), or
 *     null when there was none
 * @param provenance what that file says: method, tables with source and version, the file-wide
 *     evidence mix; null when there was none
 * @param truth the hard attribute with the true race/ethnicity, or null
 * @param reference the reference group of both attributes, or null without {@code truth}
 * @param disparities each disparity under the true attribute and the proxy, per model and group
 *     (empty without {@code truth})
 */
public record ProxyRecord(
    String attribute,
    String evidenceColumn,
    EvidenceCounts audited,
    String provenanceFile,
    ProxyProvenance provenance,
    String truth,
    String reference,
    List<ProxyBias> disparities) {

  /** Copies the list; a truth needs a reference. */
  public ProxyRecord {
    disparities = List.copyOf(disparities);
    if ((truth == null) != (reference == null)) {
      throw new IllegalArgumentException("a proxy's truth and reference come together");
    }
  }
}
