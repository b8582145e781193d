package org.fairkd.search.files;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;

/**
 * Writes a search's files, each atomically: {@code DIR/search.json}, {@code
 * DIR/candidates/<id>/student.json} for every candidate (the portable student with its {@code
 * threshold} and {@code candidate} id in the metadata) and the selected one again under {@code
 * DIR/selected/student.json}.
 */
public final class SearchOutputs {
  private SearchOutputs() {}

  /** Writes everything under {@code dir}. */
  public static void publish(Path dir, SearchResult r) {
    for (Candidate c : r.candidates()) {
      PortableStudent s = r.students().get(c.student());
      if (s == null) {
        continue;
      }
      byte[] json = withThreshold(s, c).toJson();
      AtomicFiles.write(dir.resolve("candidates").resolve(c.id()).resolve("student.json"), json);
      if (c.id().equals(r.selection().id())) {
        AtomicFiles.write(dir.resolve("selected").resolve("student.json"), json);
      }
    }
    AtomicFiles.write(dir.resolve("search.json"), SearchJsonWriter.bytes(r));
  }

  /** {@code s} with the candidate's id and threshold added to its metadata. */
  static PortableStudent withThreshold(PortableStudent s, Candidate c) {
    Map<String, Object> meta = new LinkedHashMap<>(s.metadata());
    meta.put("candidate", c.id());
    meta.put("threshold", c.params().threshold());
    return new PortableStudent(
        s.format(),
        s.version(),
        s.architecture(),
        s.activation(),
        s.output(),
        s.encoder(),
        s.inputNames(),
        s.layers(),
        meta);
  }
}
