package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.report.regulatory.EvidenceRef;
import org.fairkd.report.regulatory.Framework;
import org.fairkd.report.regulatory.FrameworkItem;
import org.fairkd.report.regulatory.Frameworks;
import org.junit.jupiter.api.Test;

/**
 * The bundled framework files: every evidence reference resolves to a real report section or
 * registry metric, the facts of ../shared/DOMAIN.md are the ones bundled, {@code --frameworks}'
 * selection, the loader's one-line errors, and the rendered table.
 */
class RegulatoryMappingTest {

  @Test
  void everyEvidenceReferenceResolves() {
    Set<String> sections =
        ReportSections.ALL.stream().map(ReportSection::id).collect(Collectors.toSet());
    Set<String> metrics =
        MetricRegistry.current().infos().stream().map(MetricInfo::name).collect(Collectors.toSet());
    int refs = 0;
    for (Framework f : Frameworks.bundled()) {
      for (FrameworkItem item : f.items()) {
        assertTrue(
            item.evidence().isEmpty() != item.notEvidenced().isEmpty(),
            f.id() + "/" + item.id() + ": evidence or a reason, not both");
        for (EvidenceRef e : item.evidence()) {
          refs++;
          switch (e.kind()) {
            case SECTION ->
                assertTrue(sections.contains(e.name()), f.id() + "/" + item.id() + ": " + e);
            case METRIC ->
                assertTrue(metrics.contains(e.name()), f.id() + "/" + item.id() + ": " + e);
            case AUDIT ->
                assertTrue(EvidenceRef.AUDIT_BLOCKS.contains(e.name()), f.id() + ": " + e);
          }
        }
      }
    }
    assertTrue(refs > 30, "the frameworks point at the report: " + refs);
  }

  @Test
  void bundledFactsFollowTheDomainNotes() {
    Framework mrm = Frameworks.find("us-model-risk").orElseThrow();
    assertTrue(mrm.summary().contains("SR 26-2") && mrm.summary().contains("2026-04-17"));
    assertTrue(mrm.summary().contains("rescinded SR 11-7"));
    Framework regB = Frameworks.find("us-ecoa-reg-b").orElseThrow();
    assertTrue(regB.summary().contains("2026-04-22") && regB.summary().contains("2026-07-21"));
    assertTrue(regB.summary().contains("Massachusetts"));
    assertTrue(
        regB.items().stream()
            .anyMatch(i -> i.evidence().contains(ref("metric:adverse_impact_ratio"))),
        "adverse impact ratio stays the screening evidence");
    Framework eu = Frameworks.find("eu-ai-act").orElseThrow();
    assertTrue(
        eu.summary().contains("Annex III point 5(b)") && eu.summary().contains("Article 27"));
    for (FrameworkItem i : eu.items()) {
      assertEquals(LocalDate.of(2027, 12, 2), i.effective(), i.id() + ": Digital Omnibus date");
    }
    assertEquals(
        List.of(
            "Article 9",
            "Article 10",
            "Article 11",
            "Article 12",
            "Article 13",
            "Article 14",
            "Article 15",
            "Article 27"),
        eu.items().stream().map(i -> i.citation().split(" \\(|;| and")[0]).toList());
    Framework co = Frameworks.find("colorado").orElseThrow();
    assertTrue(co.summary().contains("SB 26-189") && co.summary().contains("repealed"));
    assertTrue(co.items().stream().allMatch(i -> i.effective().equals(LocalDate.of(2027, 1, 1))));
    for (Framework f : Frameworks.bundled()) {
      String all = f.summary() + f.items();
      if (all.contains("SR 11-7")) {
        assertTrue(all.contains("rescinded"), f.id() + " presents SR 11-7 as current");
      }
    }
  }

