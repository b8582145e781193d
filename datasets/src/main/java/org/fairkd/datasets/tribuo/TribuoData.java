package org.fairkd.datasets.tribuo;

import java.time.OffsetDateTime;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Tribuo view of encoded rows: one {@link ArrayExample} per row, labels "1"/"0". */
public final class TribuoData {
  /** Label name of the favourable outcome. */
  public static final String FAVOURABLE = "1";

  /** Label name of the unfavourable outcome. */
  public static final String UNFAVOURABLE = "0";

  private TribuoData() {}

  /**
   * Builds a Tribuo dataset from encoded rows.
   *
   * @param x encoded rows (e.g. from {@code FeatureEncoder.transform})
   * @param favourable label per row
   * @param featureNames one unique name per column of {@code x}
   * @param description provenance description
   */
  public static MutableDataset<Label> of(
      float[][] x, boolean[] favourable, List<String> featureNames, String description) {
    if (x.length != favourable.length) {
      throw new IllegalArgumentException(
          "rows: " + x.length + " features vs " + favourable.length + " labels");
    }
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> ds =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(description, OffsetDateTime.now(), factory), factory);
    String[] names = featureNames.toArray(String[]::new);
    Label fav = new Label(FAVOURABLE);
    Label unfav = new Label(UNFAVOURABLE);
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != names.length) {
        throw new IllegalArgumentException(
            "row " + i + " has " + x[i].length + " values, expected " + names.length);
      }
      double[] values = new double[names.length];
      for (int j = 0; j < values.length; j++) {
        values[j] = x[i][j];
      }
      ds.add(new ArrayExample<>(favourable[i] ? fav : unfav, names, values));
    }
    return ds;
  }
}
