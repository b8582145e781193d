package org.fairkd.policies.yaml;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.policies.PolicyException;

/**
 * A value of a policy file together with where it is: its document, its key path as users read it
 * ({@code rules[2].metric}) and its line. Errors made from a node name all three.
 *
 * @param doc the file the value comes from
 * @param value the value; null when the key is absent
 * @param key the key path, e.g. {@code rules[2].threshold}
 * @param pointer the JSON pointer of the value in {@code doc}
 */
public record Node(SourceDoc doc, JsonNode value, String key, JsonPointer pointer) {

  /** True when the key is present (even with an explicit null). */
  public boolean present() {
    return value != null && !value.isMissingNode();
  }

  /** The 1-based line of this key. */
  public int line() {
    return doc.lineOf(pointer);
  }

  /** An exception whose message is {@code file:line: key 'path': message}. */
  public PolicyException error(String message) {
    return new PolicyException(where() + message);
  }

  /** The prefix {@code file:line: key 'path': } of messages about this node. */
  public String where() {
    return doc.name() + ":" + line() + ": " + (key.isEmpty() ? "" : "key '" + key + "': ");
  }

  /** The field {@code name} of this mapping (not {@link #present()} when absent). */
  public Node get(String name) {
    JsonNode child = value == null ? null : value.get(name);
    return new Node(
        doc, child, key.isEmpty() ? name : key + "." + name, pointer.appendProperty(name));
  }

  /** The fields of this mapping in file order; an error when it is not a mapping. */
  public Map<String, Node> fields() {
    if (value == null || !value.isObject()) {
      throw error("expected a mapping of keys to values, got " + describe());
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      out.put(f, get(f));
    }
    return out;
  }

  /** The elements of this list; a single scalar counts as a one-element list. */
  public List<Node> elements() {
    List<Node> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        out.add(new Node(doc, value.get(i), key + "[" + i + "]", pointer.appendIndex(i)));
      }
    } else if (value != null && value.isValueNode() && !value.isNull()) {
      out.add(this);
    } else if (present() && !value.isNull()) {
      throw error("expected a list, got " + describe());
    }
    return out;
  }

  /** This scalar as text; an error when it is a list, mapping or null. */
  public String text() {
    if (value == null || !value.isValueNode() || value.isNull()) {
      throw error("expected a text value, got " + describe());
    }
    return value.asText();
  }

  /** This value as a number; an error naming the wrong type otherwise. */
  public double number() {
    if (value == null || !value.isNumber()) {
      throw error("expected a number, got " + describe());
    }
    return value.doubleValue();
  }

  /** A short description of the value's type and content for messages. */
  public String describe() {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    } else if (value.isNull()) {
      return "null";
    } else if (value.isTextual()) {
      return "text '" + value.asText() + "'";
    } else if (value.isArray()) {
      return "a list";
    } else if (value.isObject()) {
      return "a mapping";
    } else if (value.isBoolean()) {
      return "boolean " + value.asText();
    }
    return "'" + value.asText() + "'";
  }
}
