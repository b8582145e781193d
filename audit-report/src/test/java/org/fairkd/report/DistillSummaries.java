package org.fairkd.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.fairkd.kd.files.DistillJsonReader;
import org.fairkd.kd.summary.DistillSummary;

/** Distillation summaries for report tests: the demo's distill.json (golden copy), edited. */
final class DistillSummaries {
  private DistillSummaries() {}

  /** The demo's distill.json tree, to edit before {@link #read}. */
  static ObjectNode demoTree() {
    try (InputStream in =
        new GZIPInputStream(
            DistillSummaries.class.getResourceAsStream("/golden/demo-distill.json.gz"))) {
      return (ObjectNode) new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary of an (edited) distill.json tree, through kd-core's reader. */
  static DistillSummary read(ObjectNode tree) {
    return DistillJsonReader.fromTree(tree, "test distill.json");
  }
}
