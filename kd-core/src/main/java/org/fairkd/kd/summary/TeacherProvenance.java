package org.fairkd.kd.summary;

import java.util.Map;

/** Where the teacher came from: an ensemble trained here, or scores read from a file. */
public sealed interface TeacherProvenance {

  /**
   * A Tribuo / DJL ensemble trained by fairkd.
   *
   * @param members per member name (in member order), its provenance as JSON text: for Tribuo
   *     members the array of OLCUT-marshalled provenance objects, for MLP members an object; kept
   *     as opaque text because its layout is Tribuo's
   */
  record Ensemble(Map<String, String> members) implements TeacherProvenance {
    /** Copies the map, keeping its order. */
    public Ensemble {
      members = DistillSummary.ordered(members);
    }
  }

  /**
   * A teacher trained elsewhere, given as a scores file.
   *
   * @param file the scores CSV
   * @param idColumn its row-id column
   * @param scoreColumn its score column
   * @param sha256 the file's SHA-256
   */
  record External(String file, String idColumn, String scoreColumn, String sha256)
      implements TeacherProvenance {}
}
