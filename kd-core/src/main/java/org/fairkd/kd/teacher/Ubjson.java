package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A reader of Universal Binary JSON (ubjson.org, draft 12), the format of XGBoost's {@code .ubj}
 * model files, into a Jackson tree: all value types ({@code Z N T F i U I l L d D H C S}), arrays
 * and objects, including optimised containers ({@code $} type, {@code #} count). Big-endian.
 * float32 values become float nodes, so their exact value is kept.
 */
final class Ubjson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ByteBuffer in;

  private Ubjson(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes);
  }

  /** Whether {@code bytes} look like UBJSON rather than JSON text (both start with '{'). */
  static boolean looksLikeUbjson(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == '{' && "iUIlL$#}".indexOf(bytes[1]) >= 0;
  }

  /**
   * Parses one UBJSON value.
   *
   * @throws IllegalArgumentException on malformed input
   */
  static JsonNode parse(byte[] bytes) {
    try {
      Ubjson u = new Ubjson(bytes);
      return u.value(u.in.get());
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated UBJSON");
    }
  }

  private JsonNode value(byte type) {
    return switch (type) {
      case 'Z' -> F.nullNode();
      case 'T' -> F.booleanNode(true);
      case 'F' -> F.booleanNode(false);
      case 'i', 'U', 'I', 'l', 'L' -> F.numberNode(integer(type));
      case 'd' -> F.numberNode(in.getFloat());
      case 'D' -> F.numberNode(in.getDouble());
      case 'C' -> F.textNode(String.valueOf((char) (in.get() & 0xff)));
      case 'S', 'H' -> F.textNode(string());
      case '[' -> array();
      case '{' -> object();
      default -> throw new IllegalArgumentException("unknown UBJSON type '" + (char) type + "'");
    };
  }

  private long integer(byte type) {
    return switch (type) {
      case 'i' -> in.get();
      case 'U' -> in.get() & 0xff;
      case 'I' -> in.getShort();
      case 'l' -> in.getInt();
      case 'L' -> in.getLong();
      default ->
          throw new IllegalArgumentException("not a UBJSON integer type '" + (char) type + "'");
    };
  }

  private String string() {
    int n = Math.toIntExact(integer(in.get()));
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The optional {@code $type} and {@code #count} of a container: {type or 0, count or -1}. */
  private long[] header() {
    byte type = 0;
    long count = -1;
    if (in.get(in.position()) == '$') {
      in.get();
      type = in.get();
    }
    if (in.get(in.position()) == '#') {
      in.get();
      count = integer(in.get());
    } else if (type != 0) {
      throw new IllegalArgumentException("UBJSON '$' without '#'");
    }
    return new long[] {type, count};
  }

  private JsonNode array() {
    ArrayNode a = F.arrayNode();
    long[] h = header();
    if (h[1] < 0) {
      for (byte t = in.get(); t != ']'; t = in.get()) {
        if (t != 'N') {
          a.add(value(t));
        }
      }
      return a;
    }
    for (long i = 0; i < h[1]; i++) {
      a.add(value(h[0] != 0 ? (byte) h[0] : in.get()));
    }
    return a;
  }

  private JsonNode object() {
    ObjectNode o = F.objectNode();
    long[] h = header();
    if (h[1] < 0) {
      while (in.get(in.position()) != '}') {
        String k = string();
        byte t = in.get();
        o.set(k, value(t));
      }
      in.get();
      return o;
    }
    for (long i = 0; i < h[1]; i++) {
      String k = string();
      o.set(k, value(h[0] != 0 ? (byte) h[0] : in.get()));
    }
    return o;
  }
}
