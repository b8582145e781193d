package org.fairkd.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.policies.eval.Status;

/**
 * Writes the policy gate as JUnit XML so that CI servers show it natively: one {@code testcase} per
 * rule × slice of a policy's evaluation. A rule check with status {@code fail} becomes a {@code
 * failure} of type {@code harm} (the estimate is beyond the threshold, or significantly so) or
 * {@code not_shown} (the estimate is within it but the interval is too wide), carrying its
 * explanation (which says which, and for not_shown about how many rows would settle it) and
 * evidence (as in audit.json); {@code error} an {@code error}; {@code warn} passes with the warning
 * in {@code system-out}, or fails (type {@code warn}) when {@code strict}. Text is escaped by the
 * XML writer and characters XML 1.0 forbids are dropped, so any group value yields valid XML.
 */
public final class JunitXml {
  private JunitXml() {}

  /**
   * Renders the checks of {@code policy}; {@code provenance} (may be null) gives the suite's
   * timestamp and seed.
   */
  public static String render(PolicyRecord policy, RunProvenance provenance, boolean strict) {
    String id = policy.policy().id() == null ? "policy" : policy.policy().id();
    int failures = 0;
    int errors = 0;
    for (RuleCheck c : policy.checks()) {
      if (c.status() == Status.FAIL || (strict && c.status() == Status.WARN)) {
        failures++;
      } else if (c.status() == Status.ERROR) {
        errors++;
      }
    }
    String tests = String.valueOf(policy.checks().size());
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "fairkd");
      x.writeAttribute("tests", tests);
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", clean("fairkd policy " + id));
      x.writeAttribute("tests", tests);
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeAttribute("skipped", "0");
      if (provenance != null && provenance.finishedAt() != null) {
        x.writeAttribute("timestamp", clean(provenance.finishedAt().toString()));
      }
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      property(x, "verdict", policy.verdict().name());
      property(x, "strict", String.valueOf(strict));
      property(x, "seed", provenance == null ? "" : String.valueOf(provenance.seed()));
      x.writeEndElement();
      for (RuleCheck c : policy.checks()) {
        testcase(x, id, c, strict);
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
    }
    return out + "\n";
  }

  private static void testcase(XMLStreamWriter x, String policy, RuleCheck c, boolean strict)
      throws XMLStreamException {
    String slice = c.slice() == null ? "overall" : c.slice();
    String explanation = text(c.explanation());
    String body =
        text(c.title())
            + "\nsubject: "
            + c.subject().yamlName()
            + ", metric: "
            + text(c.metric())
            + ", slice: "
            + slice
            + ", severity: "
            + c.severity().yamlName()
            + (c.finding() == null ? "" : ", finding: " + c.finding().jsonName())
            + (c.requiredRows() == null ? "" : ", required rows: " + c.requiredRows())
            + "\nevidence: "
            + AuditJsonWriter.evidenceText(c.evidence())
            + "\n"
            + explanation;
    x.writeCharacters("\n    ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", clean("fairkd." + policy + "." + c.id()));
    x.writeAttribute("name", clean(c.id() + " [" + slice + "]"));
    x.writeAttribute("time", "0");
    switch (c.status()) {
      case PASS -> {}
      case WARN -> {
        if (strict) {
          child(x, "failure", "warn", explanation, body);
        } else {
          x.writeStartElement("system-out");
          x.writeCharacters(clean("WARNING: " + body));
          x.writeEndElement();
        }
      }
      case FAIL ->
          child(
              x,
              "failure",
              c.finding() == null ? c.severity().yamlName() : c.finding().jsonName(),
              explanation,
              body);
      case ERROR -> child(x, "error", c.status().jsonName(), explanation, body);
    }
    x.writeEndElement();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static void child(
      XMLStreamWriter x, String element, String type, String message, String body)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeAttribute("type", clean(type));
    x.writeAttribute("message", clean(message));
    x.writeCharacters(clean(body));
    x.writeEndElement();
  }

  private static void property(XMLStreamWriter x, String name, String value)
      throws XMLStreamException {
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", clean(value));
  }

  /** Drops characters that XML 1.0 does not allow (control characters, lone surrogates). */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)));
      if (ok) {
        sb.append(c);
        if (Character.isHighSurrogate(c)) {
          sb.append(s.charAt(++i));
        }
      }
    }
    return sb.toString();
  }
}
