package org.fairkd.datasets.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link DatasetSummary} as readable plain-text tables. */
public final class SummaryText {
  private SummaryText() {}

  /** The text form of {@code s}, ending in a newline. */
  public static String render(DatasetSummary s) {
    StringBuilder out = new StringBuilder();
    out.append("Dataset ").append(s.name()).append(": ").append(s.rows()).append(" rows");
    if (s.testRows() > 0) {
      out.append(" (").append(s.rows() - s.testRows()).append(" train + ");
      out.append(s.testRows()).append(" preset test)");
    }
    out.append(", ").append(s.columns().size()).append(" columns\n\n");
    int n = s.rows();
    out.append("Label ")
        .append(s.label().column())
        .append(" (favourable: ")
        .append(String.join(", ", s.label().favourable()))
        .append(")\n");
    table(
        out,
        List.of("outcome", "rows", "share"),
        List.of(
            row("favourable", s.labelCounts().favourable(), n),
            row("unfavourable", s.labelCounts().unfavourable(), n)));
    for (Map.Entry<String, Map<String, Integer>> a : s.groups().entrySet()) {
      Map<String, Double> soft = s.softTotals().get(a.getKey());
      out.append("\nProtected attribute ").append(a.getKey());
      out.append(" (reference: ").append(s.reference().get(a.getKey()));
      out.append(soft == null ? ")\n" : "; soft membership, rows by largest membership)\n");
      List<List<String>> rows = new ArrayList<>();
      for (Map.Entry<String, Integer> g : a.getValue().entrySet()) {
        Double rate = s.favourableRate().get(a.getKey()).get(g.getKey());
        List<String> r = new ArrayList<>(row(g.getKey(), g.getValue(), n));
        r.add(rate == null ? "-" : pct(rate));
        if (soft != null) {
          r.add(String.format(Locale.ROOT, "%.1f", soft.get(g.getKey())));
        }
        rows.add(r);
      }
      int missing = s.missingGroup().get(a.getKey());
      if (missing > 0) {
        List<String> r =
            new ArrayList<>(
                List.of("(missing)", Integer.toString(missing), pct(missing / (double) n), "-"));
        if (soft != null) {
          r.add("-");
        }
        rows.add(r);
      }
      List<String> header = new ArrayList<>(List.of("group", "rows", "share", "favourable"));
      if (soft != null) {
        header.add("expected rows");
      }
      table(out, header, rows);
    }
    for (Map.Entry<String, Map<String, Integer>> x : s.intersections().entrySet()) {
      out.append("\nIntersection ").append(x.getKey()).append('\n');
      List<List<String>> rows = new ArrayList<>();
      x.getValue().forEach((k, v) -> rows.add(row(k, v, n)));
      table(out, List.of("groups", "rows", "share"), rows);
    }
    out.append("\nColumns\n");
    List<List<String>> rows = new ArrayList<>();
    for (DatasetSummary.ColumnInfo c : s.columns()) {
      rows.add(
          List.of(
              c.name(),
              c.type(),
              c.role(),
              Integer.toString(c.missing()),
              c.distinct() == null ? "" : Integer.toString(c.distinct())));
    }
    table(out, List.of("column", "type", "role", "missing", "distinct"), rows);
    for (String note : s.notes()) {
      out.append("Note: ").append(note).append('\n');
    }
    return out.toString();
  }

  private static List<String> row(String name, int count, int total) {
    return List.of(name, Integer.toString(count), pct(count / (double) total));
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    line(out, header, w);
    List<String> rule = new ArrayList<>();
    for (int width : w) {
      rule.add("-".repeat(width));
    }
    line(out, rule, w);
    rows.forEach(r -> line(out, r, w));
  }

  private static void line(StringBuilder out, List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      boolean right = i > 0 && !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.equals("-"));
      String pad = " ".repeat(w[i] - c.length());
      sb.append(right ? pad + c : c + pad).append(i + 1 < cells.size() ? "  " : "");
    }
    out.append(sb.toString().stripTrailing()).append('\n');
  }
}
