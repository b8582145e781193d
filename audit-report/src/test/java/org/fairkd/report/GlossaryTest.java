package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.report.regulatory.Framework;
import org.fairkd.report.regulatory.Frameworks;
import org.junit.jupiter.api.Test;

/**
 * Every term of {@link #TERMS} that the rendered report uses (its text outside the glossary, and
 * the static text of every section template) has a glossary entry, by its name or an alias.
 */
class GlossaryTest {
  /** Terms a reader may not know, as the report spells them. */
  static final List<String> TERMS =
      List.of(
          "KD",
          "distillation",
          "soft targets",
          "temperature",
          "MUNGE",
          "transfer set",
          "gap recovered",
          "fidelity",
          "agreement",
          "AUC",
          "ROC",
          "DeLong",
          "bootstrap",
          "paired bootstrap",
          "Holm",
          "Benjamini–Hochberg",
          "Kish",
          "effective sizes",
          "adverse impact ratio",
          "adverse_impact_ratio",
          "four-fifths",
          "marginal_effect",
          "demographic_parity_difference",
          "demographic_parity_ratio",
          "equalized_odds_difference",
          "equalized_odds_ratio",
          "equal_opportunity_difference",
          "standardized_mean_difference",
          "SMD",
          "expected_calibration_error",
          "ECE",
          "McNemar",
          "Theil",
          "theil_index",
          "BISG",
          "LDA",
          "non-inferiority",
          "harm",
          "not shown",
          "rows needed",
          "selection_rate",
          "base_rate",
          "reference",
          "intersections",
          "insufficient data",
          "Fisher",
          "z-test",
          "p-value",
          "interval",
          "brier_score",
          "kl_divergence",
          "calibration",
          "precision",
          "true_positive_rate",
          "false_positive_rate",
          "statistical_parity_difference",
          "disparate_impact",
          "average_odds_difference",
          "impact ratio",
          "soft_membership",
          "provenance",
          "SHA-256",
          "threshold",
          "verdict",
          "gate",
          "severity",
          "AIF360",
          "Fairlearn",
          "disparate treatment",
          "adverse-action");

  /** Every section template but the glossary's own (from the registry, so none is missed). */
  private static final List<String> TEMPLATES =
      ReportSections.ALL.stream()
          .map(ReportSection::id)
          .filter(id -> !id.equals(GlossarySection.ID))
          .toList();

  @Test
  void everyTermTheReportUsesHasAnEntry() throws Exception {
    AuditResult audit =
        HtmlReportTest.fixture()
            .withFrameworks(Frameworks.select("all").stream().map(Framework::ref).toList());
    String html = HtmlReport.render(audit, MetricDocs.fromCatalog());
    String glossary = RegulatoryMappingTest.section(html, GlossarySection.ID);
    StringBuilder text = new StringBuilder(html.replace(glossary, ""));
    for (String t : TEMPLATES) {
      try (InputStream in =
          GlossaryTest.class.getResourceAsStream("/org/fairkd/report/sections/" + t + ".ftlh")) {
        text.append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    String plain = text.toString().replaceAll("<[^>]+>", " ").replace("&amp;", "&");
    Set<String> keys = new HashSet<>();
    for (GlossarySection.Entry e : GlossarySection.entries()) {
      keys.add(key(e.term()));
      keys.add(key(e.term().replaceAll("\\s*\\(.*\\)", "")));
      e.aliases().forEach(a -> keys.add(key(a)));
      assertTrue(glossary.contains(e.term().replace("'", "&#39;")), "rendered: " + e.term());
    }
    List<String> used = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String term : TERMS) {
      if (Pattern.compile("(?<![\\w-])" + Pattern.quote(term) + "(?![\\w-])")
          .matcher(plain)
          .find()) {
        used.add(term);
        if (!keys.contains(key(term))) {
          missing.add(term);
        }
      }
    }
    assertEquals(List.of(), missing, "terms the report uses without a glossary entry");
    assertTrue(used.size() >= 50, "the report uses most listed terms: " + used.size() + " " + used);
  }

  @Test
  void entriesAreSortedAndABadEntryIsOneLine() {
    List<GlossarySection.Entry> all = GlossarySection.entries();
    for (int i = 1; i < all.size(); i++) {
      assertTrue(
          key(all.get(i - 1).term()).compareTo(key(all.get(i).term())) <= 0, all.get(i).term());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GlossarySection.parse("g.yaml", "- term: AUC\n- term: ECE\n  definition: x\n"));
    assertEquals("g.yaml: [0]: missing 'definition'", e.getMessage());
    assertEquals(
        "g.yaml: [0]: unknown key 'meaning'",
        assertThrows(
                IllegalArgumentException.class,
                () -> GlossarySection.parse("g.yaml", "- {term: AUC, meaning: x}\n"))
            .getMessage());
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
