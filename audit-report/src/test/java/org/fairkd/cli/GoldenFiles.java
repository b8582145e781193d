package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Golden copies of the demo's output files, committed under {@code src/test/resources/golden/}
 * (gzipped). A file is compared with its copy after masking what legitimately changes between runs:
 * timestamps, durations and measured speeds, the git commit and the command line (output paths).
 * Numbers must agree to 1e-12 relative.
 *
 * <p>Regenerate the copies only for documented additions: {@code mvn -pl audit-report -am verify
 * -Dtest=DemoEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false -Dfairkd.golden.update=true}.
 */
final class GoldenFiles {
  /** Object keys whose values vary from run to run (exact names). */
  private static final Set<String> VOLATILE_KEYS =
      Set.of(
          "started_at",
          "finished_at",
          "git_commit",
          "command",
          "trained-at",
          "datasource-creation-time",
          "training_seconds",
          "seconds");

  /** Object keys, by pattern, whose values are measured speeds or times. */
  private static final Pattern VOLATILE_KEY =
      Pattern.compile(".*(latency|throughput|speedup|_seconds|_us|_ms).*");

  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  static boolean updating() {
    return Boolean.getBoolean("fairkd.golden.update");
  }

  /**
   * Compares a JSON file with its golden copy {@code name} (or rewrites the copy when updating).
   */
  static void assertJson(Path actual, String name) throws IOException {
    ObjectMapper om = new ObjectMapper();
    if (updating()) {
      write(name, Files.readAllBytes(actual));
      return;
    }
    JsonNode want = mask(om.readTree(read(name)));
    JsonNode got = mask(om.readTree(actual.toFile()));
    List<String> diffs = new ArrayList<>();
    diff(want, got, "$", diffs);
    if (!diffs.isEmpty()) {
      fail(
          actual
              + " differs from golden/"
              + name
              + " in "
              + diffs.size()
              + " places, first: "
              + String.join("; ", diffs.subList(0, Math.min(8, diffs.size()))));
    }
  }

  /** Compares a text file (junit.xml, a CSV) with its copy, masking XML time attributes. */
  static void assertText(Path actual, String name) throws IOException {
    if (updating()) {
      write(name, Files.readAllBytes(actual));
      return;
    }
    String want = maskText(new String(read(name), StandardCharsets.UTF_8));
    String got = maskText(Files.readString(actual));
    if (!want.equals(got)) {
      String[] a = want.split("\n", -1);
      String[] b = got.split("\n", -1);
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        if (!a[i].equals(b[i])) {
          fail(
              actual
                  + " differs from golden/"
                  + name
                  + " at line "
                  + (i + 1)
                  + ":\n-"
                  + a[i]
                  + "\n+"
                  + b[i]);
        }
      }
      fail(
          actual + " differs from golden/" + name + ": " + a.length + " vs " + b.length + " lines");
    }
  }

  private static String maskText(String s) {
    return s.replaceAll(" time=\"[^\"]*\"", " time=\"*\"")
        .replaceAll(" timestamp=\"[^\"]*\"", " timestamp=\"*\"");
  }

  private static JsonNode mask(JsonNode n) {
    if (n instanceof ObjectNode o && o.path("path").asText().endsWith(".tribuo")) {
      // a Tribuo model file embeds its training time, so its SHA-256 changes with every run
      o.set("sha256", TextNode.valueOf("*"));
    }
    if (n instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      List<String> keys = new ArrayList<>();
      it.forEachRemaining(e -> keys.add(e.getKey()));
      for (String k : keys) {
        if (VOLATILE_KEYS.contains(k) || VOLATILE_KEY.matcher(k).matches()) {
          o.set(k, TextNode.valueOf("*"));
        } else {
          mask(o.get(k));
        }
      }
    } else if (n instanceof ArrayNode a) {
      a.forEach(GoldenFiles::mask);
    }
    return n;
  }

  private static void diff(JsonNode want, JsonNode got, String path, List<String> out) {
    if (want.isNumber() && got.isNumber()) {
      double x = want.doubleValue();
      double y = got.doubleValue();
      if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
        out.add(path + ": " + x + " -> " + y);
      }
      return;
    }
    if (want.getNodeType() != got.getNodeType()) {
      out.add(path + ": " + want + " -> " + got);
      return;
    }
    if (want.isObject()) {
      Iterator<String> names = want.fieldNames();
      while (names.hasNext()) {
        String k = names.next();
        if (!got.has(k)) {
          out.add(path + "." + k + ": removed");
        } else {
          diff(want.get(k), got.get(k), path + "." + k, out);
        }
      }
      Iterator<String> added = got.fieldNames();
      while (added.hasNext()) {
        String k = added.next();
        if (!want.has(k)) {
          out.add(path + "." + k + ": added");
        }
      }
    } else if (want.isArray()) {
      if (want.size() != got.size()) {
        out.add(path + ": " + want.size() + " -> " + got.size() + " elements");
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        diff(want.get(i), got.get(i), path + "[" + i + "]", out);
      }
    } else if (!want.equals(got)) {
      out.add(path + ": " + want + " -> " + got);
    }
  }

  private static byte[] read(String name) throws IOException {
    Path p = DIR.resolve(name + ".gz");
    if (!Files.isRegularFile(p)) {
      fail("no golden copy " + p + " (create it with -Dfairkd.golden.update=true)");
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  private static void write(String name, byte[] content) throws IOException {
    Files.createDirectories(DIR);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(DIR.resolve(name + ".gz")))) {
      out.write(content);
    }
  }
}
