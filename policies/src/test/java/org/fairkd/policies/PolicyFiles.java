package org.fairkd.policies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes policy YAML files for tests. */
final class PolicyFiles {
  private PolicyFiles() {}

  static Path write(Path dir, String name, String yaml) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, yaml);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal valid policy header followed by {@code body}. */
  static String header(String id) {
    return "id: " + id + "\nversion: \"1\"\ntitle: Test policy " + id + "\n";
  }

  /** One valid rule as a list item (2-space indented keys), with {@code extra} keys appended. */
  static String rule(String id, String metric, String extra) {
    return "  - id: "
        + id
        + "\n    metric: "
        + metric
        + "\n    comparator: \">=\"\n    threshold: 0.8\n"
        + extra;
  }
}
