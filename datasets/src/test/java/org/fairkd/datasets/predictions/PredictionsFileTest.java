package org.fairkd.datasets.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {
  @TempDir Path dir;

  /** Four rows; row ids and a group name that need quoting; one soft attribute. */
  static TabularDataset data() {
    ProtectedAttribute region =
        ProtectedAttribute.hard(
            "region",
            List.of("north, east", "say \"south\""),
            "north, east",
            new int[] {0, 1, -1, 0});
    ProtectedAttribute race =
        ProtectedAttribute.soft(
            "race",
            List.of("a", "b"),
            "a",
            new double[][] {{0.9, 0.2, 0.5, 1}, {0.1, 0.8, 0.5, 0}});
    return new TabularDataset(
        "tiny",
        null,
        List.of(new NumericColumn("x", new double[] {1, 2, 3, 4})),
        List.of("x"),
        List.of(),
        new boolean[] {true, false, true, false},
        List.of(region, race),
        new String[] {"r1", "r,2", "r\"3", "r4"},
        4,
        List.of());
  }

  static Map<String, double[]> scores() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("teacher", new double[] {0.1, 0.7234567890123457, 1e-5, 1.0});
    s.put("student", new double[] {0.2, 0.3, 0.4, 0.5});
    return s;
  }

  @Test
  void rendersTheDocumentedLayoutWithRfc4180Quoting() {
    Split split = new Split(new int[] {0, 3}, new int[] {1}, new int[] {});
    String text =
        new String(PredictionsFile.render(data(), split, scores()), StandardCharsets.UTF_8);
    String expected =
        "row_id,split,label,region,race,race=a,race=b,teacher_score,student_score\n"
            + "r1,train,1,\"north, east\",a,0.9,0.1,0.1,0.2\n"
            + "\"r,2\",validation,0,\"say \"\"south\"\"\",b,0.2,0.8,0.7234567890123457,0.3\n"
            + "\"r\"\"3\",unused,1,,a,0.5,0.5,1.0E-5,0.4\n"
            + "r4,train,0,\"north, east\",a,1.0,0.0,1.0,0.5\n";
    assertEquals(expected, text);
  }

  @Test
  void theReaderReadsBackWhatTheWriterWrote() throws Exception {
    Split split = new Split(new int[] {0, 3}, new int[] {1}, new int[] {2});
    Path f = dir.resolve("predictions.csv");
    Files.write(f, PredictionsFile.render(data(), split, scores()));
    PredictionsReader.Columns c =
        PredictionsReader.read(
            f,
            new PredictionsReader.Request(
                PredictionsFile.LABEL,
                null,
                List.of(
                    PredictionsFile.scoreColumn("teacher"), PredictionsFile.scoreColumn("student")),
                null,
                List.of(PredictionsFile.SPLIT, "region"),
                PredictionsFile.membershipColumn("race", "b")));
    assertEquals(4, c.rows());
    assertArrayEquals(new boolean[] {true, false, true, false}, c.labels());
    assertArrayEquals(scores().get("teacher"), c.scores().get("teacher_score"));
    assertArrayEquals(new double[] {0.1, 0.8, 0.5, 0}, c.weights());
    PredictionsReader.Categorical region = c.groups().get("region");
    assertEquals(List.of("north, east", "say \"south\""), region.levels());
    assertArrayEquals(new int[] {0, 1, -1, 0}, region.codes());
    assertEquals(List.of("test", "train", "validation"), c.groups().get("split").levels());
  }

  @Test
  void readerErrorsNameTheFileLineAndColumn() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "label,s\n1,0.5\n0,1.5\n");
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () ->
                PredictionsReader.read(
                    f,
                    new PredictionsReader.Request(
                        "label", null, List.of("s"), null, List.of(), null)));
    assertTrue(e.getMessage().startsWith("p.csv: line 3, column 's'"), e.getMessage());
  }
}
