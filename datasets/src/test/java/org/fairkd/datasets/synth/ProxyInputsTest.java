package org.fairkd.datasets.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fairkd.datasets.proxy.BisgProxy;
import org.fairkd.datasets.proxy.GeoLevel;
import org.fairkd.datasets.proxy.GeographyTable;
import org.fairkd.datasets.proxy.Race;
import org.fairkd.datasets.proxy.SurnameTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Surnames and ZIP codes drawn given race, checked by simulation against the tables. */
class ProxyInputsTest {
  private static SurnameTable surnames;
  private static GeographyTable zctas;
  private static ProxyInputs inputs;

  @BeforeAll
  static void load() {
    surnames = SurnameTable.bundled();
    zctas = GeographyTable.bundled(GeoLevel.ZCTA);
    inputs = new ProxyInputs(surnames, zctas);
  }

  private static void assertShare(double expected, long hits, int n, String what) {
    double se = Math.sqrt(expected * (1 - expected) / n);
    assertEquals(expected, hits / (double) n, 4 * se, what);
  }

  @Test
  void drawsFollowTheTablesGivenRace() {
    int n = 200_000;
    String[] races = new String[n];
    Arrays.fill(races, "hispanic");
    String[][] drawn = inputs.draw(races, 11L);
    double hispanicNames = 0;
    for (int row = 0; row < surnames.size(); row++) {
      hispanicNames += surnames.count(row, Race.HISPANIC);
    }
    int garcia = surnames.match("GARCIA");
    long garcias = Arrays.stream(drawn[0]).filter("GARCIA"::equals).count();
    assertShare(surnames.count(garcia, Race.HISPANIC) / hispanicNames, garcias, n, "GARCIA");
    long unlisted =
        Arrays.stream(drawn[0]).filter(s -> surnames.match(s) == surnames.fallbackRow()).count();
    assertShare(
        surnames.count(surnames.fallbackRow(), Race.HISPANIC) / hispanicNames,
        unlisted,
        n,
        "unlisted");
    String zip = "90011"; // a large Hispanic ZCTA in Los Angeles
    long inZip = Arrays.stream(drawn[1]).filter(zip::equals).count();
    assertShare(zctas.geoGivenRace(zctas.find(zip), Race.HISPANIC), inZip, n, zip);
  }

  @Test
  void theProxyRecoversTheDrawnRace() {
    int n = 20_000;
    BisgProxy proxy = new BisgProxy(surnames, zctas);
    for (String group : new String[] {"white", "black", "hispanic", "asian"}) {
      String[] races = new String[n];
      Arrays.fill(races, group);
      String[][] drawn = inputs.draw(races, 5L);
      double[] mean = new double[Race.COUNT];
      double[] p = new double[Race.COUNT];
      for (int i = 0; i < n; i++) {
        proxy.estimate(surnames.match(drawn[0][i]), zctas.find(drawn[1][i]), p);
        for (int k = 0; k < Race.COUNT; k++) {
          mean[k] += p[k] / n;
        }
      }
      int own = (group.equals("asian") ? Race.API : Race.valueOf(group.toUpperCase())).ordinal();
      for (int k = 0; k < Race.COUNT; k++) {
        assertTrue(k == own || mean[own] > mean[k], group + " " + Arrays.toString(mean));
      }
    }
  }

  @Test
  void sameSeedSameDraws() {
    String[] races = {"white", "black", "other", "asian", "hispanic"};
    assertArrayEquals(inputs.draw(races, 3L)[0], inputs.draw(races, 3L)[0]);
    assertArrayEquals(inputs.draw(races, 3L)[1], inputs.draw(races, 3L)[1]);
  }
}
