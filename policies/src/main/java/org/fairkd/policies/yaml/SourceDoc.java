package org.fairkd.policies.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fairkd.policies.PolicyException;

/**
 * One parsed policy file: its display name, its tree, and the line of every key and value (found
 * from the YAML parser's token locations, keyed by JSON pointer).
 */
public final class SourceDoc {
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  private final String name;
  private final Path dir;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private SourceDoc(String name, Path dir, JsonNode root, Map<String, Integer> lines) {
    this.name = name;
    this.dir = dir;
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses YAML text.
   *
   * @param name shown in messages (a path, or {@code bundled/NAME.yaml})
   * @param dir the directory relative includes are resolved against; null for bundled policies
   * @param text the YAML
   * @throws PolicyException for invalid YAML, naming the file and line
   */
  public static SourceDoc parse(String name, Path dir, String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          lines.putIfAbsent(
              p.getParsingContext().pathAsPointer().toString(),
              p.currentTokenLocation().getLineNr());
        }
      }
      JsonNode root = MAPPER.readTree(text);
      return new SourceDoc(name, dir, root == null ? MAPPER.nullNode() : root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String msg = e.getOriginalMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
      if (msg.contains("block scalar")) {
        msg += " (a value starting with '>' must be quoted, e.g. comparator: \">=\")";
      }
      throw new PolicyException(name + ":" + line + ": invalid YAML: " + msg, e);
    } catch (IOException e) {
      throw new PolicyException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The name shown in messages. */
  public String name() {
    return name;
  }

  /** The directory relative includes are resolved against; null for bundled policies. */
  public Path dir() {
    return dir;
  }

  /** The document root as a located node. */
  public Node root() {
    return new Node(this, root, "", JsonPointer.empty());
  }

  /** The 1-based line of the key or value at {@code pointer}, or of its nearest ancestor. */
  int lineOf(JsonPointer pointer) {
    JsonPointer p = pointer;
    while (p != null) {
      Integer line = lines.get(p.toString());
      if (line != null) {
        return line;
      }
      p = p.head();
    }
    return 1;
  }
}