  @Test
  void selectionDefaultsToTheUsAndTheEu() {
    assertEquals(
        List.of("us-model-risk", "us-ecoa-reg-b", "eu-ai-act"), ids(Frameworks.select(null)));
    assertEquals(ids(Frameworks.select(null)), ids(Frameworks.select("default")));
    assertEquals(Frameworks.BUNDLED, ids(Frameworks.select("all")));
    assertEquals(
        List.of("nyc-ll144", "eu-ai-act"),
        ids(Frameworks.select(" nyc-ll144, eu-ai-act,nyc-ll144")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Frameworks.select("eu-ai-act,sr-11-7"));
    assertEquals(
        "unknown framework 'sr-11-7' (known: us-model-risk, us-ecoa-reg-b, eu-ai-act, nyc-ll144,"
            + " colorado; or default, all)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Frameworks.select("eu-ai-act,"));
  }

  @Test
  void aBadFileIsOneLineNamingFileAndKey() {
    String head =
        "id: x\ntitle: X\nversion: '1'\nas_of: '2026-12-01'\njurisdiction: J\nsummary: S\n";
    String item = "  - id: a\n    requirement: R\n    citation: C\n    effective: '2026-01-01'\n";
    assertEquals(
        "x.yaml: not valid YAML at line 2", message("x.yaml", "id: x\ntitle: [unclosed\n"));
    assertEquals(
        "x.yaml: items[0] (a): missing 'citation'",
        message(
            "x.yaml",
            head
                + "items:\n  - id: a\n    requirement: R\n    effective: '2026-01-01'\n"
                + "    evidence: [section:gate]\n"));
    assertEquals(
        "x.yaml: items[0] (a): give exactly one of 'evidence' and 'not_evidenced'",
        message("x.yaml", head + "items:\n" + item));
    assertEquals(
        "x.yaml: items[0] (a): evidence 'page:gate': unknown kind 'page' (section, metric, audit)",
        message("x.yaml", head + "items:\n" + item + "    evidence: [page:gate]\n"));
    assertEquals(
        "x.yaml: items[0] (a): 'effective' must be a date YYYY-MM-DD, got 'soon'",
        message(
            "x.yaml",
            head + "items:\n" + item.replace("'2026-01-01'", "soon") + "    not_evidenced: W\n"));
    assertEquals(
        "x.yaml: unknown key 'owner' (known: id, title, version, as_of, jurisdiction, default,"
            + " summary, items)",
        message("x.yaml", head + "owner: me\nitems:\n" + item + "    not_evidenced: W\n"));
    Framework ok = Frameworks.parse("x.yaml", head + "items:\n" + item + "    not_evidenced: W\n");
    assertFalse(ok.selectedByDefault());
    assertEquals("W", ok.items().get(0).notEvidenced());
  }

  @Test
  void rendersWhatIsEvidencedAndWhatIsNot() throws Exception {
    AuditResult audit =
        HtmlReportTest.fixture()
            .withFrameworks(Frameworks.select("default").stream().map(Framework::ref).toList());
    String html = HtmlReport.render(audit, MetricDocs.fromCatalog());
    String section = section(html, "regulatory");
    assertTrue(section.contains("An evidence map, not legal advice."), section);
    for (Framework f : Frameworks.select("default")) {
      assertTrue(section.contains("id=\"framework-" + f.id() + "\""), f.id());
      assertTrue(section.contains("version " + f.version() + ", as of " + f.asOf()), f.id());
    }
    long rows = section.split("<tr class=\"", -1).length - 1;
    assertEquals(7 + 5 + 8, rows, "one row per item of the three default frameworks");
    // the fixture has no search block: the LDA item says so instead of claiming evidence
    assertTrue(section.contains("<strong>Not in this run.</strong>"), section);
    assertTrue(section.contains("run fairkd search"));
    // a section reference links to the section by its title
    assertTrue(
        section.contains("<a href=\"#gate\">Gate: the checks that did not pass</a>"), section);
    assertTrue(section.contains("<strong>Not evidenced.</strong> Independence is a property"));
    assertFalse(
        HtmlReport.render(HtmlReportTest.fixture(), List.of()).contains("id=\"regulatory\""),
        "no framework chosen (an older audit.json): no section");
  }

  private static EvidenceRef ref(String s) {
    return EvidenceRef.parse(s);
  }

  private static List<String> ids(List<Framework> fs) {
    return fs.stream().map(Framework::id).toList();
  }

  private static String message(String file, String text) {
    return assertThrows(IllegalArgumentException.class, () -> Frameworks.parse(file, text))
        .getMessage();
  }

  /** The HTML of section {@code id}. */
  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    assertTrue(start >= 0, "section " + id);
    return html.substring(start, html.indexOf("</section>", start));
  }
}
