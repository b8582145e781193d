package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of {@code fairkd audit} on predictions with missing group values states the counts
 * audit.json has: the data block, a (missing) row per attribute, the gate's tally per finding.
 */
class ReportAccountingCliTest {
  @TempDir Path tmp;

  @Test
  void theReportStatesAuditJsonsRowCountsAndFindings() throws Exception {
    Path csv = RowAccountingTest.write(tmp.resolve("p.csv"), 3000, false);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run(RowAccountingTest.audit(csv, out, "test"));
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
    String html = Files.readString(out.resolve("report.html"));
    JsonNode d = audit.at("/data/0");
    assertTrue(
        html.contains(
            "<tr><td><code>p.csv</code></td><td>split = test</td><td class=\"num\">"
                + d.path("rows_read").asLong()
                + "</td><td class=\"num\">"
                + d.path("rows_used").asLong()
                + "</td><td class=\"num\">"
                + (d.path("rows_read").asLong() - d.path("rows_used").asLong())
                + "</td></tr>"),
        "the inputs table");
    for (String attr : new String[] {"sex", "race"}) {
      long missing = d.path("missing").path(attr).asLong();
      assertEquals(1, missing, attr + ": one test row without a value");
      assertTrue(
          html.contains("<td>" + attr + "</td><td class=\"num\">" + missing + "</td>"),
          "the data block's " + attr);
    }
    // each single attribute's table: a (missing) row with the rows audit.json counts
    Matcher m =
        Pattern.compile(
                "<td class=\"group\">\\(missing\\)</td><td class=\"num\">(\\d+)</td>"
                    + "<td colspan=\"\\d+\">rows with no value for ([^:]+):")
            .matcher(html);
    int seen = 0;
    while (m.find()) {
      String key = m.group(2);
      long expected =
          key.contains("*") ? intersectionMissing(audit, key) : d.at("/missing/" + key).asLong();
      assertEquals(expected, Long.parseLong(m.group(1)), key);
      seen++;
    }
    assertTrue(seen >= 2 * 2, "a (missing) row in both tables of sex and race: " + seen);
    // the tally counts audit.json's rules by status and finding
    long harm = 0;
    long notShown = 0;
    long fail = 0;
    for (JsonNode rule : audit.path("rules")) {
      if (rule.path("status").asText().equals("fail")) {
        fail++;
        harm += rule.path("finding").asText().equals("harm") ? 1 : 0;
        notShown += rule.path("finding").asText().equals("not_shown") ? 1 : 0;
      }
    }
    String gate = html.substring(html.indexOf("<section id=\"gate\">"));
    String failed = gate.substring(gate.indexOf("<p>") + 3, gate.indexOf(" · "));
    assertTrue(failed.startsWith(fail + " failed"), failed);
    assertEquals(harm > 0, failed.contains(harm + " harm"), failed);
    assertEquals(notShown > 0, failed.contains(notShown + " not shown"), failed);
  }

  /** Rows of the audit in none of the intersection's slices (overall count − Σ slice counts). */
  private static long intersectionMissing(JsonNode audit, String key) {
    double inSlices = 0;
    for (JsonNode s : audit.at("/models/teacher/slices")) {
      List<String> names = new ArrayList<>();
      s.path("attributes").fieldNames().forEachRemaining(names::add);
      if (String.join("*", names).equals(key)) {
        inSlices += s.path("count").asDouble();
      }
    }
    return Math.round(audit.at("/models/teacher/overall/count").asDouble() - inSlices);
  }
}
