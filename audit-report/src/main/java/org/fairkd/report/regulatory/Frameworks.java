package org.fairkd.report.regulatory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled framework files ({@code org/fairkd/report/regulatory/<id>.yaml}), their loader and
 * {@code --frameworks}' selection. A file is checked key by key; a problem is one line naming the
 * file and the key ({@code eu-ai-act.yaml: items[3] (record-keeping): missing 'citation'}).
 */
public final class Frameworks {
  /** The bundled framework ids, in report order. */
  public static final List<String> BUNDLED =
      List.of("us-model-risk", "us-ecoa-reg-b", "eu-ai-act", "nyc-ll144", "colorado");

  /** {@code --frameworks}' word for the frameworks marked {@code default: true}. */
  public static final String DEFAULT = "default";

  /** {@code --frameworks}' word for every bundled framework. */
  public static final String ALL = "all";

  private static final String DIR = "/org/fairkd/report/regulatory/";
  private static final List<String> TOP_KEYS =
      List.of("id", "title", "version", "as_of", "jurisdiction", "default", "summary", "items");
  private static final List<String> ITEM_KEYS =
      List.of("id", "requirement", "citation", "effective", "evidence", "not_evidenced");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<Framework> bundled;

  private Frameworks() {}

  /** Every bundled framework, loaded once, in {@link #BUNDLED} order. */
  public static synchronized List<Framework> bundled() {
    if (bundled == null) {
      List<Framework> out = new ArrayList<>();
      for (String id : BUNDLED) {
        String file = id + ".yaml";
        try (InputStream in = Frameworks.class.getResourceAsStream(DIR + file)) {
          if (in == null) {
            throw new IllegalStateException(file + ": bundled framework file is missing");
          }
          Framework f = parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          if (!f.id().equals(id)) {
            throw new IllegalArgumentException(file + ": id '" + f.id() + "' is not '" + id + "'");
          }
          out.add(f);
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
      }
      bundled = List.copyOf(out);
    }
    return bundled;
  }

  /** The bundled framework {@code id}. */
  public static Optional<Framework> find(String id) {
    return bundled().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * The frameworks {@code option} names: {@code default} (the US and the EU), {@code all}, or ids
   * separated by commas (in the order given, each once).
   *
   * @throws IllegalArgumentException for an unknown id or an empty list, naming the known ids
   */
  public static List<Framework> select(String option) {
    String text = option == null ? DEFAULT : option.strip().toLowerCase(Locale.ROOT);
    if (text.equals(DEFAULT)) {
      return bundled().stream().filter(Framework::selectedByDefault).toList();
    }
    if (text.equals(ALL)) {
      return bundled();
    }
    List<Framework> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String id = part.strip();
      Framework f =
          find(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          (id.isEmpty() ? "empty framework id" : "unknown framework '" + id + "'")
                              + " (known: "
                              + String.join(", ", BUNDLED)
                              + "; or "
                              + DEFAULT
                              + ", "
                              + ALL
                              + ")"));
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Parses and checks one framework file's text.
   *
   * @param file the file's name, for messages
   * @throws IllegalArgumentException naming the file and the key
   */
  public static Framework parse(String file, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new IllegalArgumentException(file + ": not valid YAML" + where, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a mapping with keys " + TOP_KEYS);
    }
    unknownKeys(file, "", root, TOP_KEYS);
    JsonNode items = root.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new IllegalArgumentException(file + ": 'items' must be a non-empty list");
    }
    List<FrameworkItem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      FrameworkItem item = item(file, i, items.get(i));
      if (!ids.add(item.id())) {
        throw new IllegalArgumentException(
            file + ": items[" + i + "]: id '" + item.id() + "' repeats");
      }
      out.add(item);
    }
    JsonNode dflt = root.get("default");
    if (dflt != null && !dflt.isBoolean()) {
      throw new IllegalArgumentException(file + ": 'default' must be true or false");
    }
    return new Framework(
        text(file, "", root, "id"),
        text(file, "", root, "title"),
        text(file, "", root, "version"),
        date(file, "", root, "as_of"),
        text(file, "", root, "jurisdiction"),
        dflt != null && dflt.booleanValue(),
        text(file, "", root, "summary").strip(),
        out);
  }

  private static FrameworkItem item(String file, int i, JsonNode n) {
    String at = "items[" + i + "]";
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(file + ": " + at + " must be a mapping");
    }
    at += n.hasNonNull("id") ? " (" + n.get("id").asText() + ")" : "";
    unknownKeys(file, at + ": ", n, ITEM_KEYS);
    List<EvidenceRef> evidence = new ArrayList<>();
    JsonNode ev = n.get("evidence");
    if (ev != null) {
      if (!ev.isArray() || ev.isEmpty()) {
        throw new IllegalArgumentException(
            file + ": " + at + ": 'evidence' must be a non-empty list");
      }
      for (JsonNode e : ev) {
        try {
          evidence.add(EvidenceRef.parse(e.asText()));
        } catch (IllegalArgumentException bad) {
          throw new IllegalArgumentException(
              file + ": " + at + ": evidence " + bad.getMessage(), bad);
        }
      }
    }
    JsonNode why = n.get("not_evidenced");
    if ((ev == null) == (why == null)) {
      throw new IllegalArgumentException(
          file + ": " + at + ": give exactly one of 'evidence' and 'not_evidenced'");
    }
    return new FrameworkItem(
        text(file, at + ": ", n, "id"),
        text(file, at + ": ", n, "requirement"),
        text(file, at + ": ", n, "citation"),
        date(file, at + ": ", n, "effective"),
        evidence,
        why == null ? "" : text(file, at + ": ", n, "not_evidenced"));
  }

  private static void unknownKeys(String file, String at, JsonNode n, List<String> known) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            file + ": " + at + "unknown key '" + k + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }

  private static String text(String file, String at, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(file + ": " + at + "missing '" + key + "'");
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new IllegalArgumentException(file + ": " + at + "'" + key + "' must be a text");
    }
    return v.asText();
  }

  private static LocalDate date(String file, String at, JsonNode n, String key) {
    String s = text(file, at, n, key);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          file + ": " + at + "'" + key + "' must be a date YYYY-MM-DD, got '" + s + "'", e);
    }
  }
}
