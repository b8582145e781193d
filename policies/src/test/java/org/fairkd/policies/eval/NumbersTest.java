package org.fairkd.policies.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void twoDecimalsOrTwoSignificantDigits() {
    assertEquals("0.74", Numbers.fmt(0.74));
    assertEquals("0.80", Numbers.fmt(0.8));
    assertEquals("-0.0040", Numbers.fmt(-0.004));
    assertEquals("0.070", Numbers.fmt(0.07));
    assertEquals("12.35", Numbers.fmt(12.345));
    assertEquals("0.00", Numbers.fmt(0.0));
  }

  @Test
  void neverRoundsOntoADifferentThreshold() {
    assertEquals("0.7995", Numbers.fmt(0.7995, 0.8));
    assertEquals("0.80", Numbers.fmt(0.8, 0.8));
    assertEquals("0.0201", Numbers.fmt(0.0201, 3, 0.02));
  }

  @Test
  void thresholdsAndPValues() {
    assertEquals("0.8", Numbers.threshold(0.8));
    assertEquals("-0.01", Numbers.threshold(-0.01));
    assertEquals("95", Numbers.threshold(95.0));
    assertEquals("p = 0.002", Numbers.p(0.002));
    assertEquals("p = 0.21", Numbers.p(0.2134));
    assertEquals("p < 0.001", Numbers.p(0.0004));
    assertEquals("p = 0.05", Numbers.p(0.05));
  }
}
