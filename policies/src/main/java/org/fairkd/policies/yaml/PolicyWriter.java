package org.fairkd.policies.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Threshold;

/**
 * Writes a resolved policy as a standalone policy YAML: includes and overrides applied, every
 * default written out. Reading the output back gives the same {@link Policy} (except that {@code
 * includes} becomes a comment).
 */
public final class PolicyWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private PolicyWriter() {}

  /** The policy as YAML text. */
  public static String toYaml(Policy policy) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", policy.id());
    out.put("version", policy.version());
    out.put("title", policy.title());
    putIfNotEmpty(out, "description", policy.description());
    putIfNotEmpty(out, "owner", policy.owner());
    if (!policy.references().isEmpty()) {
      out.put("references", policy.references());
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule r : policy.rules()) {
      rules.add(rule(r));
    }
    out.put("rules", rules);
    String header =
        policy.includes().isEmpty()
            ? ""
            : "# resolved: includes ("
                + String.join(", ", policy.includes())
                + ") and overrides applied\n";
    try {
      return header + YAML.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> rule(Rule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", r.title());
    putIfNotEmpty(m, "rationale", r.rationale());
    putIfNotEmpty(m, "source", r.source());
    m.put("metric", r.metric());
    m.put("subject", r.subject().yamlName());
    m.put("scope", scope(r.scope()));
    m.put("comparator", r.comparator().symbol());
    m.put("threshold", threshold(r.comparator(), r.threshold()));
    if (r.warnThreshold() != null) {
      m.put("warn_threshold", threshold(r.comparator(), r.warnThreshold()));
    }
    m.put("mode", r.mode().yamlName());
    if (r.mode() == EvidenceMode.SIGNIFICANT) {
      m.put("alpha", r.alpha());
    }
    m.put("severity", r.severity().yamlName());
    m.put("on_insufficient_data", r.onInsufficientData().yamlName());
    return m;
  }

  /** The threshold as written in YAML: a number, or [low, high] for {@code between}. */
  public static Object threshold(Comparator c, Threshold t) {
    return switch (c) {
      case AT_LEAST -> t.low();
      case AT_MOST -> t.high();
      case BETWEEN -> List.of(t.low(), t.high());
    };
  }

  private static Object scope(Scope s) {
    return switch (s.kind()) {
      case OVERALL -> "overall";
      case INTERSECTIONS -> "intersections";
      case ALL -> "all";
      case ATTRIBUTES ->
          s.attributes().isEmpty() ? "attributes" : Map.of("attributes", s.attributes());
      case GROUP -> {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("attribute", s.attributes().get(0));
        g.put("group", s.group());
        yield g;
      }
    };
  }

  private static void putIfNotEmpty(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }
}
