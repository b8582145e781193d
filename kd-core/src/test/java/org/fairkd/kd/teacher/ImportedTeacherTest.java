package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.DistillationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported members inside a teacher: configured in YAML with paths relative to the config file,
 * scored on fairkd's encoded rows (decoded back to the model's inputs) as Python scored the raw
 * rows, mixed with a trained member, never refitted, saved and loaded; and a mapping that does not
 * fit the model is one line naming the member and the column.
 */
class ImportedTeacherTest {
  private static final Path DIR = ImportedFixtures.dir();

  record Fitted(TeacherFit fit, float[][] x, boolean[] y) {}

  static TeacherConfig config(String yaml, Path file) throws IOException {
    Files.writeString(file, yaml);
    JsonNode n = new YAMLMapper().readTree(yaml);
    return TeacherConfig.fromNode(n.get("teacher"), file.toString());
  }

  static Fitted fit(TeacherConfig cfg) {
    TabularDataset d = Datasets.loadSpec(DIR.resolve("loans.yaml"));
    int[] all = java.util.stream.IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    float[][] x = enc.transform(d, all);
    boolean[] y = d.favourableLabels();
    return new Fitted(
        TeacherTrainer.fit(cfg, x, y, x, y, enc.outputNames(), enc.spec(), d, 5), x, y);
  }

  static TeacherConfig fixtureConfig() throws IOException {
    JsonNode n = new YAMLMapper().readTree(DIR.resolve("teacher.yaml").toFile());
    return TeacherConfig.fromNode(n.get("teacher"), DIR.resolve("teacher.yaml").toString());
  }

  @Test
  void importedMembersScoreEncodedRowsAsPythonScoredTheRawRows(@TempDir Path tmp) {
    Fitted f = fit(assertDoesNotThrowConfig());
    Map<String, double[]> members = f.fit().ensemble().memberPredictions(f.x());
    double dx = ImportedModelTest.maxAbsDiff(members.get("py_xgb"), ImportedFixtures.python("xgb"));
    double dl =
        ImportedModelTest.maxAbsDiff(
            members.get("py_logistic"), ImportedFixtures.python("logistic_onnx"));
    double dt =
        ImportedModelTest.maxAbsDiff(
            members.get("py_trees"), ImportedFixtures.python("trees_onnx"));
    System.out.printf(
        "encoded path vs Python: xgb %.3g, onnx logistic %.3g, onnx trees %.3g%n", dx, dl, dt);
    assertEquals(0, dx, 1e-6);
    assertEquals(0, dl, 1e-6);
    assertEquals(0, dt, 1e-6);
    assertEquals(4, f.fit().ensemble().weights().length);

    TeacherEnsemble e = f.fit().ensemble();
    e.save(tmp.resolve("t"));
    assertTrue(Files.isRegularFile(tmp.resolve("t/members/py_xgb.json")));
    assertTrue(Files.isRegularFile(tmp.resolve("t/members/py_trees.onnx")));
    TeacherEnsemble back = TeacherEnsemble.load(tmp.resolve("t"));
    assertArrayEquals(e.predictFavourable(f.x()), back.predictFavourable(f.x()), 0.0);
  }

