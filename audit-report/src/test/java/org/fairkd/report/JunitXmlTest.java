package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneTestcasePerRuleAndSliceWithEscapedFailures() throws Exception {
    var audit = HtmlReportTest.fixture();
    String xml = JunitXml.render(audit, false);
    Document doc = parse(xml);
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(audit.path("rules").size(), cases.getLength());
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(1, failures.getLength());
    Element f = (Element) failures.item(0);
    assertTrue(f.getAttribute("message").contains("<script>alert(1)</script>"), "text survives");
    assertTrue(!xml.contains("<script>"), "but is escaped in the XML");
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals(1, doc.getElementsByTagName("system-out").getLength(), "the warning is reported");
  }

  @Test
  void strictTurnsWarningsIntoFailures() throws Exception {
    Document doc = parse(JunitXml.render(HtmlReportTest.fixture(), true));
    assertEquals(2, doc.getElementsByTagName("failure").getLength());
  }

  @Test
  void dropsCharactersXmlForbids() {
    assertEquals("ab\tc😀", JunitXml.clean("a\u0000b\u0007\tc\uD83D\uDE00\uD800"));
  }
}
