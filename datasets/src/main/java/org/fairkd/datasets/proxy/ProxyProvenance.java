package org.fairkd.datasets.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fairkd.datasets.DatasetException;

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

  /**
   * The provenance file {@code fairkd proxy bisg} writes beside {@code csv}: {@code
   * FILE.bisg.json}.
   */
  public static Path beside(Path csv) {
    String name = csv.getFileName().toString();
    String stem =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return csv.resolveSibling(stem + ".bisg.json");
  }

  /**
   * Reads a file written by {@link #toJson()}.
   *
   * @throws DatasetException naming the file when it cannot be read or is not such a record
   */
  public static ProxyProvenance read(Path file) {
    try {
      ProxyProvenance p = new ObjectMapper().readValue(file.toFile(), ProxyProvenance.class);
      if (p.method() == null || p.tables() == null || p.evidence() == null) {
        throw new DatasetException(
            file + ": not a proxy provenance file (method, tables, evidence)");
      }
      return p;
    } catch (IOException e) {
      throw new DatasetException(
          file
              + ": not a proxy provenance file written by fairkd proxy bisg ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
  }

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