  private static TeacherConfig assertDoesNotThrowConfig() {
    try {
      return fixtureConfig();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anImportedMemberIsNotRefittedItsSoftTargetsAreItsScoresAndUnfavourableFlips(
      @TempDir Path tmp) throws IOException {
    Path model = DIR.resolve("xgb.ubj");
    TeacherConfig cfg =
        config(
            """
            teacher:
              members:
                - {name: risk, type: xgboost_model, path: %s, predicts: unfavourable,
                   inputs: [income, age, debt_ratio, purpose], one_hot: {purpose: [auto, car, home]}}
            """
                .formatted(model),
            tmp.resolve("c.yaml"));
    Fitted f = fit(cfg);
    double[] py = ImportedFixtures.python("xgb");
    double[] soft = f.fit().trainSoftTargets();
    for (int i = 0; i < py.length; i++) {
      assertEquals(1 - py[i], soft[i], 1e-6);
    }
    JsonNode json = cfg.toJson().get("members").get(0);
    assertEquals("model_scores", json.get("soft_targets").asText());
    assertEquals("unfavourable", json.get("predicts").asText());
  }

  @Test
  void aPathIsRelativeToTheConfigFile(@TempDir Path tmp) throws IOException {
    Files.copy(DIR.resolve("logistic.onnx"), tmp.resolve("m.onnx"));
    TeacherConfig cfg =
        config(
            "teacher: {members: [{type: onnx, path: m.onnx, inputs: [age, purpose],"
                + " one_hot: {purpose: [car, home]}}]}",
            tmp.resolve("cfg.yaml"));
    assertEquals(tmp.resolve("m.onnx"), cfg.members().get(0).imported().path());
    assertEquals(
        tmp.resolve("m.onnx"),
        org.fairkd.kd.pipeline.DistillConfig.read(tmp.resolve("cfg.yaml"))
            .teacher()
            .members()
            .get(0)
            .imported()
            .path());
    Fitted f = fit(cfg);
    assertEquals(
        0,
        ImportedModelTest.maxAbsDiff(
            f.fit().ensemble().predictFavourable(f.x()), ImportedFixtures.python("logistic_onnx")),
        1e-6);
  }

  private static String error(Path tmp, String member) throws IOException {
    TeacherConfig cfg = config("teacher: {members: [" + member + "]}", tmp.resolve("bad.yaml"));
    return assertThrows(DistillationException.class, () -> fit(cfg)).getMessage();
  }

  @Test
  void aMappingThatDoesNotFitTheModelIsOneLineNamingMemberAndColumn(@TempDir Path tmp)
      throws IOException {
    String xgb = "{name: x, type: xgboost_model, path: " + DIR.resolve("xgb.json") + ", ";
    String bad = tmp.resolve("bad.yaml").toString();
    assertEquals(
        bad
            + ": teacher member 'x': the model declares 6 inputs but the mapping gives 5: model"
            + " input 6 ('purpose=home') has no column",
        error(
            tmp,
            xgb + "inputs: [income, age, debt_ratio, purpose], one_hot: {purpose: [auto, car]}}"));
    assertEquals(
        bad + ": teacher member 'x': input 1 is column 'age' but the model calls it 'income'",
        error(
            tmp,
            xgb
                + "inputs: [age, income, debt_ratio, purpose], one_hot: {purpose: [auto, car, home]}}"));
    assertEquals(
        bad
            + ": teacher member 'x': input column 'salary' is not a feature of the dataset"
            + " (features: income, age, debt_ratio, purpose, term)",
        error(
            tmp,
            xgb
                + "inputs: [salary, age, debt_ratio, purpose], one_hot: {purpose: [auto, car, home]}}"));
    String onnx = "{name: o, type: onnx, path: " + DIR.resolve("logistic.onnx") + ", ";
    assertEquals(
        bad
            + ": teacher member 'o': column 'debt_ratio' is input 4 of the mapping but the model"
            + " declares only 3 inputs",
        error(tmp, onnx + "inputs: [age, purpose, debt_ratio], one_hot: {purpose: [car, home]}}"));
    assertEquals(
        bad
            + ": teacher member 'o': model input 'float_input' is a float tensor but column"
            + " 'purpose' is categorical: give its levels in one_hot",
        error(tmp, onnx + "inputs: [age, purpose, debt_ratio]}"));
    assertEquals(
        bad + ": teacher member 'o': model file not found: " + tmp.resolve("nope.onnx"),
        error(tmp, "{name: o, type: onnx, path: nope.onnx, inputs: [age]}"));
  }

  @Test
  void configKeysOfAnImportedMemberAreChecked(@TempDir Path tmp) {
    DistillationException e =
        assertThrows(
            DistillationException.class,
            () ->
                config(
                    "teacher: {members: [{type: onnx, path: m.onnx, inputs: [age], trees: 3}]}",
                    tmp.resolve("k.yaml")));
    assertEquals(
        tmp.resolve("k.yaml")
            + ": key 'teacher.members[0].trees': unknown key for an imported member (allowed:"
            + " favourable_class, inputs, name, one_hot, path, predicts, soft_targets, type)",
        e.getMessage());
  }
}
