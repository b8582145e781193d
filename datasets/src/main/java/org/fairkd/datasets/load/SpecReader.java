package org.fairkd.datasets.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;

/** Reads and writes {@link DatasetSpec} YAML; errors name the file and the key or line. */
public final class SpecReader {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private SpecReader() {}

  /** Reads a spec file. */
  public static DatasetSpec read(Path file) {
    String label = file.toString();
    if (!Files.exists(file)) {
      throw new DatasetException(label + ": spec file not found");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, label);
    } catch (NoSuchFileException e) {
      throw new DatasetException(label + ": spec file not found");
    } catch (IOException e) {
      throw new DatasetException(label + ": cannot read spec: " + e.getMessage(), e);
    }
  }

  /** Reads a spec from a stream; {@code label} names it in errors. */
  public static DatasetSpec read(InputStream in, String label) throws IOException {
    DatasetSpec spec;
    try {
      spec = YAML.readValue(in, DatasetSpec.class);
    } catch (UnrecognizedPropertyException e) {
      throw new DatasetException(
          label
              + ": unknown key '"
              + keyPath(e)
              + "' (known: "
              + String.join(
                  ", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
              + ")",
          e);
    } catch (JsonMappingException e) {
      String key = keyPath(e);
      throw new DatasetException(
          label + ":" + (key.isEmpty() ? "" : " key '" + key + "':") + " " + describe(e) + line(e),
          e);
    } catch (JsonProcessingException e) {
      throw new DatasetException(
          label
              + ": not valid YAML"
              + line(e)
              + ": "
              + e.getOriginalMessage().replaceAll("\\s+", " "),
          e);
    }
    if (spec == null) {
      throw new DatasetException(label + ": spec is empty");
    }
    return spec;
  }

  /** Serialises a spec to YAML. */
  public static String write(DatasetSpec spec) {
    try {
      return YAML.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A readable form of a mapping error, e.g. "expected a mapping, got a list". */
  private static String describe(JsonMappingException e) {
    String msg = e.getOriginalMessage().replaceAll("\\s+", " ");
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      java.util.regex.Matcher found =
          java.util.regex.Pattern.compile("from (\\w+) (value|token)").matcher(msg);
      String got = found.find() ? kind(found.group(1)) : null;
      String expected = expectedKind(m.getTargetType());
      if (got != null && expected != null) {
        return "expected " + expected + ", got " + got;
      }
    }
    return msg;
  }

  private static String kind(String jackson) {
    return switch (jackson) {
      case "Array" -> "a list";
      case "Object" -> "a mapping";
      case "String" -> "text";
      case "Integer", "Floating-point" -> "a number";
      case "Boolean" -> "true/false";
      default -> null;
    };
  }

  private static String expectedKind(Class<?> type) {
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "a mapping (key: value)";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type == String.class) {
      return "text";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return null;
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? ""
        : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static String keyPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
