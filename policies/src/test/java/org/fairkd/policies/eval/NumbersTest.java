package org.fairkd.policies.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void estimatesShowThreeSignificantDigits() {
    assertEquals("0.740", Numbers.estimate(0.74));
    assertEquals("0.553", Numbers.estimate(0.55321));
    assertEquals("-0.00400", Numbers.estimate(-0.004));
    assertEquals("1.03", Numbers.estimate(1.0312));
    assertEquals("12.3", Numbers.estimate(12.345));
    assertEquals("1230", Numbers.estimate(1234.5));
    assertEquals("0", Numbers.estimate(0.0));
  }

  @Test
  void neverRoundsOntoADifferentThreshold() {
    assertEquals("0.79996", Numbers.estimate(0.79996, 0.8));
    assertEquals("0.800", Numbers.estimate(0.8, 0.8));
    assertEquals("0.02004", Numbers.estimate(0.02004, 0.02));
    assertEquals("-0.0100", Numbers.estimate(-0.01, -0.01));
  }

  @Test
  void countsAreIntegers() {
    assertEquals("67", Numbers.count(67.0));
    assertEquals("2999", Numbers.count(2999.0));
    assertEquals("13", Numbers.count(12.5));
  }

  @Test
  void thresholdsAndPValues() {
    assertEquals("0.8", Numbers.threshold(0.8));
    assertEquals("-0.01", Numbers.threshold(-0.01));
    assertEquals("95", Numbers.threshold(95.0));
    assertEquals("0.333", Numbers.threshold(1.0 / 3));
    assertEquals("p = 0.002", Numbers.p(0.002));
    assertEquals("p = 0.213", Numbers.p(0.2134));
    assertEquals("p < 0.001", Numbers.p(0.0004));
    assertEquals("p = 0.05", Numbers.p(0.05));
  }
}
