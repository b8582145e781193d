package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.transfer.Munge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX members exported from scikit-learn pipelines: several named inputs mapped to columns,
 * categorical columns fed as string tensors, the favourable class read from a ZipMap output. They
 * score fairkd's encoded rows and raw rows as Python scored the raw rows, MUNGE rows reach them as
 * valid category names, and a mapping that does not fit the model's declared inputs is one line
 * naming the member and the input or column.
 */
class ImportedPipelineTeacherTest {
  private static final Path DIR = ImportedFixtures.dir();
  static final String LOGISTIC =
      "{name: pipe_lr, type: onnx, path: "
          + DIR.resolve("pipeline_logistic.onnx")
          + ", inputs: {age: age, num: [income, debt_ratio], purpose: purpose}}";
  static final String TREES =
      "{name: pipe_trees, type: onnx, path: "
          + DIR.resolve("pipeline_trees.onnx")
          + ", inputs: {numeric: [age], categorical: [purpose, term]}, favourable_class: repaid}";

  private static TeacherConfig config(Path tmp, String... members) throws IOException {
    return ImportedTeacherTest.config(
        "teacher: {members: [" + String.join(", ", members) + "]}", tmp.resolve("c.yaml"));
  }

  @Test
  void pipelineMembersScoreEncodedAndRawRowsAsPython(@TempDir Path tmp) throws IOException {
    TeacherConfig cfg = config(tmp, LOGISTIC, TREES);
    ImportedTeacherTest.Fitted f = ImportedTeacherTest.fit(cfg);
    Map<String, double[]> members = f.fit().ensemble().memberPredictions(f.x());
    double dl =
        ImportedModelTest.maxAbsDiff(
            members.get("pipe_lr"), ImportedFixtures.python("pipeline_logistic"));
    double dt =
        ImportedModelTest.maxAbsDiff(
            members.get("pipe_trees"), ImportedFixtures.python("pipeline_trees"));
    System.out.printf("encoded path vs Python: pipeline logistic %.3g, trees %.3g%n", dl, dt);
    assertEquals(0, dl, 1e-6);
    assertEquals(0, dt, 1e-6);

    TeacherEnsemble e = f.fit().ensemble();
    List<String> header = List.of("income", "age", "debt_ratio", "purpose", "term");
    FastTeacher fast = FastTeacher.of(e, header);
    Object[][] raw = ImportedFixtures.rawRows(header, Set.of("income", "age", "debt_ratio"));
    double[] expected = e.predictFavourable(f.x());
    double[] viaRaw = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      viaRaw[i] = fast.score(raw[i], null);
    }
    assertArrayEquals(expected, viaRaw, 1e-6);
    assertTrue(fast.description().contains("pipe_trees: ONNX Runtime session on raw inputs"));

