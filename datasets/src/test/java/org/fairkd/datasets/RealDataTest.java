package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four real data sets against the counts in ../shared/datasets/README.md. */
class RealDataTest {
  private static Path dir;

  @BeforeAll
  static void dataDir() {
    dir = Path.of(System.getProperty("fairkd.data.dir", "../../shared/datasets"));
  }

  private static TabularDataset load(String name) {
    Assumptions.assumeTrue(
        Files.isDirectory(dir), dir + " (../shared/datasets) not found: skipping real-data test");
    return Datasets.load(name, dir);
  }

  private static int count(ProtectedAttribute a, String group) {
    return a.hardCounts()[a.groups().indexOf(group)];
  }

  @Test
  void germanCredit() {
    TabularDataset d = load("german-credit");
    assertEquals(1000, d.rowCount());
    assertEquals(700, d.favourableCount());
    ProtectedAttribute sex = d.protectedAttribute("sex").orElseThrow();
    assertEquals(List.of("male", "female"), sex.groups());
    assertEquals(310, count(sex, "female"));
    assertEquals(690, count(sex, "male"));
    ProtectedAttribute age = d.protectedAttribute("age_group").orElseThrow();
    assertEquals(190, count(age, "young")); // age <= 25 (the usual split)
    assertEquals(810, count(age, "older"));
    assertTrue(d.features().stream().noneMatch(f -> f.name().equals("personal_status")));
    assertEquals(0, d.presetTestRows().length);
  }

  @Test
  void adult() {
    TabularDataset d = load("adult");
    assertEquals(32_561 + 16_281, d.rowCount());
    assertEquals(16_281, d.presetTestRows().length);
    int trainFav = 0;
    for (int r = 0; r < 32_561; r++) {
      trainFav += d.favourable(r) ? 1 : 0;
    }
    assertEquals(7_841, trainFav);
    ProtectedAttribute sex = d.protectedAttribute("sex").orElseThrow();
    int female = 0;
    int male = 0;
    for (int r = 0; r < 32_561; r++) {
      female += sex.hardGroup(r) == sex.groups().indexOf("Female") ? 1 : 0;
      male += sex.hardGroup(r) == sex.groups().indexOf("Male") ? 1 : 0;
    }
    assertEquals(10_771, female);
    assertEquals(21_790, male);
    assertEquals("test:0", d.rowId(32_561));
    assertTrue(d.column("workclass").orElseThrow().missingCount() > 0);
  }

  @Test
  void compas() {
    TabularDataset d = load("compas");
    assertEquals(7_214, d.rowCount());
    assertEquals(7_214 - 3_251, d.favourableCount());
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    assertEquals(3_696, count(race, "African-American"));
    assertEquals(2_454, count(race, "Caucasian"));
    assertEquals(637, count(race, "Hispanic"));
    assertEquals(377, count(race, "Other"));
    assertEquals(32, count(race, "Asian"));
    assertEquals(18, count(race, "Native American"));
    ProtectedAttribute sex = d.protectedAttribute("sex").orElseThrow();
    assertEquals(5_819, count(sex, "Male"));
    assertEquals(1_395, count(sex, "Female"));
    assertTrue(d.column("decile_score_2").isPresent());
    assertTrue(d.column("priors_count_2").isPresent());
    assertEquals("1", d.rowId(0));
  }

  @Test
  void bankMarketing() {
    TabularDataset d = load("bank-marketing");
    assertEquals(45_211, d.rowCount());
    assertEquals(5_289, d.favourableCount());
    ProtectedAttribute marital = d.protectedAttribute("marital").orElseThrow();
    assertArrayEquals(
        new int[] {45_211}, new int[] {java.util.Arrays.stream(marital.hardCounts()).sum()});
    assertTrue(d.features().stream().noneMatch(f -> f.name().equals("duration")));
  }
}
