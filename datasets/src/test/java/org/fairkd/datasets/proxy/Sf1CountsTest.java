package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The CFPB reallocation on hand-worked rows. */
class Sf1CountsTest {
  // total, hisp, nonHisp, W, B, AIAN, API, other, mult, W_o, B_o, AIAN_o, AsianHPI, API_o, AsHPI_o
  @Test
  void combinationsMoveToTheirGroupAndOtherIsSplitInProportion() {
    // Step 2: white 60+2=62, black 20+1=21, aian 5, api 8+1+1+1=11, mult 10-6=4 → NH 103, other 7.
    Sf1Counts c = Sf1Counts.of(new double[] {160, 50, 110, 60, 20, 5, 8, 7, 10, 2, 1, 0, 1, 1, 1});
    double f = 7.0 / 103;
    // Race order: white, black, hispanic, api, aian, multi
    assertArrayEquals(
        new double[] {62 + 62 * f, 21 + 21 * f, 50, 11 + 11 * f, 5 + 5 * f, 4 + 4 * f},
        c.reallocated(),
        1e-12);
  }

  @Test
  void allOtherNonHispanicsAreSplitEqually() {
    Sf1Counts c = Sf1Counts.of(new double[] {15, 5, 10, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0});
    assertArrayEquals(new double[] {2, 2, 5, 2, 2, 2}, c.reallocated(), 0);
  }

  @Test
  void emptyGeographyHasZeroCounts() {
    Sf1Counts c = Sf1Counts.of(new double[15]);
    assertArrayEquals(new double[6], c.reallocated(), 0);
  }

  @Test
  void inconsistentRowIsRefused() {
    Sf1Counts c = Sf1Counts.of(new double[] {100, 0, 100, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThrows(IllegalStateException.class, c::reallocated);
  }
}
