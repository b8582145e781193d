package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairkd.audit.result.Distillation;
import org.fairkd.kd.files.DistillJsonReader;
import org.fairkd.kd.files.DistillJsonWriter;

/**
 * audit.json's {@code distillation} section ↔ {@link Distillation}: the section is distill.json
 * itself, written by kd-core's one writer ({@link DistillJsonWriter#tree}) and read by its one
 * reader ({@link DistillJsonReader#fromTree}), so it stays identical to the run's distill.json.
 */
public final class DistillationJson {
  private DistillationJson() {}

  /** The {@code distillation} section. */
  static ObjectNode write(Distillation d) {
    return DistillJsonWriter.tree(d.summary());
  }

  /**
   * The distillation in audit.json's {@code distillation} section, or null when there is none.
   *
   * @throws org.fairkd.kd.DistillationException when the section is not distill.json
   */
  static Distillation read(JsonNode section) {
    if (section == null || !section.isObject()) {
      return null;
    }
    return new Distillation(DistillJsonReader.fromTree(section, "distillation"));
  }

  /**
   * The teacher's training provenance as distill.json writes it ({@code provenance.teacher}), for
   * audit.json's {@code provenance.tribuo}; null without a distillation.
   */
  public static JsonNode teacherProvenance(Distillation d) {
    return d == null ? null : write(d).path("provenance").get("teacher");
  }
}
