package org.fairkd.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small spec and data file into a directory for tests. */
final class SpecFixture {
  static final String SPEC =
      """
      name: tiny
      data: data.csv
      label:
        column: outcome
        favourable: [good]
      protected:
        - name: sex
          column: sex
          reference: m
      """;

  static final String DATA =
      "id,income,sex,outcome\n1,10.5,m,good\n2,20,f,bad\n3,,f,good\n4,40,m,bad\n";

  private SpecFixture() {}

  static Path write(Path dir, String spec, String data) {
    try {
      Files.writeString(dir.resolve("data.csv"), data, StandardCharsets.UTF_8);
      Path specFile = dir.resolve("spec.yaml");
      Files.writeString(specFile, spec, StandardCharsets.UTF_8);
      return specFile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
