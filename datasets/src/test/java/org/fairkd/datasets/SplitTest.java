package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.fairkd.datasets.synth.SyntheticLending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stratified splits: partition, reproducibility, strata proportions, preset test rows. */
class SplitTest {
  private static final TabularDataset D =
      SyntheticLending.generate(5_000, 3, SyntheticLending.Config.defaults());

  @Test
  void isAPartitionAndReproducible() {
    Split a = Split.stratified(D, 0.15, 0.2, 99);
    Split b = Split.stratified(D, 0.15, 0.2, 99);
    assertArrayEquals(a.train(), b.train());
    assertArrayEquals(a.validation(), b.validation());
    assertArrayEquals(a.test(), b.test());
    int[] all =
        IntStream.concat(
                IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.validation())),
                Arrays.stream(a.test()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, D.rowCount()).toArray(), all);
    assertFalse(Arrays.equals(a.test(), Split.stratified(D, 0.15, 0.2, 100).test()));
    assertEquals(0.2, a.test().length / (double) D.rowCount(), 0.002);
  }

  @Test
  void strataKeepTheirShareInEveryPart() {
    Split s = Split.stratified(D, 0.2, 0.2, 5);
    ProtectedAttribute sex = D.protectedAttributes().get(0);
    for (int g = 0; g < sex.groups().size(); g++) {
      for (boolean fav : new boolean[] {true, false}) {
        int total = count(IntStream.range(0, D.rowCount()).toArray(), sex, g, fav);
        int test = count(s.test(), sex, g, fav);
        int val = count(s.validation(), sex, g, fav);
        assertEquals(Math.round(total * 0.2), test);
        assertTrue(Math.abs(val - total * 0.2) <= 1, "validation of stratum " + g + "/" + fav);
      }
    }
  }

  private static int count(int[] rows, ProtectedAttribute a, int g, boolean fav) {
    int n = 0;
    for (int r : rows) {
      n += a.hardGroup(r) == g && D.favourable(r) == fav ? 1 : 0;
    }
    return n;
  }

  @Test
  void presetTestRowsAreTheTestSet(@TempDir Path dir) throws Exception {
    String spec =
        """
        data: a.csv
        test_data: b.csv
        label: {column: y, favourable: ["1"]}
        protected: [{name: g, column: g, reference: u}]
        """;
    StringBuilder a = new StringBuilder("x,g,y\n");
    for (int i = 0; i < 100; i++) {
      a.append(i).append(',').append(i % 2 == 0 ? "u" : "v").append(',').append(i % 3 == 0 ? 1 : 0);
      a.append('\n');
    }
    Files.writeString(dir.resolve("a.csv"), a);
    Files.writeString(dir.resolve("b.csv"), "x,g,y\n1,u,1\n2,v,0\n3,u,0\n");
    Files.writeString(dir.resolve("s.yaml"), spec);
    TabularDataset d = Datasets.loadSpec(dir.resolve("s.yaml"));
    Split s = Split.stratified(d, 0.25, 0.3, 1);
    assertArrayEquals(new int[] {100, 101, 102}, s.test());
    assertEquals(100, s.train().length + s.validation().length);
    assertEquals(25, s.validation().length, 2);
  }
}
