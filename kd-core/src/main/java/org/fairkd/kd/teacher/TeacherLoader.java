package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.kd.DistillationException;

/** Reads a saved teacher directory back ({@code teacher.json} and the member files). */
final class TeacherLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeacherLoader() {}

  static TeacherEnsemble load(Path dir) {
    Path manifest = dir.resolve(TeacherEnsemble.MANIFEST);
    String src = manifest.toString();
    JsonNode root;
    try {
      root = JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new DistillationException(
          src + ": cannot read the saved teacher: " + e.getMessage(), e);
    }
    if (root == null || !TeacherEnsemble.FORMAT.equals(root.path("format").asText())) {
      throw new DistillationException(
          src + ": key 'format': expected '" + TeacherEnsemble.FORMAT + "'");
    }
    if (root.path("version").asInt() != TeacherEnsemble.VERSION) {
      throw new DistillationException(
          src + ": key 'version': unsupported " + root.path("version") + " (expected 1)");
    }
    TeacherConfig cfg = TeacherConfig.fromNode(root.get("config"), src + " (config)");
    Combination combination = cfg.combination();
    if (!combination.key().equals(root.path("combination").asText())) {
      throw new DistillationException(
          src + ": key 'combination': " + root.path("combination") + " does not match the config");
    }
    List<String> names = new ArrayList<>();
    root.path("feature_names").forEach(n -> names.add(n.asText()));
    JsonNode ms = root.path("members");
    if (ms.size() != cfg.members().size() || root.path("weights").size() != ms.size()) {
      throw new DistillationException(src + ": key 'members': does not match config and weights");
    }
    double[] weights = new double[ms.size()];
    double sum = 0;
    for (int m = 0; m < ms.size(); m++) {
      weights[m] = root.path("weights").get(m).asDouble(-1);
      sum += weights[m];
      if (!(weights[m] >= 0)) {
        throw new DistillationException(src + ": key 'weights[" + m + "]': must be >= 0");
      }
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new DistillationException(src + ": key 'weights': must sum to 1, got " + sum);
    }
    List<TeacherMember> members = new ArrayList<>();
    for (int m = 0; m < ms.size(); m++) {
      JsonNode mo = ms.get(m);
      MemberSpec spec = cfg.members().get(m);
      if (!spec.type().key().equals(mo.path("type").asText())
          || !spec.name().equals(mo.path("name").asText())) {
        throw new DistillationException(
            src + ": key 'members[" + m + "]': name and type do not match the config");
      }
      members.add(new TeacherMember(spec, MemberModel.load(spec, dir, mo, names.size())));
    }
    return new TeacherEnsemble(members, weights, combination, names, cfg);
  }
}
