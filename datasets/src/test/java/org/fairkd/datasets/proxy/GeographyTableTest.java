package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bundled geography tables after the CFPB's reallocation: the national totals of
 * ../shared/bisg/README.md, no negative counts, P(race | geo) summing to 1 in every populated
 * geography and P(geo | race) summing to 1 over geographies for every race.
 */
class GeographyTableTest {

  @Test
  void zctaNationalTotalsEqualTheCfpbDerivation() {
    GeographyTable t = GeographyTable.bundled(GeoLevel.ZCTA);
    assertEquals(32_989, t.size());
    assertEquals(234_559_085, t.nationalTotal(), 1e-6);
    assertEquals(157_449_052.97, t.nationalCount(Race.WHITE), 0.005);
    assertEquals(27_459_300.59, t.nationalCount(Race.BLACK), 0.005);
    assertEquals(1_608_521.64, t.nationalCount(Race.AIAN), 0.005);
    assertEquals(11_899_712.93, t.nationalCount(Race.API), 0.005);
    assertEquals(2_797_491.88, t.nationalCount(Race.MULTI), 0.005);
    assertEquals(33_345_005, t.nationalCount(Race.HISPANIC), 1e-6);
  }

  @Test
  void zctaProbabilitiesAreDistributions() {
    checkDistributions(GeographyTable.bundled(GeoLevel.ZCTA));
  }

  @Test
  void tractProbabilitiesAreDistributions() {
    GeographyTable t = GeographyTable.bundled(GeoLevel.TRACT);
    assertEquals(73_057, t.size()); // 74,002 tracts less 945 in Puerto Rico
    checkDistributions(t);
  }

  private static void checkDistributions(GeographyTable t) {
    double[] geoGivenRace = new double[Race.COUNT];
    int populated = 0;
    for (int g = 0; g < t.size(); g++) {
      for (Race r : Race.values()) {
        assertTrue(t.count(g, r) >= 0, t.level() + " row " + g + " " + r + " negative");
      }
    }
    for (int row = 0; row < t.size(); row++) {
      String id = t.id(row);
      int g = t.find(id);
      if (g == GeographyTable.NOT_FOUND) {
        continue;
      }
      populated++;
      double sum = 0;
      for (Race r : Race.values()) {
        sum += t.raceGivenGeo(g, r);
        geoGivenRace[r.ordinal()] += t.geoGivenRace(g, r);
      }
      assertEquals(1.0, sum, 1e-9, t.level() + " " + id);
    }
    assertTrue(populated > 0.95 * t.size(), "populated " + populated + " of " + t.size());
    for (Race r : Race.values()) {
      assertEquals(1.0, geoGivenRace[r.ordinal()], 1e-9, t.level() + " Σ P(geo | " + r + ")");
    }
  }
}
