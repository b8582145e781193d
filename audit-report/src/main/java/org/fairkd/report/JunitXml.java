package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the policy gate as JUnit XML so that CI servers show it natively: one {@code testcase} per
 * rule × slice. A rule check with status {@code fail} becomes a {@code failure} carrying its
 * explanation and evidence, {@code error} an {@code error}; {@code warn} passes with the warning in
 * {@code system-out}, or fails (type {@code warn}) when {@code strict}. Text is escaped by the XML
 * writer and characters XML 1.0 forbids are dropped, so any group value yields valid XML.
 */
public final class JunitXml {
  private JunitXml() {}

  /** Renders the {@code rules} of an audit.json tree. */
  public static String render(JsonNode audit, boolean strict) {
    JsonNode rules = audit.path("rules");
    String policy = audit.path("policy").path("id").asText("policy");
    int failures = 0;
    int errors = 0;
    for (JsonNode r : rules) {
      String s = r.path("status").asText("error");
      if (s.equals("fail") || (strict && s.equals("warn"))) {
        failures++;
      } else if (!s.equals("pass") && !s.equals("warn")) {
        errors++;
      }
    }
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "fairkd");
      x.writeAttribute("tests", String.valueOf(rules.size()));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", clean("fairkd policy " + policy));
      x.writeAttribute("tests", String.valueOf(rules.size()));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeAttribute("skipped", "0");
      String ts = audit.path("provenance").path("finished_at").asText("");
      if (!ts.isEmpty()) {
        x.writeAttribute("timestamp", clean(ts));
      }
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      property(x, "verdict", audit.path("verdict").asText(""));
      property(x, "strict", String.valueOf(strict));
      property(x, "seed", audit.path("provenance").path("seed").asText(""));
      x.writeEndElement();
      for (JsonNode r : rules) {
        testcase(x, policy, r, strict);
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

  private static void testcase(XMLStreamWriter x, String policy, JsonNode r, boolean strict)
      throws XMLStreamException {
    String id = r.path("id").asText("rule");
    String slice = r.path("slice").isNull() ? "overall" : r.path("slice").asText("overall");
    String status = r.path("status").asText("error");
    String explanation = r.path("explanation").asText("");
    String body =
        r.path("title").asText("")
            + "\nsubject: "
            + r.path("subject").asText("")
            + ", metric: "
            + r.path("metric").asText("")
            + ", slice: "
            + slice
            + ", severity: "
            + r.path("severity").asText("")
            + "\nevidence: "
            + r.path("evidence").toString()
            + "\n"
            + explanation;
    x.writeCharacters("\n    ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", clean("fairkd." + policy + "." + id));
    x.writeAttribute("name", clean(id + " [" + slice + "]"));
    x.writeAttribute("time", "0");
    switch (status) {
      case "pass" -> {}
      case "warn" -> {
        if (strict) {
          child(x, "failure", "warn", explanation, body);
        } else {
          x.writeStartElement("system-out");
          x.writeCharacters(clean("WARNING: " + body));
          x.writeEndElement();
        }
      }
      case "fail" -> child(x, "failure", r.path("severity").asText("fail"), explanation, body);
      default -> child(x, "error", status, explanation, body);
    }
    x.writeEndElement();
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
