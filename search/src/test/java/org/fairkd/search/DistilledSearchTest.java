package org.fairkd.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.PreparedDistillation;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.search.files.SearchOutputs;
import org.fairkd.search.measure.DisparityMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search on real (tiny) distillations: kd-core prepares once and trains each candidate, the
 * same seed gives the same search.json apart from timings (with and without a training worker
 * process), and the written students score the selected candidate, without the protected attribute
 * as an input.
 */
class DistilledSearchTest {
  static final String CONFIG =
      """
      teacher: {members: [{type: logistic}], soft_targets: in_sample}
      student: {architecture: "8", transfer: "off", epochs: 6, patience: 3}
      split: {validation: 0.25, test: 0.25}
      """;

  @TempDir Path dir;

  static SearchResult search(TabularDataset d, int workers) throws Exception {
    DistillConfig cfg = DistillConfig.fromNode(new YAMLMapper().readTree(CONFIG), "t.yaml");
    PreparedDistillation prep = PreparedDistillation.prepare(d, cfg, "race", 3);
    SearchConfig sc = SearchConfig.defaults(DisparityMetric.ADVERSE_IMPACT_RATIO_MIN, 3, 0.01, 3);
    return DistilledSearch.run(prep, "race", sc, null, workers);
  }

  static String withoutTimings(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replaceAll("\"seconds\" : [0-9.eE-]+", "");
  }

  @Test
  void sameSeedSameSearchJsonAndPortableStudentsMatchTheMeasurements() throws Exception {
    TabularDataset d = SyntheticLending.generate(1600, 5, SyntheticLending.Config.defaults());
    SearchResult a = search(d, 0);
    SearchOutputs.publish(dir.resolve("a"), a);
    // the second run trains each round's second student in a worker process: same file
    SearchOutputs.publish(dir.resolve("b"), search(d, 1));
    assertEquals(
        withoutTimings(dir.resolve("a/search.json")), withoutTimings(dir.resolve("b/search.json")));
    assertEquals(3, a.stopping().studentsTrained());

    String sel = a.selection().id();
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a/candidates/" + sel + "/student.json")),
        Files.readAllBytes(dir.resolve("a/selected/student.json")));
    PortableStudent p = PortableStudent.read(dir.resolve("a/selected/student.json"));
    assertEquals(sel, p.metadata().get("candidate"));
    assertTrue(p.metadata().containsKey("threshold"));
    assertTrue(
        !p.inputNames().contains("race")
            && p.inputNames().stream().noneMatch(n -> n.startsWith("race=")),
        "race is not a student input: " + p.inputNames());
    String arch =
        a.candidates().stream()
            .filter(c -> c.id().equals(sel))
            .findFirst()
            .orElseThrow()
            .params()
            .training()
            .architecture()
            .toString();
    assertEquals(arch, p.architecture());
  }
}
