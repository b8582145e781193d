package org.fairkd.report.regulatory;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.report.ReportModel;
import org.fairkd.report.ReportSection;

/**
 * The report's regulatory evidence map: for each framework the audit was mapped to ({@code
 * --frameworks}, recorded in audit.json), every item with its citation and effective date and what
 * in this report evidences it, or why nothing does. Items that rest on an optional audit block
 * (search, reasons, proxy) say when this run lacks it. Left out when no framework was selected.
 */
public final class RegulatorySection implements ReportSection {
  /** The section id. */
  public static final String ID = "regulatory";

  /** The template's model. */
  public record Model(List<Table> frameworks, List<String> notes) {}

  /** One framework's table. */
  public record Table(
      String id,
      String title,
      String version,
      String asOf,
      String jurisdiction,
      String summary,
      List<Row> rows,
      long evidenced,
      long notEvidenced) {}

  /**
   * One item: {@code status} is {@code evidenced}, {@code partly} (some of its evidence is not in
   * this run), {@code not_in_run} or {@code not_evidenced}; {@code sections}, {@code metrics} and
   * {@code blocks} (audit.json blocks this run has) are what evidences it; {@code why} says why
   * not, or what this run lacks.
   */
  public record Row(
      String id,
      String requirement,
      String citation,
      String effective,
      String status,
      List<String> sections,
      List<String> metrics,
      List<String> blocks,
      String why) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Regulatory mapping: what this report evidences, and what it does not";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    if (audit.frameworks().isEmpty()) {
      return null;
    }
    List<Table> tables = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (FrameworkRef ref : audit.frameworks()) {
      Framework f = Frameworks.find(ref.id()).orElse(null);
      if (f == null) {
        notes.add(
            "audit.json names the framework '"
                + ref.id()
                + "' (version "
                + ref.version()
                + "), which this version of fairkd does not bundle.");
        continue;
      }
      if (!f.version().equals(ref.version())) {
        notes.add(
            f.id()
                + ": audit.json records version "
                + ref.version()
                + " (as of "
                + ref.asOf()
                + "); shown is the bundled version "
                + f.version()
                + " (as of "
                + f.asOf()
                + ").");
      }
      tables.add(table(f, audit));
    }
    return new Model(tables, notes);
  }

  private static Table table(Framework f, AuditResult audit) {
    List<Row> rows = new ArrayList<>();
    for (FrameworkItem item : f.items()) {
      rows.add(row(f, item, audit));
    }
    long not = rows.stream().filter(r -> r.status().equals("not_evidenced")).count();
    return new Table(
        f.id(),
        f.title(),
        f.version(),
        f.asOf().toString(),
        f.jurisdiction(),
        f.summary(),
        rows,
        rows.size() - not,
        not);
  }

  private static Row row(Framework f, FrameworkItem item, AuditResult audit) {
    String effective =
        (item.effective().isAfter(f.asOf()) ? "applies from " : "since ") + item.effective();
    if (item.evidence().isEmpty()) {
      return new Row(
          item.id(),
          item.requirement(),
          item.citation(),
          effective,
          "not_evidenced",
          List.of(),
          List.of(),
          List.of(),
          item.notEvidenced());
    }
    List<String> sections = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int present = 0;
    for (EvidenceRef e : item.evidence()) {
      switch (e.kind()) {
        case SECTION -> sections.add(e.name());
        case METRIC -> metrics.add(e.name());
        case AUDIT -> {
          if (hasBlock(audit, e.name())) {
            blocks.add(e.name());
          } else {
            missing.add(absent(e.name()));
            continue;
          }
        }
      }
      present++;
    }
    String status = missing.isEmpty() ? "evidenced" : present == 0 ? "not_in_run" : "partly";
    return new Row(
        item.id(),
        item.requirement(),
        item.citation(),
        effective,
        status,
        sections,
        metrics,
        blocks,
        String.join(" ", missing));
  }

  /** Whether the audit carries the optional block {@code name} (see {@link EvidenceRef}). */
  static boolean hasBlock(AuditResult audit, String name) {
    return switch (name) {
      case "search" -> audit.search() != null;
      case "reasons" -> audit.reasons() != null;
      case "proxy" -> audit.proxy() != null;
      default -> throw new IllegalArgumentException("unknown audit block '" + name + "'");
    };
  }

  private static String absent(String block) {
    return switch (block) {
      case "search" ->
          "This run has no less-discriminatory-alternative search (audit.json has no 'search'"
              + " block): run fairkd search and audit the student it selects.";
      case "reasons" ->
          "This run computed no adverse-action reasons (audit.json has no 'reasons' block).";
      case "proxy" ->
          "Group membership was given, not estimated: no proxy (e.g. BISG) is documented in this"
              + " run.";
      default -> throw new IllegalArgumentException("unknown audit block '" + block + "'");
    };
  }
}
