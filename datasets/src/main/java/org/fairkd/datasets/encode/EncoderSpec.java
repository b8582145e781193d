package org.fairkd.datasets.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fitted state of a {@link FeatureEncoder}, serialisable to JSON with Jackson. It holds
 * everything needed to re-implement the transform on raw values (e.g. in a fast scorer).
 *
 * @param columns one entry per input column, in output order
 */
public record EncoderSpec(List<Column> columns) {

  /** Output slot name for categories not seen in training (and missing values). */
  public static final String OTHER = "__other__";

  /** Suffix of the missing-indicator output of a numeric column. */
  public static final String MISSING = "__missing";

  /**
   * One input column.
   *
   * <p>Numeric: output {@code (x - mean) / std}; a missing {@code x} gives 0 (= the mean); if
   * {@code missing_indicator}, a second output is 1 for missing, else 0.
   *
   * <p>Categorical: one output per level ({@code 1} for the row's level), then one {@link #OTHER}
   * output that is 1 for unseen or missing values.
   *
   * @param name column name
   * @param kind {@code numeric} or {@code categorical}
   * @param mean training mean (numeric)
   * @param std training standard deviation, 1 when it is 0 (numeric)
   * @param missingIndicator whether a missing-indicator output follows (numeric)
   * @param levels known levels in output order (categorical)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Column(
      String name,
      String kind,
      Double mean,
      Double std,
      @JsonProperty("missing_indicator") Boolean missingIndicator,
      List<String> levels) {

    /** Number of outputs of this column. */
    public int width() {
      if ("numeric".equals(kind)) {
        return Boolean.TRUE.equals(missingIndicator) ? 2 : 1;
      }
      return levels.size() + 1;
    }
  }
}
