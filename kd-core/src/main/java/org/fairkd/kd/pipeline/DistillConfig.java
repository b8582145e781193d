package org.fairkd.kd.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.compress.CompressionMethod;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.teacher.TeacherConfig;

/**
 * The resolved distillation configuration (YAML {@code --config}): {@code teacher:} (see {@link
 * TeacherConfig}), {@code student:} and {@code split:}; every key optional.
 *
 * @param teacher the teacher section (unused when {@code externalTeacher} is set)
 * @param externalTeacher scores of a teacher trained elsewhere (CLI {@code --teacher-scores}), or
 *     {@code null} to train the {@code teacher:} ensemble
 * @param architecture the student architecture, or {@code null} for {@code auto} (searched)
 * @param searchSpace architectures tried when {@code auto}
 * @param settings student hyper-parameters (temperature, alpha, lambda, penalty, …)
 * @param penaltyAttribute protected attribute used by the penalty; {@code null} = the first one
 * @param transfer MUNGE transfer set: {@code auto}, {@code on} or {@code off}
 * @param transferMultiplier synthetic rows per training row
 * @param transferCap at most this many synthetic rows ({@code min(multiplier × n, cap)})
 * @param validationFraction share of rows for validation
 * @param testFraction share of rows for test (ignored when the data set has a preset test file)
 * @param compress post-training compressions of the student, each audited as another model (empty:
 *     none)
 * @param source the configuration's file name (for error messages), or {@code <defaults>}
 */
