package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.fairkd.kd.DistillationException;
import org.junit.jupiter.api.Test;

class TeacherConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text).get("teacher");
  }

  @Test
  void defaultsAreLogisticXgboostForest() {
    TeacherConfig d = TeacherConfig.defaults();
    assertEquals(
        java.util.List.of("logistic", "xgboost", "random_forest"),
        d.members().stream().map(MemberSpec::name).toList());
    assertEquals(150.0, d.members().get(1).params().get("trees"));
    assertTrue(d.fittedWeights());
    assertEquals(5, d.folds());
    assertEquals(SoftTargets.OUT_OF_FOLD, d.softTargets());
    assertEquals(d.toJson(), TeacherConfig.fromNode(null, "x.yaml").toJson());
  }

  @Test
  void parsesMembersAndOptions() throws Exception {
    TeacherConfig c =
        TeacherConfig.fromNode(
            yaml(
                """
                teacher:
                  members:
                    - {name: lr, type: logistic, epochs: 3}
                    - {type: xgboost, trees: 50, max_depth: 3, eta: 0.3}
                  combination: probability
                  weights: {lr: 1, xgboost: 3}
                  folds: 3
                  soft_targets: in_sample
                """),
            "c.yaml");
    assertEquals("lr", c.members().get(0).name());
    assertEquals(3.0, c.members().get(0).params().get("epochs"));
    assertEquals(0.5, c.members().get(0).params().get("learning_rate")); // default filled in
    assertEquals("xgboost", c.members().get(1).name());
    assertEquals(Combination.PROBABILITY, c.combination());
    assertArrayEquals(new double[] {0.25, 0.75}, c.fixedWeights(), 1e-12);
    assertEquals(3, c.folds());
    assertEquals(SoftTargets.IN_SAMPLE, c.softTargets());
    // round trip through JSON
    TeacherConfig back = TeacherConfig.fromNode(c.toJson(), "back");
    assertEquals(c.toJson(), back.toJson());
    assertNull(TeacherConfig.fromNode(yaml("teacher: {weights: fitted}"), "x").fixedWeights());
  }

  @Test
  void bundledExampleParses() throws Exception {
    try (var in = TeacherConfig.class.getResourceAsStream("teacher-example.yaml")) {
      TeacherConfig c = TeacherConfig.fromNode(YAML.readTree(in).get("teacher"), "example");
      assertEquals(5, c.members().size());
      assertEquals(MemberType.NAIVE_BAYES, c.members().get(3).type());
      assertEquals(MemberType.MLP, c.members().get(4).type());
      assertEquals(
          MemberSpec.of("mlp", MemberType.MLP).params(), c.members().get(4).params()); // defaults
      for (int m = 0; m < 3; m++) {
        assertEquals(
            TeacherConfig.defaults().toJson().get("members").get(m),
            c.toJson().get("members").get(m));
      }
    }
  }

  @Test
  void parsesMlpMembers() throws Exception {
    TeacherConfig c =
        TeacherConfig.fromNode(
            yaml(
                """
                teacher:
                  members:
                    - {name: mlp_a, type: mlp, hidden: 32, layers: 1, epochs: 20,
                       learning_rate: 0.01, batch_size: 128, patience: 4, holdout: 0.2}
                    - {name: mlp_b, type: mlp}
                """),
            "c.yaml");
    MemberSpec a = c.members().get(0);
    assertEquals(MemberType.MLP, a.type());
    assertEquals(
        java.util.Map.of(
            "hidden", 32.0,
            "layers", 1.0,
            "epochs", 20.0,
            "learning_rate", 0.01,
            "batch_size", 128.0,
            "patience", 4.0,
            "holdout", 0.2),
        a.params());
    assertEquals("32", MlpMember.architecture(a).toString());
    MemberSpec b = c.members().get(1);
    assertEquals(
        java.util.Map.of(
            "hidden", 64.0,
            "layers", 2.0,
            "epochs", 40.0,
            "learning_rate", 0.003,
            "batch_size", 256.0,
            "patience", 6.0,
            "holdout", 0.1),
        b.params());
    assertEquals("64x64", MlpMember.architecture(b).toString());
    assertEquals("mlp", c.toJson().get("members").get(1).get("type").asText());
    assertEquals(64, c.toJson().get("members").get(1).get("hidden").asInt());
    assertEquals(c.toJson(), TeacherConfig.fromNode(c.toJson(), "back").toJson());
  }

  @Test
  void mlpErrorsNameTheKey() {
    assertError(
        "teacher: {members: [{type: mlp, hidden: 0}]}",
        "c.yaml: key 'teacher.members[0].hidden': must be an integer in [1, 4096], got 0");
    assertError(
        "teacher: {members: [{type: mlp, layers: 1.5}]}",
        "key 'teacher.members[0].layers': must be an integer in [1, 8], got 1.5");
    assertError(
        "teacher: {members: [{type: logistic}, {type: mlp, holdout: 0.9}]}",
        "key 'teacher.members[1].holdout': must be a number in [0.01, 0.5], got 0.9");
    assertError(
        "teacher: {members: [{type: mlp, learning_rate: fast}]}",
        "key 'teacher.members[0].learning_rate': must be a number in [1.0E-6, 1.0], got \"fast\"");
    assertError("teacher: {members: [{type: mlp, epochs: 0}]}", "key 'teacher.members[0].epochs'");
    assertError(
        "teacher: {members: [{type: mlp, batch_size: -5}]}", "key 'teacher.members[0].batch_size'");
    assertError(
        "teacher: {members: [{type: mlp, patience: 2000}]}", "key 'teacher.members[0].patience'");
    assertError(
        "teacher: {members: [{type: mlp, dropout: 0.1}]}",
        "key 'teacher.members[0].dropout': unknown hyper-parameter for mlp (allowed: hidden,"
            + " layers, epochs, learning_rate, batch_size, patience, holdout)");
    assertError(
        "teacher: {members: [{type: mlp}, {type: mlp}]}",
        "key 'teacher.members[1].name': duplicate member name 'mlp'");
    assertError(
        "teacher: {members: [{type: MLP}]}",
        "unknown trainer 'MLP' (known: logistic, xgboost, random_forest, extra_trees,"
            + " naive_bayes, mlp, xgboost_model, onnx)");
  }

  @Test
  void errorsNameFileAndKey() {
    assertError(
        "teacher: {members: [{type: gbm}]}",
        "c.yaml: key 'teacher.members[0].type': unknown trainer 'gbm'");
    assertError(
        "teacher: {members: [{type: xgboost, depth: 3}]}",
        "c.yaml: key 'teacher.members[0].depth': unknown hyper-parameter for xgboost");
    assertError(
        "teacher: {members: [{type: logistic}, {type: xgboost, trees: 0}]}",
        "c.yaml: key 'teacher.members[1].trees': must be an integer in [1, 5000], got 0");
    assertError(
        "teacher: {members: [{type: xgboost, eta: 2.5}]}",
        "key 'teacher.members[0].eta': must be a number in [1.0E-4, 1.0], got 2.5");
    assertError(
        "teacher: {members: [{type: xgboost, max_depth: 2.5}]}", "'teacher.members[0].max_depth'");
    assertError(
        "teacher: {members: [{type: logistic}, {type: logistic}]}",
        "key 'teacher.members[1].name': duplicate member name 'logistic'");
    assertError("teacher: {combination: median}", "key 'teacher.combination': must be one of");
    assertError("teacher: {folds: 1}", "key 'teacher.folds': must be an integer in [2, 20]");
    assertError("teacher: {soft_targets: oof}", "key 'teacher.soft_targets'");
    assertError("teacher: {weights: [1, 2]}", "key 'teacher.weights': has 2 weights for 3 members");
    assertError(
        "teacher: {weights: [1, -2, 1]}", "key 'teacher.weights[1]': must be a non-negative");
    assertError("teacher: {weights: {xgb: 1}}", "key 'teacher.weights.xgb': no such member");
    assertError("teacher: {weights: [0, 0, 0]}", "must not all be zero");
    assertError("teacher: {trees: 3}", "key 'teacher.trees': unknown key");
    assertError("teacher: {members: []}", "key 'teacher.members': must be a non-empty list");
  }

  private static void assertError(String text, String expected) {
    DistillationException e =
        assertThrows(
            DistillationException.class, () -> TeacherConfig.fromNode(yaml(text), "c.yaml"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
