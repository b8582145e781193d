package org.fairkd.kd.teacher;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * One trained member: its spec, the Tribuo model and, for members that need non-negative features,
 * the per-feature training minima subtracted before scoring (else null).
 */
record TeacherMember(MemberSpec spec, Model<Label> model, float[] offsets) {

  /** Trains one member on the given training rows. */
  static TeacherMember train(
      MemberSpec spec, TribuoRows rows, float[][] x, boolean[] y, int[] trainRows, long seed) {
    float[] offsets =
        spec.type().needsNonNegativeFeatures()
            ? TribuoRows.minima(x, trainRows, rows.width())
            : null;
    Model<Label> model =
        spec.type().trainer(spec.params(), seed).train(rows.dataset(x, y, trainRows, offsets));
    return new TeacherMember(spec, model, offsets);
  }

  /** P(favourable) per row. */
  double[] predict(TribuoRows rows, float[][] x) {
    return rows.predict(model, x, offsets);
  }
}
