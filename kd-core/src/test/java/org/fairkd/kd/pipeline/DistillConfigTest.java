package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.student.PenaltyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistillConfigTest {
  static DistillConfig parse(String yaml) throws Exception {
    return DistillConfig.fromNode(new YAMLMapper().readTree(yaml), "cfg.yaml");
  }

  @Test
  void readsEveryStudentKeyAndRoundTripsThroughJson() throws Exception {
    DistillConfig c =
        parse(
            """
            student: {architecture: 64x32, epochs: 7, batch_size: 128, learning_rate: 0.01,
                      patience: 2, temperature: 4, alpha: 0.5, lambda: 2.5,
                      penalty: equalized_odds, penalty_attribute: race, transfer: "on",
                      transfer_multiplier: 2, transfer_cap: 5000, compress: [int8, prune_50]}
            split: {validation: 0.1, test: 0.3}
            """);
    assertEquals("64x32", c.architecture().toString());
    assertEquals(7, c.settings().epochs());
    assertEquals(4.0, c.settings().temperature());
    assertEquals(PenaltyKind.EQUALIZED_ODDS, c.settings().penalty());
    assertEquals("race", c.penaltyAttribute());
    assertEquals("on", c.transfer());
    assertEquals(0.3, c.testFraction());
    assertEquals(5000, c.transferCap());
    assertEquals(
        java.util.List.of("int8", "prune_50"), c.compress().stream().map(m -> m.name()).toList());
    DistillConfig again = DistillConfig.fromNode(c.toJson(), "again");
    assertEquals(c.toJson(), again.toJson());
  }

  @Test
  void defaultsAreAutoArchitectureAndNoPenalty() {
    DistillConfig c = DistillConfig.defaults();
    assertNull(c.architecture());
    assertEquals(0.0, c.settings().lambda());
    assertEquals(6, c.searchSpace().size());
    assertEquals(DistillConfig.DEFAULT_TRANSFER_CAP, c.transferCap());
    assertEquals(0, c.compress().size());
    assertNull(c.toJson().path("student").get("compress"), "no compress key without compression");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "student: {temperature: 0}|cfg.yaml: key 'student.temperature': must be > 0, got 0",
        "student: {alpha: 1.5}|cfg.yaml: key 'student.alpha': must be in [0, 1], got 1.5",
        "student: {lambda: -1}|cfg.yaml: key 'student.lambda': must be >= 0, got -1",
        "student: {penalty: parity}|cfg.yaml: key 'student.penalty': unknown penalty 'parity'",
        "student: {tempreature: 2}|cfg.yaml: key 'student.tempreature': unknown key",
        "student: {architecture: big}|cfg.yaml: key 'student.architecture': expected 'linear'",
        "split: {test: 0.9}|cfg.yaml: key 'split'",
        "student: {epochs: two}|cfg.yaml: key 'student.epochs': must be an integer",
        "student: {compress: [int4]}|cfg.yaml: key 'student.compress': unknown compression 'int4'",
        "student: {compress: [int8, int8]}|cfg.yaml: key 'student.compress': 'int8' is listed twice",
        "student: {compress: int8}|cfg.yaml: key 'student.compress': must be a list",
        "student: {transfer_cap: 0}|cfg.yaml: key 'student.transfer_cap': must be in 1..",
      })
  void invalidValuesNameFileAndKey(String yaml, String expectedStart) {
    DistillationException e = assertThrows(DistillationException.class, () -> parse(yaml));
    assertEquals(
        expectedStart,
        e.getMessage().substring(0, Math.min(e.getMessage().length(), expectedStart.length())),
        e.getMessage());
  }

  @Test
  void externalTeacherSwitchesTransferOffAndReplacesTheTeacherSection() throws Exception {
    DistillConfig c =
        DistillConfig.fromNode(new YAMLMapper().readTree("student: {transfer: \"on\"}"), "c.yaml")
            .withExternalTeacher(
                new ExternalTeacherSpec(java.nio.file.Path.of("t.csv"), "id", "p"));
    assertEquals("off", c.transfer());
    var json = c.toJson();
    assertEquals("t.csv", json.path("teacher").path("external").path("file").asText());
    assertEquals("id", json.path("teacher").path("external").path("id_column").asText());
    assertEquals("p", json.path("teacher").path("external").path("score_column").asText());
    assertEquals(1, json.path("teacher").size());
    assertEquals("off", json.path("student").path("transfer").asText());
    assertNull(DistillConfig.defaults().externalTeacher());
  }
}
