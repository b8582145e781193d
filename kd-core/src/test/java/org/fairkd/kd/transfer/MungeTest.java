package org.fairkd.kd.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.junit.jupiter.api.Test;

class MungeTest {
  static final EncoderSpec SPEC =
      new EncoderSpec(
          List.of(
              new EncoderSpec.Column("a", "numeric", 0.0, 1.0, false, null),
              new EncoderSpec.Column("c", "categorical", null, null, null, List.of("x", "y"))));

  @Test
  void keepsOneHotBlocksValidAndValuesNearTheData() {
    float[][] x = new float[200][];
    for (int i = 0; i < x.length; i++) {
      boolean y = i % 2 == 0;
      x[i] = new float[] {i / 100f, y ? 0f : 1f, y ? 1f : 0f, 0f};
    }
    Munge.TransferSet t = new Munge(0.5, 2.0, 1.5, 50).generate(x, SPEC, 4);
    assertEquals(300, t.x().length);
    for (int i = 0; i < t.x().length; i++) {
      float[] r = t.x()[i];
      assertEquals(1f, r[1] + r[2] + r[3], 0f, "one hot slot per categorical block");
      assertTrue(r[0] > -0.5 && r[0] < 2.5, "numeric value stays near the data: " + r[0]);
      assertTrue(t.origin()[i] >= 0 && t.origin()[i] < 200);
    }
    int changed = 0;
    for (int i = 0; i < 200; i++) {
      if (t.x()[i][0] != x[i][0]) {
        changed++;
      }
    }
    assertTrue(changed > 50 && changed < 150, "about half the numeric values move: " + changed);
    Munge.TransferSet again = new Munge(0.5, 2.0, 1.5, 50).generate(x, SPEC, 4);
    assertArrayEquals(t.x()[123], again.x()[123], "seeded");
  }
}
