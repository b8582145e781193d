package org.fairkd.kd.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.fairkd.kd.teacher.ExternalTeacher;

/**
 * Where an external teacher's probabilities are: a CSV file with a row-id column (matched against
 * {@code TabularDataset.rowId}) and a P(favourable) column, read by {@link ExternalTeacher}.
 *
 * @param file the scores CSV
 * @param idColumn the row-id column (default {@code row_id})
 * @param scoreColumn the score column (default {@code teacher_score})
 */
public record ExternalTeacherSpec(Path file, String idColumn, String scoreColumn) {
  /** Default id column. */
  public static final String DEFAULT_ID_COLUMN = "row_id";

  /** Default score column. */
  public static final String DEFAULT_SCORE_COLUMN = "teacher_score";

  /** Reads and validates the file. */
  ExternalTeacher read() {
    return ExternalTeacher.read(file, idColumn, scoreColumn);
  }

  /** {@code {file, id_column, score_column}}, as in distill.json's config. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("file", file.toString());
    o.put("id_column", idColumn);
    o.put("score_column", scoreColumn);
    return o;
  }
}