public record DistillConfig(
    TeacherConfig teacher,
    ExternalTeacherSpec externalTeacher,
    StudentArchitecture architecture,
    List<StudentArchitecture> searchSpace,
    StudentSettings settings,
    String penaltyAttribute,
    String transfer,
    double transferMultiplier,
    int transferCap,
    double validationFraction,
    double testFraction,
    List<CompressionMethod> compress,
    String source) {

  /** The default {@code student.transfer_cap}: synthetic MUNGE rows at most. */
  public static final int DEFAULT_TRANSFER_CAP = 200_000;

  /** Copies the list. */
  public DistillConfig {
    compress = List.copyOf(compress);
  }

  private static final Set<String> TOP = Set.of("teacher", "student", "split");
  private static final Set<String> STUDENT =
      Set.of(
          "architecture",
          "search",
          "epochs",
          "batch_size",
          "learning_rate",
          "patience",
          "temperature",
          "alpha",
          "lambda",
          "penalty",
          "penalty_attribute",
          "transfer",
          "transfer_multiplier",
          "transfer_cap",
          "compress");
  private static final Set<String> SPLIT = Set.of("validation", "test");
  private static final List<String> DEFAULT_SEARCH =
      List.of("16", "32", "64", "16x16", "32x32", "64x64");

  /** Everything default: auto architecture, T = 2, alpha = 0.9, no penalty, transfer auto (8×). */
  public static DistillConfig defaults() {
    return fromNode(JsonNodeFactory.instance.objectNode(), "<defaults>");
  }

  /** Reads a YAML file; errors name the file and key. */
  public static DistillConfig read(Path file) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw new DistillationException(file.getFileName() + ": cannot read YAML: " + msg, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = JsonNodeFactory.instance.objectNode();
    }
    return fromNode(root, file.getFileName().toString(), file.toAbsolutePath().getParent());
  }

  /** Parses the whole configuration tree (imported teacher paths relative to the working dir). */
  public static DistillConfig fromNode(JsonNode root, String source) {
    return fromNode(root, source, null);
  }

  private static DistillConfig fromNode(JsonNode root, String source, Path baseDir) {
    Keys k = new Keys(source);
    if (!root.isObject()) {
      throw k.error("<root>", "must be a mapping with keys " + TOP);
    }
    k.rejectUnknown(root, "", TOP);
    TeacherConfig teacher = TeacherConfig.fromNode(root.get("teacher"), source, baseDir);
    JsonNode s = root.path("student");
    if (!s.isMissingNode() && !s.isObject()) {
      throw k.error("student", "must be a mapping");
    }
    k.rejectUnknown(s, "student.", STUDENT);
    StudentSettings d = StudentSettings.defaults();
    StudentArchitecture arch = null;
    String archText = k.text(s, "student.architecture", "auto");
    if (!archText.equals("auto")) {
      arch = k.architecture(archText, "student.architecture");
    }
    List<StudentArchitecture> search = new ArrayList<>();
    JsonNode searchNode = s.get("search");
    if (searchNode == null) {
      DEFAULT_SEARCH.forEach(a -> search.add(StudentArchitecture.parse(a)));
    } else if (!searchNode.isArray() || searchNode.isEmpty()) {
      throw k.error("student.search", "must be a non-empty list such as [16, 32, 32x32, linear]");
    } else {
      for (JsonNode a : searchNode) {
        search.add(k.architecture(a.asText(), "student.search"));
      }
    }
    int epochs = k.integer(s, "student.epochs", d.epochs(), 1, 10_000);
    int batch = k.integer(s, "student.batch_size", d.batchSize(), 1, 1 << 20);
    double lr = k.number(s, "student.learning_rate", d.learningRate());
    if (!(lr > 0)) {
      throw k.error("student.learning_rate", "must be > 0, got " + lr);
    }
    int patience = k.integer(s, "student.patience", d.patience(), 1, 10_000);
    double t = k.number(s, "student.temperature", d.temperature());
    if (!(t > 0)) {
      throw k.error("student.temperature", "must be > 0, got " + fmt(t));
    }
    double alpha = k.number(s, "student.alpha", d.alpha());
    if (!(alpha >= 0 && alpha <= 1)) {
      throw k.error("student.alpha", "must be in [0, 1], got " + fmt(alpha));
    }
    double lambda = k.number(s, "student.lambda", d.lambda());
    if (!(lambda >= 0)) {
      throw k.error("student.lambda", "must be >= 0, got " + fmt(lambda));
    }
    String penaltyText = k.text(s, "student.penalty", d.penalty().configName());
    PenaltyKind penalty = PenaltyKind.parseOrNull(penaltyText);
    if (penalty == null) {
      throw k.error(
          "student.penalty",
          "unknown penalty '" + penaltyText + "' (known: " + PenaltyKind.names() + ")");
    }
    String attr = k.text(s, "student.penalty_attribute", null);
    String transfer = k.text(s, "student.transfer", "auto");
    if (!Set.of("auto", "on", "off").contains(transfer)) {
      throw k.error("student.transfer", "must be auto, on or off, got '" + transfer + "'");
    }
    double mult = k.number(s, "student.transfer_multiplier", 8.0);
    if (!(mult > 0 && mult <= 20)) {
      throw k.error("student.transfer_multiplier", "must be in (0, 20], got " + fmt(mult));
    }
    int cap = k.integer(s, "student.transfer_cap", DEFAULT_TRANSFER_CAP, 1, 100_000_000);
    List<CompressionMethod> compress = new ArrayList<>();
    JsonNode compressNode = s.get("compress");
    if (compressNode != null && !compressNode.isNull()) {
      if (!compressNode.isArray()) {
        throw k.error("student.compress", "must be a list such as [int8, prune_50]");
      }
      for (JsonNode c : compressNode) {
        CompressionMethod m = CompressionMethod.parseOrNull(c.asText());
        if (m == null) {
          throw k.error(
              "student.compress",
              "unknown compression '" + c.asText() + "' (known: " + CompressionMethod.KNOWN + ")");
        }
        if (compress.stream().anyMatch(x -> x.name().equals(m.name()))) {
          throw k.error("student.compress", "'" + m.name() + "' is listed twice");
        }
        compress.add(m);
      }
    }
    JsonNode sp = root.path("split");
    if (!sp.isMissingNode() && !sp.isObject()) {
      throw k.error("split", "must be a mapping");
    }
    k.rejectUnknown(sp, "split.", SPLIT);
    double val = k.number(sp, "split.validation", 0.15);
    double test = k.number(sp, "split.test", 0.2);
    if (!(val > 0 && test > 0 && val + test < 0.9)) {
      throw k.error(
          "split",
          "validation and test must be > 0 with validation + test < 0.9, got " + val + ", " + test);
    }
    return new DistillConfig(
        teacher,
        null,
        arch,
        search,
        new StudentSettings(epochs, batch, lr, patience, t, alpha, lambda, penalty),
        attr,
        transfer,
        mult,
        cap,
        val,
        test,
        compress,
        source);
  }

  /**
   * This configuration with an external teacher instead of the {@code teacher:} ensemble. MUNGE
   * transfer is switched off: an external teacher cannot label synthetic rows.
   */
  public DistillConfig withExternalTeacher(ExternalTeacherSpec spec) {
    return new DistillConfig(
        teacher,
        spec,
        architecture,
        searchSpace,
        settings,
        penaltyAttribute,
        "off",
        transferMultiplier,
        transferCap,
        validationFraction,
        testFraction,
        compress,
        source);
  }

  /**
   * This configuration with another student: {@code architecture} (null = {@code auto}), {@code
   * settings} and {@code penaltyAttribute}; the teacher, transfer, split and compression settings
   * are kept.
   */
  DistillConfig withStudent(
      StudentArchitecture architecture, StudentSettings settings, String penaltyAttribute) {
    return new DistillConfig(
        teacher,
        externalTeacher,
        architecture,
        searchSpace,
        settings,
        penaltyAttribute,
        transfer,
        transferMultiplier,
        transferCap,
        validationFraction,
        testFraction,
        compress,
        source);
  }

  /**
   * The resolved configuration as JSON (same layout as the YAML), for distill.json; with an
   * external teacher, {@code teacher} is {@code {external: {file, id_column, score_column}}}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (externalTeacher != null) {
      o.putObject("teacher").set("external", externalTeacher.toJson());
    } else {
      o.set("teacher", teacher.toJson());
    }
    ObjectNode s = o.putObject("student");
    s.put("architecture", architecture == null ? "auto" : architecture.toString());
    var arr = s.putArray("search");
    searchSpace.forEach(a -> arr.add(a.toString()));
    s.put("epochs", settings.epochs());
    s.put("batch_size", settings.batchSize());
    s.put("learning_rate", settings.learningRate());
    s.put("patience", settings.patience());
    s.put("temperature", settings.temperature());
    s.put("alpha", settings.alpha());
    s.put("lambda", settings.lambda());
    s.put("penalty", settings.penalty().configName());
    if (penaltyAttribute == null) {
      s.putNull("penalty_attribute");
    } else {
      s.put("penalty_attribute", penaltyAttribute);
    }
    s.put("transfer", transfer);
    s.put("transfer_multiplier", transferMultiplier);
    s.put("transfer_cap", transferCap);
    if (!compress.isEmpty()) {
      var c = s.putArray("compress");
      compress.forEach(m -> c.add(m.name()));
    }
    ObjectNode sp = o.putObject("split");
    sp.put("validation", validationFraction);
    sp.put("test", testFraction);
    return o;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** Typed key access with file + key error messages. */
  private record Keys(String source) {
    DistillationException error(String key, String msg) {
      return new DistillationException(source + ": key '" + key + "': " + msg);
    }

    void rejectUnknown(JsonNode node, String prefix, Set<String> known) {
      if (node == null || !node.isObject()) {
        return;
      }
      node.fieldNames()
          .forEachRemaining(
              f -> {
                if (!known.contains(f)) {
                  throw error(
                      prefix + f,
                      "unknown key (known: "
                          + String.join(", ", known.stream().sorted().toList())
                          + ")");
                }
              });
    }

    String text(JsonNode parent, String path, String def) {
      JsonNode n = parent.get(leaf(path));
      if (n == null || n.isNull()) {
        return def;
      }
      if (!n.isValueNode()) {
        throw error(path, "must be a single value");
      }
      return n.asText();
    }

    double number(JsonNode parent, String path, double def) {
      JsonNode n = parent.get(leaf(path));
      if (n == null || n.isNull()) {
        return def;
      }
      if (!n.isNumber()) {
        throw error(path, "must be a number, got '" + n.asText() + "'");
      }
      return n.asDouble();
    }

    int integer(JsonNode parent, String path, int def, int min, int max) {
      JsonNode n = parent.get(leaf(path));
      if (n == null || n.isNull()) {
        return def;
      }
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw error(path, "must be an integer, got '" + n.asText() + "'");
      }
      int v = n.asInt();
      if (v < min || v > max) {
        throw error(path, "must be in " + min + ".." + max + ", got " + v);
      }
      return v;
    }

    private static String leaf(String path) {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    StudentArchitecture architecture(String text, String key) {
      try {
        return StudentArchitecture.parse(text);
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
  }
}
