package org.fairkd.kd.pipeline;

import java.util.List;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.DistillationException;

/**
 * Stage 1 of {@link Distiller}: the seeded stratified split, the encoder fitted on the training
 * rows, and each split's encoded features, labels and (for a penalised student) group membership.
 *
 * @param data the dataset
 * @param split the row indexes of each split
 * @param encoder the encoder fitted on the training rows
 * @param train the training split
 * @param validation the validation split
 * @param test the test split
 * @param attribute the attribute the penalty uses and fairness is reported on; null without one
 */
record EncodedSplits(
    TabularDataset data,
    Split split,
    FeatureEncoder encoder,
    Part train,
    Part validation,
    Part test,
    ProtectedAttribute attribute) {

  /**
   * One split, encoded.
   *
   * @param rows dataset row indexes
   * @param x encoded features
   * @param y labels (true = favourable)
   * @param membership group membership per row on the penalty attribute, or null (no penalty)
   */
  record Part(int[] rows, float[][] x, boolean[] y, double[][] membership) {}

  static EncodedSplits of(TabularDataset data, DistillConfig cfg, long seed) {
    ProtectedAttribute attr = penaltyAttribute(data, cfg);
    boolean penalised = cfg.settings().lambda() > 0;
    Split split = Split.stratified(data, cfg.validationFraction(), cfg.testFraction(), seed);
    FeatureEncoder enc = FeatureEncoder.fit(data, split.train());
    ProtectedAttribute memberOf = penalised ? attr : null;
    return new EncodedSplits(
        data,
        split,
        enc,
        part(data, enc, split.train(), memberOf),
        part(data, enc, split.validation(), memberOf),
        part(data, enc, split.test(), null),
        attr);
  }

  /**
   * These splits with the training and validation membership of {@code a}, whatever the configured
   * lambda (for {@link PreparedDistillation}, whose candidates may be penalised on it).
   */
  EncodedSplits withMembership(ProtectedAttribute a) {
    return new EncodedSplits(
        data,
        split,
        encoder,
        new Part(train.rows(), train.x(), train.y(), membership(a, train.rows())),
        new Part(
            validation.rows(), validation.x(), validation.y(), membership(a, validation.rows())),
        test,
        a);
  }

  private static Part part(
      TabularDataset data, FeatureEncoder enc, int[] rows, ProtectedAttribute memberOf) {
    return new Part(
        rows,
        enc.transform(data, rows),
        labels(data, rows),
        memberOf == null ? null : membership(memberOf, rows));
  }

  /** The attribute the penalty uses (and fairness is reported on); null when there is none. */
  static ProtectedAttribute penaltyAttribute(TabularDataset data, DistillConfig cfg) {
    List<ProtectedAttribute> attrs = data.protectedAttributes();
    String wanted = cfg.penaltyAttribute();
    if (wanted != null) {
      return attrs.stream()
          .filter(a -> a.name().equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new DistillationException(
                      cfg.source()
                          + ": key 'student.penalty_attribute': unknown protected attribute '"
                          + wanted
                          + "' (dataset "
                          + data.name()
                          + " has: "
                          + String.join(", ", attrs.stream().map(ProtectedAttribute::name).toList())
                          + ")"));
    }
    if (attrs.isEmpty()) {
      if (cfg.settings().lambda() > 0) {
        throw new DistillationException(
            cfg.source()
                + ": key 'student.lambda': a fairness penalty needs a protected attribute, and dataset "
                + data.name()
                + " declares none");
      }
      return null;
    }
    return attrs.get(0);
  }

  static double[][] membership(ProtectedAttribute a, int[] rows) {
    int g = a.groups().size();
    double[][] m = new double[rows.length][g];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < g; k++) {
        m[i][k] = a.membership(rows[i], k);
      }
    }
    return m;
  }

  static boolean[] labels(TabularDataset d, int[] rows) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = d.favourable(rows[i]);
    }
    return y;
  }

  /**
   * Every dataset row encoded, in row order, sharing the splits' encoded rows (no second copy of
   * the data); a row outside the three splits is encoded here.
   */
  float[][] allEncoded() {
    float[][] out = new float[data.rowCount()][];
    for (Part p : new Part[] {train, validation, test}) {
      for (int i = 0; i < p.rows().length; i++) {
        out[p.rows()[i]] = p.x()[i];
      }
    }
    for (int r = 0; r < out.length; r++) {
      if (out[r] == null) {
        out[r] = encoder.transform(data, new int[] {r})[0];
      }
    }
    return out;
  }

  static int[] allRows(TabularDataset d) {
    int[] a = new int[d.rowCount()];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }
}
