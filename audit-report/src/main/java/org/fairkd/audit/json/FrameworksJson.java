package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.AuditException;
import org.fairkd.report.regulatory.FrameworkRef;

/**
 * audit.json's {@code frameworks}: the regulatory frameworks the report mapped its evidence to,
 * {@code [{id, version, as_of}]} in the order chosen ({@code --frameworks}).
 */
public final class FrameworksJson {
  private FrameworksJson() {}

  /** The {@code frameworks} array. */
  public static ArrayNode write(List<FrameworkRef> refs) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (FrameworkRef f : refs) {
      out.addObject()
          .put("id", f.id())
          .put("version", f.version())
          .put("as_of", f.asOf().toString());
    }
    return out;
  }

  /** Reads {@code frameworks} (missing or null: none); a bad entry is one line naming it. */
  public static List<FrameworkRef> read(JsonNode n) {
    List<FrameworkRef> out = new ArrayList<>();
    if (n == null || n.isNull() || n.isMissingNode()) {
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode f = n.get(i);
      String at = "frameworks[" + i + "]";
      if (!f.hasNonNull("id") || !f.hasNonNull("version") || !f.hasNonNull("as_of")) {
        throw new AuditException(at + ": needs id, version and as_of");
      }
      try {
        out.add(
            new FrameworkRef(
                f.get("id").asText(),
                f.get("version").asText(),
                LocalDate.parse(f.get("as_of").asText())));
      } catch (DateTimeParseException e) {
        throw new AuditException(at + ".as_of: not a date YYYY-MM-DD: " + f.get("as_of").asText());
      }
    }
    return out;
  }
}
