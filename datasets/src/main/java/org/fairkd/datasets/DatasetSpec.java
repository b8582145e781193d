package org.fairkd.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A dataset descriptor, read from YAML (see the module README for a complete example). Paths are
 * relative to the spec file (built-in specs: relative to the data directory).
 *
 * @param name dataset name used in reports
 * @param description free text
 * @param data the data file
 * @param testData an optional separate test file with the same format (Adult ships one)
 * @param format CSV options; defaults: comma, header, double quote, missing {@code "" NA}
 * @param label the label column and its favourable value(s)
 * @param protectedAttributes the protected attributes
 * @param features model input columns; default all columns except label, row id, excluded and
 *     (unless {@code protected_as_features}) the columns protected attributes are derived from
 * @param exclude columns never used as features (ids, names, leakage)
 * @param protectedAsFeatures whether protected attributes' source columns may be features
 * @param types column types ({@code numeric} or {@code categorical}); inferred when absent
 * @param rowId an optional column holding a stable row id
 * @param reasons adverse-action reason texts by feature column (e.g. {@code debt_to_income:
 *     "Debt-to-income ratio too high"}); a feature without one is named by its column
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name",
  "description",
  "data",
  "test_data",
  "format",
  "label",
  "protected",
  "features",
  "exclude",
  "protected_as_features",
  "types",
  "row_id",
  "reasons"
})
public record DatasetSpec(
    String name,
    String description,
    String data,
    @JsonProperty("test_data") String testData,
    CsvFormat format,
    Label label,
    @JsonProperty("protected") List<Protected> protectedAttributes,
    List<String> features,
    List<String> exclude,
    @JsonProperty("protected_as_features") Boolean protectedAsFeatures,
    Map<String, String> types,
    @JsonProperty("row_id") String rowId,
    Map<String, String> reasons) {

  /**
   * CSV options.
   *
   * @param delimiter one character; {@code "\\t"} for tab; default comma
   * @param header whether the first line holds column names; default true
   * @param columns explicit column names (required without a header; renames with one)
   * @param quote quote character, default {@code "}
   * @param missing tokens meaning "missing", default {@code ["", "NA"]}
   * @param comment lines starting with this character are skipped (e.g. Adult's test banner)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CsvFormat(
      String delimiter,
      Boolean header,
      List<String> columns,
      String quote,
      List<String> missing,
      String comment) {}

  /**
   * The label.
   *
   * @param column label column
   * @param favourable values meaning the favourable outcome (e.g. loan granted); all other values
   *     are unfavourable
   * @param stripSuffix removed from label values before comparing (Adult's test file ends with .)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Label(
      String column, List<String> favourable, @JsonProperty("strip_suffix") String stripSuffix) {}

  /**
   * One protected attribute; exactly one of {@code column}-alone, {@code column}+{@code map},
   * {@code column}+{@code bins}, or {@code soft}.
   *
   * @param name attribute name
   * @param column source column (values are the groups unless mapped or binned)
   * @param map source value to group; a value mapped to {@code ~} (null) counts as missing (e.g.
   *     HMDA's "information not provided" codes)
   * @param bins numeric bins in ascending order: a value belongs to the first bin whose {@code max}
   *     is at least the value; the last bin may omit {@code max}
   * @param soft group to probability column (soft membership)
   * @param reference reference (control) group
   * @param tolerance allowed |sum - 1| for soft memberships, default 1e-3
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Protected(
      String name,
      String column,
      Map<String, String> map,
      List<Bin> bins,
      Map<String, String> soft,
      String reference,
      Double tolerance) {}

  /**
   * A numeric bin.
   *
   * @param group group label
   * @param max inclusive upper bound; null = no bound
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bin(String group, Double max) {}
}
