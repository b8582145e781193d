package org.fairkd.datasets.describe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;

/**
 * What {@code fairkd data describe} reports, as a Jackson record. Group counts use each row's hard
 * group (the argmax for soft attributes); rows with a missing group are counted under {@code
 * missing_group} only. The favourable rate of a group is favourable rows / rows in the group.
 *
 * @param name dataset name
 * @param rows all rows
 * @param testRows rows from a separate test file
 * @param label label column and favourable values
 * @param labelCounts favourable and unfavourable rows
 * @param columns every column with its type, role and missing count
 * @param missing missing values per column (columns with none included)
 * @param groups attribute to group to rows
 * @param missingGroup attribute to rows without a group
 * @param reference attribute to its reference group
 * @param favourableRate attribute to group to favourable rate
 * @param intersections "a &amp; b" to "ga &amp; gb" to rows, for each pair of attributes
 * @param softTotals soft attributes only: attribute to group to the sum of memberships (the
 *     expected number of rows in the group)
 * @param unnamedColumns columns whose header field was empty, under their generated names
 * @param notes sentences about columns the loader named or left out (one per unnamed column)
 */
@JsonPropertyOrder({
  "name",
  "rows",
  "test_rows",
  "label",
  "label_counts",
  "groups",
  "missing_group",
  "reference",
  "favourable_rate",
  "intersections",
  "soft_totals",
  "columns",
  "missing",
  "unnamed_columns",
  "notes"
})
public record DatasetSummary(
    String name,
    int rows,
    @JsonProperty("test_rows") int testRows,
    DatasetSpec.Label label,
    @JsonProperty("label_counts") LabelCounts labelCounts,
    List<ColumnInfo> columns,
    Map<String, Integer> missing,
    Map<String, Map<String, Integer>> groups,
    @JsonProperty("missing_group") Map<String, Integer> missingGroup,
    Map<String, String> reference,
    @JsonProperty("favourable_rate") Map<String, Map<String, Double>> favourableRate,
    Map<String, Map<String, Integer>> intersections,
    @JsonProperty("soft_totals") Map<String, Map<String, Double>> softTotals,
    @JsonProperty("unnamed_columns") List<String> unnamedColumns,
    List<String> notes) {

  /**
   * Label balance.
   *
   * @param favourable rows with the favourable outcome
   * @param unfavourable the other rows
   */
  public record LabelCounts(int favourable, int unfavourable) {}

  /**
   * One column.
   *
   * @param name column name
   * @param type numeric or categorical
   * @param role feature, label, protected (source of a protected attribute), row_id or unused
   * @param missing missing values
   * @param distinct distinct non-missing values (categorical only)
   */
  public record ColumnInfo(String name, String type, String role, int missing, Integer distinct) {}

  /** Summarises {@code d}. */
  public static DatasetSummary of(TabularDataset d) {
    int fav = d.favourableCount();
    DatasetSpec spec = d.spec();
    List<String> features = d.features().stream().map(FeatureColumn::name).toList();
    List<String> sources = new ArrayList<>();
    for (DatasetSpec.Protected p : spec.protectedAttributes()) {
      if (p.column() != null) {
        sources.add(p.column());
      } else {
        sources.addAll(p.soft().values());
      }
    }
    List<ColumnInfo> columns = new ArrayList<>();
    Map<String, Integer> missing = new LinkedHashMap<>();
    for (FeatureColumn c : d.columns()) {
      String role =
          c.name().equals(spec.label().column())
              ? "label"
              : features.contains(c.name())
                  ? (sources.contains(c.name()) ? "feature, protected" : "feature")
                  : sources.contains(c.name())
                      ? "protected"
                      : c.name().equals(spec.rowId()) ? "row_id" : "unused";
      int m = c.missingCount();
      Integer distinct =
          c instanceof org.fairkd.datasets.CategoricalColumn cat
              ? (int)
                  java.util.Arrays.stream(cat.values()).filter(v -> v != null).distinct().count()
              : null;
      columns.add(new ColumnInfo(c.name(), c.type(), role, m, distinct));
      missing.put(c.name(), m);
    }
    Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
    Map<String, Integer> missingGroup = new LinkedHashMap<>();
    Map<String, String> reference = new LinkedHashMap<>();
    Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
    Map<String, Map<String, Double>> softTotals = new LinkedHashMap<>();
    for (ProtectedAttribute a : d.protectedAttributes()) {
      if (a.soft()) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (int g = 0; g < a.groups().size(); g++) {
          double sum = 0;
          for (int r = 0; r < d.rowCount(); r++) {
            sum += a.membership(r, g);
          }
          totals.put(a.groups().get(g), sum);
        }
        softTotals.put(a.name(), totals);
      }
      int[] counts = a.hardCounts();
      int[] favCounts = new int[counts.length];
      int none = 0;
      for (int r = 0; r < d.rowCount(); r++) {
        int g = a.hardGroup(r);
        if (g < 0) {
          none++;
        } else if (d.favourable(r)) {
          favCounts[g]++;
        }
      }
      Map<String, Integer> gc = new LinkedHashMap<>();
      Map<String, Double> gr = new LinkedHashMap<>();
      for (int g = 0; g < counts.length; g++) {
        gc.put(a.groups().get(g), counts[g]);
        gr.put(a.groups().get(g), counts[g] == 0 ? null : favCounts[g] / (double) counts[g]);
      }
      groups.put(a.name(), gc);
      missingGroup.put(a.name(), none);
      reference.put(a.name(), a.reference());
      rates.put(a.name(), gr);
    }
    return new DatasetSummary(
        d.name(),
        d.rowCount(),
        d.presetTestRows().length,
        spec.label(),
        new LabelCounts(fav, d.rowCount() - fav),
        columns,
        missing,
        groups,
        missingGroup,
        reference,
        rates,
        intersections(d.protectedAttributes()),
        softTotals,
        d.unnamedColumns(),
        unnamedColumnNotes(d));
  }

  /**
   * One sentence per column whose header field was empty, e.g. {@code data.csv: column 1 has an
   * empty header field: named column_1, not a feature unless the spec lists it under 'features'}.
   */
  public static List<String> unnamedColumnNotes(TabularDataset d) {
    String file = d.sourceFiles().isEmpty() ? d.name() : d.sourceFiles().get(0).getFileName() + "";
    List<String> names = d.columns().stream().map(FeatureColumn::name).toList();
    List<String> features = d.features().stream().map(FeatureColumn::name).toList();
    List<String> out = new ArrayList<>();
    for (String c : d.unnamedColumns()) {
      out.add(
          file
              + ": column "
              + (names.indexOf(c) + 1)
              + " has an empty header field: named "
              + c
              + (features.contains(c)
                  ? ", a feature (the spec lists it under 'features')"
                  : ", not a feature unless the spec lists it under 'features'"));
    }
    return out;
  }

  private static Map<String, Map<String, Integer>> intersections(List<ProtectedAttribute> attrs) {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (int i = 0; i < attrs.size(); i++) {
      for (int j = i + 1; j < attrs.size(); j++) {
        ProtectedAttribute a = attrs.get(i);
        ProtectedAttribute b = attrs.get(j);
        int nb = b.groups().size();
        int[] counts = new int[a.groups().size() * nb];
        for (int r = 0; r < a.size(); r++) {
          if (a.hardGroup(r) >= 0 && b.hardGroup(r) >= 0) {
            counts[a.hardGroup(r) * nb + b.hardGroup(r)]++;
          }
        }
        Map<String, Integer> cell = new LinkedHashMap<>();
        for (int k = 0; k < counts.length; k++) {
          cell.put(a.groups().get(k / nb) + " & " + b.groups().get(k % nb), counts[k]);
        }
        out.put(a.name() + " & " + b.name(), cell);
      }
    }
    return out;
  }
}
