package org.fairkd.kd.bench;

import java.util.function.IntFunction;
import org.fairkd.kd.teacher.FastTeacher;

/**
 * A {@link FastTeacher} as a {@link RowModel} over raw benchmark rows: each call reads one raw row
 * (and, only when a trained member needs it, encodes it with the dataset encoder — part of the
 * measured path, as for the library teacher).
 */
public final class FastTeacherRows {
  private FastTeacherRows() {}

  /**
   * The row model.
   *
   * @param teacher the fast path
   * @param raw raw benchmark rows in the header order {@code teacher} was bound to
   * @param encode the encoded benchmark row i (called only when {@link
   *     FastTeacher#needsEncodedRow})
   */
  public static RowModel of(FastTeacher teacher, Object[][] raw, IntFunction<float[]> encode) {
    boolean enc = teacher.needsEncodedRow();
    return new RowModel() {
      @Override
      public double scoreOne(int i) {
        return teacher.score(raw[i], enc ? encode.apply(i) : null);
      }

      @Override
      public double[] scoreBatch(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = scoreOne(i);
        }
        return out;
      }
    };
  }
}
