package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Surname cleaning as the CFPB does it, and P(race | surname) from the bundled Census list. */
class SurnameTest {
  private static SurnameTable table;

  @BeforeAll
  static void load() {
    table = SurnameTable.bundled();
  }

  @Test
  void cleaning() {
    assertEquals(List.of("SMITH"), SurnameCleaner.candidates("  smith jr. "));
    assertEquals(List.of("SMITH"), SurnameCleaner.candidates("Smith, III"));
    assertEquals(List.of("SMITH"), SurnameCleaner.candidates("J Smith PhD"));
    assertEquals(List.of("OLEARY"), SurnameCleaner.candidates("O'Leary"));
    assertEquals(List.of("OCONNOR"), SurnameCleaner.candidates("O Connor"));
    assertEquals(List.of("DELACRUZ"), SurnameCleaner.candidates("de la Cruz"));
    assertEquals(List.of("GARCIA", "LOPEZ"), SurnameCleaner.candidates("García-López"));
    assertEquals(List.of("GARCIA", "LOPEZ"), SurnameCleaner.candidates("Garcia - Lopez - Diaz"));
    assertEquals(List.of("MCDONALD"), SurnameCleaner.candidates("McDonald2"));
    assertEquals(List.of(), SurnameCleaner.candidates("O"));
    assertEquals(List.of(), SurnameCleaner.candidates("Jr."));
    assertEquals(List.of(), SurnameCleaner.candidates(""));
    assertEquals(List.of(), SurnameCleaner.candidates(null));
  }

  @Test
  void listedNameHasItsCensusShares() {
    // SMITH,2442977,1732243,564628,12216,21744,53506,58637 (white, black, api, aian, 2prace, hisp)
    double sum = 1732243 + 564628 + 12216 + 21744 + 53506 + 58637;
    int row = table.match("Smith Jr");
    assertEquals(1732243 / sum, table.probability(row, Race.WHITE), 1e-15);
    assertEquals(564628 / sum, table.probability(row, Race.BLACK), 1e-15);
    assertEquals(12216 / sum, table.probability(row, Race.API), 1e-15);
    assertEquals(21744 / sum, table.probability(row, Race.AIAN), 1e-15);
    assertEquals(53506 / sum, table.probability(row, Race.MULTI), 1e-15);
    assertEquals(58637 / sum, table.probability(row, Race.HISPANIC), 1e-15);
    assertEquals(162_254, table.size());
  }

  @Test
  void unlistedNamesFallBackAndHyphenatedNamesTryTheSecondPart() {
    int other = table.fallbackRow();
    // ALL OTHER NAMES,29312001,19536448,2500313,2336166,252083,680038,4006950
    double sum = 19536448 + 2500313 + 2336166 + 252083 + 680038 + 4006950;
    assertEquals(4006950 / sum, table.probability(other, Race.HISPANIC), 1e-15);
    assertEquals(other, table.match("Qzxwvut"));
    assertEquals(table.match("LOPEZ"), table.match("Qzxwvut-Lopez"));
    assertEquals(table.match("GARCIA"), table.match("Garcia-Lopez"));
    assertNotEquals(table.match("GARCIA"), table.match("LOPEZ"));
    assertEquals(SurnameTable.NO_SURNAME, table.match(" , . "));
  }
}
