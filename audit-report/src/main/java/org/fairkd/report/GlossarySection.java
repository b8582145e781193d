package org.fairkd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.fairkd.audit.result.AuditResult;

/**
 * The glossary: every term the report uses, in plain words, kept as data ({@code
 * org/fairkd/report/glossary.yaml}: term, optional aliases, definition), in alphabetical order.
 */
public final class GlossarySection implements ReportSection {
  /** The section id. */
  public static final String ID = "glossary";

  static final String RESOURCE = "/org/fairkd/report/glossary.yaml";

  private static final List<String> KEYS = List.of("term", "aliases", "definition");

  private static List<Entry> entries;

  /**
   * One term.
   *
   * @param term the term as the glossary lists it
   * @param aliases other spellings the report uses (metric names, abbreviations)
   * @param definition the definition in plain words
   */
  public record Entry(String term, List<String> aliases, String definition) {
    /** Copies the list. */
    public Entry {
      aliases = List.copyOf(aliases);
    }
  }

  /** The template's model. */
  public record Model(List<Entry> entries) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Glossary";
  }

  @Override
  public Object model(AuditResult audit, ReportModel report) {
    return new Model(entries());
  }

  /** The bundled glossary, loaded once, sorted by term (ignoring case). */
  public static synchronized List<Entry> entries() {
    if (entries == null) {
      try (InputStream in = GlossarySection.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("glossary.yaml: bundled glossary is missing");
        }
        entries = parse("glossary.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("glossary.yaml: cannot read: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  /**
   * Parses a glossary: a list of {@code {term, aliases, definition}}.
   *
   * @throws IllegalArgumentException naming the file, the entry and the key
   */
  static List<Entry> parse(String file, String text) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new IllegalArgumentException(file + ": not valid YAML" + where, e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": expected a list of {term, aliases, definition}");
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      String at = file + ": [" + i + "]";
      if (!n.isObject()) {
        throw new IllegalArgumentException(at + " must be a mapping");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!KEYS.contains(k)) {
          throw new IllegalArgumentException(at + ": unknown key '" + k + "'");
        }
      }
      for (String k : List.of("term", "definition")) {
        if (!n.hasNonNull(k) || !n.get(k).isValueNode() || n.get(k).asText().isBlank()) {
          throw new IllegalArgumentException(at + ": missing '" + k + "'");
        }
      }
      List<String> aliases = new ArrayList<>();
      JsonNode a = n.get("aliases");
      if (a != null) {
        if (!a.isArray()) {
          throw new IllegalArgumentException(at + ": 'aliases' must be a list");
        }
        a.forEach(x -> aliases.add(x.asText()));
      }
      out.add(new Entry(n.get("term").asText(), aliases, n.get("definition").asText().strip()));
    }
    out.sort(Comparator.comparing(e -> e.term().toLowerCase(Locale.ROOT)));
    return List.copyOf(out);
  }
}
