package org.fairkd.fairness.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A metric's registry entry: everything the JSON, the policies and the report need to know about it
 * besides its computation.
 *
 * @param name binding snake_case name (Fairlearn / AIF360 where they have the metric)
 * @param kind where it lives in the results
 * @param bases for a disparity, the per-slice metrics it is derived from (a group whose base is
 *     undefined is left out of it); empty otherwise
 * @param direction which direction is better
 * @param formula one-line formula
 * @param description one-line description, including the interval method
 * @param testMetric for a group-vs-reference disparity backed by the engine's group-vs-reference
 *     significance test, the per-slice metric that test compares ({@code tests[].metric}); null
 *     when no test backs the metric
 * @param shown where the report shows it besides the methodology section
 * @param title display title (charts); the name when none is given
 */
public record MetricInfo(
    String name,
    MetricKind kind,
    List<String> bases,
    Direction direction,
    String formula,
    String description,
    String testMetric,
    ReportPlacement shown,
    String title) {

  /**
   * The per-slice metric whose group-vs-reference difference the engine tests (Fisher's exact test
   * or the two-proportion z-test); a group disparity derived from it alone is backed by that test.
   */
  public static final String GROUP_TESTED_METRIC = "selection_rate";

  /** Validates and copies. */
  public MetricInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(shown, "shown");
    bases = List.copyOf(bases);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("metric name '" + name + "' is not snake_case");
    }
  }

  /** Starts the entry of a per-slice metric. */
  public static Builder slice(String name) {
    return new Builder(name, MetricKind.SLICE, List.of());
  }

  /** Starts the entry of a group-vs-reference disparity derived from {@code bases}. */
  public static Builder groupVsReference(String name, String... bases) {
    return new Builder(name, MetricKind.GROUP_VS_REFERENCE, List.of(bases));
  }

  /** Starts the entry of a whole-attribute disparity derived from {@code bases}. */
  public static Builder attribute(String name, String... bases) {
    return new Builder(name, MetricKind.ATTRIBUTE, List.of(bases));
  }

  /** Starts the entry of a primary-vs-compared (teacher-vs-student) figure. */
  public static Builder comparison(String name) {
    return new Builder(name, MetricKind.COMPARISON, List.of());
  }

  /** Builds a {@link MetricInfo}; direction defaults to neither, placement to methodology only. */
  public static final class Builder {
    private final String name;
    private final MetricKind kind;
    private final List<String> bases;
    private Direction direction = Direction.NEITHER;
    private String formula = "";
    private String description = "";
    private ReportPlacement shown = ReportPlacement.METHODOLOGY;
    private String title;

    private Builder(String name, MetricKind kind, List<String> bases) {
      this.name = name;
      this.kind = kind;
      this.bases = bases;
    }

    /** Higher is better. */
    public Builder higherIsBetter() {
      direction = Direction.HIGHER;
      return this;
    }

    /** Lower is better. */
    public Builder lowerIsBetter() {
      direction = Direction.LOWER;
      return this;
    }

    /** The one-line formula. */
    public Builder formula(String f) {
      formula = f;
      return this;
    }

    /** The one-line description, including the interval method. */
    public Builder description(String d) {
      description = d;
      return this;
    }

    /** Where the report shows the metric. */
    public Builder shown(ReportPlacement where) {
      shown = where;
      return this;
    }

    /** Where the report shows the metric, with a display title (for charts). */
    public Builder shown(ReportPlacement where, String displayTitle) {
      shown = where;
      title = displayTitle;
      return this;
    }

    /** The entry; a group disparity derived from the tested metric alone is backed by its test. */
    public MetricInfo build() {
      String test =
          kind == MetricKind.GROUP_VS_REFERENCE && bases.equals(List.of(GROUP_TESTED_METRIC))
              ? GROUP_TESTED_METRIC
              : null;
      return new MetricInfo(
          name,
          kind,
          bases,
          direction,
          formula,
          description,
          test,
          shown,
          title == null ? name : title);
    }
  }
}
