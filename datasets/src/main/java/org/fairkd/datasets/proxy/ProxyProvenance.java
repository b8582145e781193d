package org.fairkd.datasets.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * The record written beside a proxied CSV ({@code FILE.bisg.json}): the method, the reference
 * tables with their source and version, the columns used and the evidence mix. It is what an audit
 * cites when it uses the proxy as soft membership.
 *
 * @param method the CFPB method and its repository commit
 * @param tables the reference tables used (surnames, then the geography)
 * @param geography {@code ZCTA} or {@code TRACT}
 * @param input the input file as given
 * @param surnameColumn the surname column
 * @param geographyColumn the ZIP or tract column
 * @param probabilityColumns the output's probability columns, in order
 * @param evidenceColumn the output's evidence column
 * @param evidence the evidence mix
 */
public record ProxyProvenance(
    String method,
    List<ReferenceTables.Source> tables,
    String geography,
    String input,
    String surnameColumn,
    String geographyColumn,
    List<String> probabilityColumns,
    String evidenceColumn,
    EvidenceMix evidence) {

  /** This record as indented JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the proxy provenance", e);
    }
  }
}
