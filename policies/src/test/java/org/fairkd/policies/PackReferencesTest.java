package org.fairkd.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.yaml.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * The bundled packs cite today's rules of the road (late 2026): SR 11-7 / OCC 2011-12 only as
 * rescinded practice, the revised Regulation B, and each instrument once in a resolved policy.
 */
class PackReferencesTest {

  /** Every reference and rule source of the resolved bundled pack {@code name}. */
  private static List<String> texts(Policy p) {
    List<String> out = new ArrayList<>(p.references());
    for (Rule r : p.rules()) {
      out.add(r.source());
    }
    return out;
  }

  @Test
  void rescindedModelRiskGuidanceIsNeverCitedAsCurrent() {
    for (String name : PolicyLoader.BUNDLED) {
      for (String t : texts(PolicyLoader.load(name))) {
        if (t.contains("SR 11-7") || t.contains("2011-12")) {
          assertTrue(
              t.contains("rescinded") && t.contains("SR 26-2"),
              name + ": cites SR 11-7 as if current: " + t);
        }
      }
    }
    Policy p = PolicyLoader.load("distillation-non-regression");
    assertTrue(p.references().stream().anyMatch(r -> r.contains("OCC Bulletin 2026-13")));
  }

  @Test
  void regulationBIsCitedAsAmendedIn2026() {
    Policy p = PolicyLoader.load("four-fifths");
    List<String> regB =
        p.references().stream().filter(r -> r.contains("12 CFR part 1002")).toList();
    assertEquals(1, regB.size(), regB.toString());
    assertTrue(regB.get(0).contains("2026-04-22") && regB.get(0).contains("2026-07-21"));
  }

  @Test
  void aResolvedPackCitesEachInstrumentOnce() {
    for (String name : PolicyLoader.BUNDLED) {
      List<String> refs = PolicyLoader.load(name).references();
      for (String instrument : List.of("12 CFR part 1002", "SR 26-2", "1607.4(D)", "Stanton")) {
        long n = refs.stream().filter(r -> r.contains(instrument)).count();
        assertTrue(n <= 1, name + " cites " + instrument + " " + n + " times: " + refs);
      }
    }
    assertEquals(5, PolicyLoader.load("lending-standard").references().size());
  }
}
