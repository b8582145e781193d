package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.kd.DistillationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalTeacherTest {
  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path p = dir.resolve("scores.csv");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void matchesScoresByRowId() throws Exception {
    Path p = csv("row_id,other,p\ntrain:0,x,0.25\ntrain:1,y,1\ntest:7,z,0\n");
    ExternalTeacher t = ExternalTeacher.read(p, "row_id", "p");
    assertEquals(3, t.size());
    assertArrayEquals(
        new double[] {0.0, 0.25, 1.0}, t.forRowIds(List.of("test:7", "train:0", "train:1")));
  }

  @Test
  void errorsNameFileLineAndIds() throws Exception {
    Path p = csv("id,p\na,0.5\nb,1.5\n");
    assertError(
        () -> ExternalTeacher.read(p, "id", "p"),
        "scores.csv: line 3: 'p' must be in [0, 1], got 1.5");
    Path q = csv("id,p\na,0.5\nb,high\n");
    assertError(() -> ExternalTeacher.read(q, "id", "p"), "line 3: 'p' is not a number: 'high'");
    Path r = csv("id,p\na,0.5\na,0.2\n");
    assertError(() -> ExternalTeacher.read(r, "id", "p"), "line 3: duplicate id 'a'");
    Path s = csv("id,p\na,0.5\n");
    assertError(() -> ExternalTeacher.read(s, "id", "score"), "no column 'score' (columns: id, p)");
    ExternalTeacher t = ExternalTeacher.read(s, "id", "p");
    assertError(
        () -> t.forRowIds(List.of("a", "b", "c")), "2 row id(s) have no teacher score, e.g. b, c");
    assertError(
        () -> ExternalTeacher.read(dir.resolve("nope.csv"), "id", "p"),
        "nope.csv: teacher scores file not found");
  }

  private static void assertError(org.junit.jupiter.api.function.Executable ex, String expected) {
    DistillationException e = assertThrows(DistillationException.class, ex);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
