package org.fairkd.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The analysed rows per value of columns that are counted, not analysed ({@code
 * TableEngine.Request.counted}, e.g. a proxy's evidence column): one light pass over the split
 * column and those columns, restricted to the split as the analysis is ({@link RowCodec#selected}).
 */
final class ValueCounts {
  private ValueCounts() {}

  /**
   * Per requested column the table has (in the requested order), its values (stripped, missing as
   * "") in sorted order with their rows; empty when none is requested or present.
   *
   * @param split the split column, or null for every row
   * @param splitValue the split's value whose rows are analysed
   */
  static Map<String, Map<String, Long>> of(
      Dataset<Row> table, String split, String splitValue, List<String> counted) {
    List<String> have = Arrays.asList(table.columns());
    List<String> present = counted.stream().filter(have::contains).distinct().toList();
    if (present.isEmpty()) {
      return Map.of();
    }
    List<Column> cols = new ArrayList<>();
    if (split != null) {
      cols.add(functions.col(split).cast("string"));
    }
    present.forEach(c -> cols.add(functions.col(c).cast("string")));
    int from = split != null ? 1 : 0;
    int k = present.size();
    ArrayList<HashMap<String, Long>> all =
        table
            .select(cols.toArray(new Column[0]))
            .javaRDD()
            .mapPartitions(
                (Iterator<Row> it) -> {
                  ArrayList<HashMap<String, Long>> n = new ArrayList<>();
                  for (int c = 0; c < k; c++) {
                    n.add(new HashMap<>());
                  }
                  while (it.hasNext()) {
                    Row row = it.next();
                    if (from == 1 && !RowCodec.inSplit(row, 0, splitValue)) {
                      continue;
                    }
                    for (int c = 0; c < k; c++) {
                      n.get(c).merge(RowCodec.cell(row, from + c), 1L, Long::sum);
                    }
                  }
                  return Collections.singletonList(n).iterator();
                })
            .treeReduce(ValueCounts::merge);
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (int c = 0; c < k; c++) {
      out.put(present.get(c), Collections.unmodifiableMap(new TreeMap<>(all.get(c))));
    }
    return Collections.unmodifiableMap(out);
  }

  private static ArrayList<HashMap<String, Long>> merge(
      ArrayList<HashMap<String, Long>> a, ArrayList<HashMap<String, Long>> b) {
    for (int c = 0; c < a.size(); c++) {
      HashMap<String, Long> into = a.get(c);
      b.get(c).forEach((v, n) -> into.merge(v, n, Long::sum));
    }
    return a;
  }
}
