package org.fairkd.kd.pipeline;

import java.util.List;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;

/**
 * Raw rows as a caller would hand them to a scorer: one {@code Object[]} per row with a {@link
 * Double} (NaN = missing) for numeric columns and a {@link String} (null = missing) for categorical
 * ones, in the order of {@link #header}.
 *
 * @param header column names
 * @param rows the raw values
 */
public record RawRows(List<String> header, Object[][] rows) {

  /** The feature columns of {@code rows} of a dataset. */
  public static RawRows of(TabularDataset d, int[] rows) {
    List<FeatureColumn> cols = d.features();
    Object[][] out = new Object[rows.length][cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      FeatureColumn col = cols.get(c);
      for (int i = 0; i < rows.length; i++) {
        if (col instanceof NumericColumn n) {
          out[i][c] = n.values()[rows[i]];
        } else if (col instanceof CategoricalColumn k) {
          out[i][c] = k.values()[rows[i]];
        }
      }
    }
    return new RawRows(cols.stream().map(FeatureColumn::name).toList(), out);
  }
}
