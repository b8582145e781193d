package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {
  static final RunProvenance PROVENANCE =
      new RunProvenance(
          "fairkd",
          "0",
          null,
          42,
          "fairkd run",
          Instant.parse("2026-11-22T04:00:00Z"),
          Instant.parse("2026-11-22T04:01:00Z"),
          "17",
          "Linux",
          List.of(),
          "lending-standard",
          "ab",
          null,
          null,
          java.util.Map.of());

  static RuleCheck check(String id, Severity sev, Status status, String slice, double value) {
    Evidence e =
        new Evidence(
            value,
            value - 0.05,
            value + 0.05,
            0.95,
            null,
            Comparator.AT_LEAST,
            Threshold.of(Comparator.AT_LEAST, 0.8),
            null,
            EvidenceMode.POINT,
            0.05);
    return new RuleCheck(
        id,
        "Title of " + id,
        sev,
        status,
        status == Status.PASS ? Finding.SHOWN : Finding.HARM,
        null,
        Verdict.of(status, sev),
        Subject.STUDENT,
        "adverse_impact_ratio",
        slice,
        Comparator.AT_LEAST,
        e,
        "Student adverse impact ratio for " + slice + " is " + value + ".",
        "");
  }

  /** Four checks: a failure on a hostile group value, two passes and a warning. */
  static PolicyRecord fixture() {
    List<RuleCheck> checks =
        List.of(
            check("air", Severity.FAIL, Status.FAIL, "race=<script>alert(1)</script>", 0.63),
            check("air", Severity.FAIL, Status.PASS, "sex=female", 0.85),
            check("eod-max", Severity.WARN, Status.WARN, "sex", 0.11),
            check("fidelity-min", Severity.FAIL, Status.PASS, null, 0.97));
    PolicyHeader header =
        new PolicyHeader("lending-standard", "1", "T", "", "", List.of(), List.of(), List.of());
    return new PolicyRecord(Verdict.FAIL, header, checks, null);
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneTestcasePerRuleAndSliceWithEscapedFailures() throws Exception {
    PolicyRecord policy = fixture();
    String xml = JunitXml.render(policy, PROVENANCE, false);
    Document doc = parse(xml);
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(policy.checks().size(), cases.getLength());
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(1, failures.getLength());
    Element f = (Element) failures.item(0);
    assertTrue(f.getAttribute("message").contains("<script>alert(1)</script>"), "text survives");
    assertTrue(!xml.contains("<script>"), "but is escaped in the XML");
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("2026-11-22T04:01:00Z", suite.getAttribute("timestamp"));
    assertEquals(
        "fairkd.lending-standard.air",
        f.getParentNode().getAttributes().getNamedItem("classname").getNodeValue());
    assertTrue(f.getTextContent().contains("evidence: {\"value\":0.63,"), f.getTextContent());
    assertEquals(1, doc.getElementsByTagName("system-out").getLength(), "the warning is reported");
  }

  @Test
  void failureTypeTellsHarmFromNotShown() throws Exception {
    RuleCheck harm = check("air", Severity.FAIL, Status.FAIL, "race=black", 0.55);
    RuleCheck wide = check("dpd", Severity.FAIL, Status.FAIL, "race", 0.01);
    RuleCheck notShown =
        new RuleCheck(
            wide.id(),
            wide.title(),
            wide.severity(),
            wide.status(),
            Finding.NOT_SHOWN,
            5210L,
            wide.verdict(),
            wide.subject(),
            wide.metric(),
            wide.slice(),
            wide.comparator(),
            wide.evidence(),
            "… — fails: not shown — interval too wide; about 5210 test rows would be needed (…).",
            wide.source());
    PolicyHeader header = new PolicyHeader("p", "1", "T", "", "", List.of(), List.of(), List.of());
    Document doc =
        parse(
            JunitXml.render(
                new PolicyRecord(Verdict.FAIL, header, List.of(harm, notShown), null),
                PROVENANCE,
                false));
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals("harm", ((Element) failures.item(0)).getAttribute("type"));
    Element ns = (Element) failures.item(1);
    assertEquals("not_shown", ns.getAttribute("type"));
    assertTrue(
        ns.getAttribute("message").contains("about 5210 test rows"), ns.getAttribute("message"));
    assertTrue(ns.getTextContent().contains("finding: not_shown, required rows: 5210"));
  }

  @Test
  void strictTurnsWarningsIntoFailures() throws Exception {
    Document doc = parse(JunitXml.render(fixture(), PROVENANCE, true));
    assertEquals(2, doc.getElementsByTagName("failure").getLength());
  }

  @Test
  void dropsCharactersXmlForbids() {
    assertEquals("ab\tc😀", JunitXml.clean("a\u0000b\u0007\tc\uD83D\uDE00\uD800"));
  }
}
