package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The model of one member: a Tribuo model ({@link TribuoMember}), a DJL-trained MLP scored in plain
 * Java ({@link MlpMember}) or a model trained elsewhere ({@link ImportedMember}, opened by {@link
 * TeacherTrainer}, never trained here). Which one is decided by the {@link MemberType} in {@link
 * #train} and {@link #load} only.
 */
sealed interface MemberModel permits TribuoMember, MlpMember, ImportedMember {

  /** P(favourable) per encoded row. */
  double[] predict(TribuoRows rows, float[][] x);

  /**
   * Writes the model to {@code dir/members/<name>.<ext>} (atomically) and records its file (and any
   * extra fields) in the member's {@code teacher.json} entry.
   */
  void save(Path dir, String name, ObjectNode entry) throws IOException;

  /** The provenance entry of this member in {@code provenance.json}. */
  JsonNode provenance(MemberSpec spec);

  /**
   * Trains a member of {@code spec}'s type on the rows {@code trainRows} of {@code x}.
   *
   * @throws IllegalStateException for an imported member (see {@link ImportedMember#open})
   */
  static MemberModel train(
      MemberSpec spec, TribuoRows rows, float[][] x, boolean[] y, int[] trainRows, long seed) {
    if (spec.type().isImported()) {
      throw new IllegalStateException(spec.name() + " is imported, not trained");
    }
    return spec.type().isTribuo()
        ? TribuoMember.train(spec, rows, x, y, trainRows, seed)
        : MlpMember.train(spec, x, y, trainRows, seed);
  }

  /**
   * Reads a member saved by {@link #save}.
   *
   * @param entry the member's entry in {@code teacher.json}
   * @param width the number of encoded features of the teacher
   * @throws org.fairkd.kd.DistillationException naming the file when it is missing or invalid
   */
  static MemberModel load(MemberSpec spec, Path dir, JsonNode entry, int width) {
    Path file = dir.resolve(entry.path("file").asText());
    if (spec.type().isImported()) {
      return ImportedMember.read(spec, file, entry);
    }
    return spec.type().isTribuo() ? TribuoMember.read(file, entry) : MlpMember.read(file, width);
  }
}