    e.save(tmp.resolve("t"));
    TeacherEnsemble back = TeacherEnsemble.load(tmp.resolve("t"));
    assertArrayEquals(expected, back.predictFavourable(f.x()), 0.0);
    JsonNode json = cfg.toJson().get("members").get(1);
    assertEquals("repaid", json.get("favourable_class").asText());
    assertEquals("purpose", json.get("inputs").get("categorical").get(0).asText());
  }

  @Test
  void mungeRowsReachTheModelAsKnownCategoriesOrTheEmptyString(@TempDir Path tmp)
      throws IOException {
    TabularDataset d = Datasets.loadSpec(DIR.resolve("loans.yaml"));
    int[] all = java.util.stream.IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    MemberSpec spec = config(tmp, TREES).members().get(0);
    ImportedMember m = ImportedMember.open(spec, enc.spec(), d);
    float[][] synthetic =
        new Munge(0.5, 2.0, 2.0, 64).generate(enc.transform(d, all), enc.spec(), 3).x();
    ModelRows rows = m.inputs().decode(synthetic);
    String[] cats = rows.tensors().get(1).strings();
    assertEquals(2 * synthetic.length, cats.length);
    Set<String> seen = new java.util.TreeSet<>(List.of(cats));
    assertEquals(Set.of("", "36m", "60m", "auto", "car", "home"), seen);
    for (int i = 0; i < synthetic.length; i++) {
      assertTrue(Set.of("", "auto", "car", "home").contains(cats[2 * i]), cats[2 * i]);
      assertTrue(Set.of("", "36m", "60m").contains(cats[2 * i + 1]), cats[2 * i + 1]);
    }
    double[] p = m.predict(null, synthetic);
    assertEquals(synthetic.length, p.length);
    assertTrue(java.util.Arrays.stream(p).allMatch(v -> v > 0 && v < 1));
  }

  private static String error(Path tmp, String member) throws IOException {
    TeacherConfig cfg = config(tmp, member);
    return assertThrows(DistillationException.class, () -> ImportedTeacherTest.fit(cfg))
        .getMessage();
  }

  @Test
  void aMappingThatDoesNotFitTheDeclaredInputsIsOneLineNamingMemberAndInput(@TempDir Path tmp)
      throws IOException {
    String p = tmp.resolve("c.yaml") + ": teacher member 'p': ";
    String lr = "{name: p, type: onnx, path: " + DIR.resolve("pipeline_logistic.onnx") + ", ";
    String trees = "{name: p, type: onnx, path: " + DIR.resolve("pipeline_trees.onnx") + ", ";
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(
        lr + "inputs: [age, income, debt_ratio, purpose]}",
        "the model has 3 inputs (age, num, purpose): map each to its columns, inputs: {age:"
            + " [...], ...}");
    cases.put(
        lr + "inputs: {age: age, nums: [income, debt_ratio], purpose: purpose}}",
        "inputs names model input 'nums', which the model does not have (its inputs: age, num,"
            + " purpose)");
    cases.put(
        lr + "inputs: {age: age, purpose: purpose}}",
        "model input 'num' has no column (the mapping gives: age, purpose)");
    cases.put(
        lr + "inputs: {age: term, num: [income, debt_ratio], purpose: purpose}}",
        "model input 'age' is a float tensor but column 'term' is categorical: give its levels in"
            + " one_hot");
    cases.put(
        lr
            + "inputs: {age: age, num: [income, debt_ratio], purpose: purpose},"
            + " one_hot: {purpose: [auto, car, home]}}",
        "model input 'purpose' is a string tensor but column 'purpose' gives numbers");
    cases.put(
        lr + "inputs: {age: age, num: [income], purpose: purpose}}",
        "model input 'num' takes 2 values but the mapping gives 1: value 2 has no column");
    cases.put(
        lr + "inputs: {age: [age, debt_ratio], num: [income], purpose: purpose}}",
        "column 'debt_ratio' is value 2 of model input 'age' but the model declares only 1");
    cases.put(
        trees + "inputs: {numeric: age, categorical: [purpose, income]}, favourable_class: repaid}",
        "model input 'categorical' is a string tensor but column 'income' gives numbers");
    cases.put(
        trees + "inputs: {numeric: age, categorical: [purpose, term]}}",
        "the ONNX model's output 'output_probability' has string classes: say which is favourable"
            + " with favourable_class");
    cases.put(
        trees + "inputs: {numeric: age, categorical: [purpose, term]}, favourable_class: good}",
        "the model's output 'output_probability' has no class 'good' (classes: default, repaid):"
            + " set favourable_class to one of them");
    cases.put(
        "{name: p, type: xgboost_model, path: "
            + DIR.resolve("xgb.json")
            + ", inputs: [income, age, debt_ratio, purpose]}",
        "input column 'purpose' is categorical: give its levels in one_hot, in model order");
    cases.forEach((member, message) -> assertEquals(p + message, errorOf(tmp, member), member));
  }

  private static String errorOf(Path tmp, String member) {
    try {
      return error(tmp, member);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void favourableClassAndMappedInputsAreCheckedInTheConfig(@TempDir Path tmp) {
    String k = tmp.resolve("c.yaml") + ": key 'teacher.members[0].";
    String xgb = "{type: xgboost_model, path: m.json, ";
    Map<String, String> cases =
        Map.of(
            xgb + "inputs: {f: [age]}}",
            "inputs': an xgboost_model has one input vector: give its columns as a list, in model"
                + " order",
            xgb + "inputs: [age], favourable_class: 1}",
            "favourable_class': is for onnx members (an xgboost_model scores class 1; say"
                + " predicts: unfavourable when class 1 is the unfavourable outcome)",
            "{type: onnx, path: m.onnx, inputs: [age], favourable_class: 1, predicts: unfavourable}",
            "favourable_class': give either favourable_class or predicts: unfavourable, not both",
            "{type: onnx, path: m.onnx, inputs: {a: [age], b: [age]}}",
            "inputs': column 'age' is listed twice");
    cases.forEach(
        (member, message) ->
            assertEquals(
                k + message,
                assertThrows(DistillationException.class, () -> config(tmp, member)).getMessage(),
                member));
  }
}
