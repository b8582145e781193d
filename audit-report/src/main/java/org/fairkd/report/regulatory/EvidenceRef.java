package org.fairkd.report.regulatory;

import java.util.List;
import java.util.Locale;

/**
 * What evidences a framework item: a report section ({@code section:gate}), a registry metric
 * ({@code metric:adverse_impact_ratio}) or an optional audit block that only some runs have ({@code
 * audit:search}, {@code audit:reasons}, {@code audit:proxy}).
 *
 * @param kind section, metric or audit block
 * @param name the section id, metric name or block name
 */
public record EvidenceRef(Kind kind, String name) {

  /** What the reference names. */
  public enum Kind {
    /** A report section id (ReportSections). */
    SECTION,
    /** A metric name of the fairness MetricRegistry. */
    METRIC,
    /** An optional block of audit.json, present only when the run produced it. */
    AUDIT;

    /** The prefix in a framework file. */
    public String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The optional audit blocks a framework may point at. */
  public static final List<String> AUDIT_BLOCKS = List.of("search", "reasons", "proxy");

  /**
   * Parses {@code kind:name}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static EvidenceRef parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "' is not section:ID, metric:NAME or audit:BLOCK");
    }
    String prefix = text.substring(0, colon).strip();
    String name = text.substring(colon + 1).strip();
    for (Kind k : Kind.values()) {
      if (k.prefix().equals(prefix)) {
        if (k == Kind.AUDIT && !AUDIT_BLOCKS.contains(name)) {
          throw new IllegalArgumentException(
              "'" + text + "': unknown audit block (" + String.join(", ", AUDIT_BLOCKS) + ")");
        }
        return new EvidenceRef(k, name);
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "': unknown kind '" + prefix + "' (section, metric, audit)");
  }

  /** The reference as a framework file writes it. */
  @Override
  public String toString() {
    return kind.prefix() + ":" + name;
  }
}
