package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.DistillationException;

/**
 * A trained teacher ensemble: members (Tribuo models or MLPs), their weights and the combination
 * rule (see {@link Combination}).
 *
 * <p>Saved as a directory: {@code teacher.json} (format, combination, weights, feature names, the
 * configuration, and per member its name, type, model file and naive-Bayes offsets), {@code
 * members/<name>.tribuo} (Tribuo's protobuf model format) or {@code members/<name>.json} (an MLP
 * member, see {@link MlpMember}) and {@code provenance.json} ({@link #provenance}).
 */
public final class TeacherEnsemble implements Teacher {
  /** The {@code format} field of {@code teacher.json}. */
  public static final String FORMAT = "fairkd-teacher";

  /** The {@code version} field of {@code teacher.json}. */
  public static final int VERSION = 1;

  static final String MANIFEST = "teacher.json";
  static final String PROVENANCE = "provenance.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<TeacherMember> members;
  private final double[] weights;
  private final Combination combination;
  private final List<String> featureNames;
  private final TribuoRows rows;
  private final TeacherConfig config;

  TeacherEnsemble(
      List<TeacherMember> members,
      double[] weights,
      Combination combination,
      List<String> featureNames,
      TeacherConfig config) {
    if (weights.length != members.size()) {
      throw new IllegalArgumentException("one weight per member");
    }
    this.members = List.copyOf(members);
    this.weights = weights.clone();
    this.combination = combination;
    this.featureNames = List.copyOf(featureNames);
    this.rows = new TribuoRows(featureNames);
    this.config = config;
  }

  /**
   * The combined P(favourable). Members of weight 0 contribute exactly nothing to either
   * combination and are not evaluated.
   */
  @Override
  public double[] predictFavourable(float[][] x) {
    int[] active = activeMembers(weights);
    double[][] probs = new double[active.length][];
    double[] w = new double[active.length];
    for (int a = 0; a < active.length; a++) {
      probs[a] = members.get(active[a]).predict(rows, x);
      w[a] = weights[active[a]];
    }
    return combination.combine(probs, w);
  }

  /** Indices of the members with a positive weight. */
  static int[] activeMembers(double[] weights) {
    return java.util.stream.IntStream.range(0, weights.length)
        .filter(m -> weights[m] > 0)
        .toArray();
  }

  @Override
  public String name() {
    return "ensemble";
  }

  /** Member names, in configuration order. */
  public List<String> memberNames() {
    return members.stream().map(m -> m.spec().name()).toList();
  }

  /** Member weights (non-negative, sum one), in member order. */
  public double[] weights() {
    return weights.clone();
  }

  /** The combination rule. */
  public Combination combination() {
    return combination;
  }

  /** The configuration the ensemble was trained with. */
  public TeacherConfig config() {
    return config;
  }

  /** The encoded feature names the members expect, in column order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Each member's P(favourable), by member name in member order. */
  public Map<String, double[]> memberPredictions(float[][] x) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (TeacherMember m : members) {
      out.put(m.spec().name(), m.predict(rows, x));
    }
    return out;
  }

  /**
   * Provenance of every member as JSON, {@code {memberName: entry}}: for Tribuo members the array
   * of OLCUT-marshalled Tribuo provenance objects, for MLP members an object (see {@link
   * MlpMember#provenance}).
   */
  public JsonNode provenance() {
    ObjectNode out = JSON.createObjectNode();
    for (TeacherMember m : members) {
      out.set(m.spec().name(), m.model().provenance(m.spec()));
    }
    return out;
  }

  /** {@link #provenance} of each member as JSON text, by member name in member order. */
  public Map<String, String> provenanceByMember() {
    Map<String, String> out = new LinkedHashMap<>();
    for (TeacherMember m : members) {
      out.put(m.spec().name(), m.model().provenance(m.spec()).toString());
    }
    return out;
  }

  /** Writes the ensemble into {@code dir} (created if needed; files replaced atomically). */
  public void save(Path dir) {
    try {
      Files.createDirectories(dir.resolve("members"));
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      root.put("version", VERSION);
      root.put("combination", combination.key());
      ArrayNode w = root.putArray("weights");
      for (double v : weights) {
        w.add(v);
      }
      ArrayNode fn = root.putArray("feature_names");
      featureNames.forEach(fn::add);
      root.set("config", config.toJson());
      ArrayNode ms = root.putArray("members");
      for (TeacherMember m : members) {
        ObjectNode mo = ms.addObject();
        mo.put("name", m.spec().name());
        mo.put("type", m.spec().type().key());
        m.model().save(dir, m.spec().name(), mo);
      }
      AtomicFiles.write(dir.resolve(MANIFEST), JSON.writeValueAsBytes(root));
      AtomicFiles.write(dir.resolve(PROVENANCE), JSON.writeValueAsBytes(provenance()));
    } catch (IOException e) {
      throw new DistillationException(dir + ": cannot save the teacher: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an ensemble written by {@link #save}.
   *
   * @throws DistillationException naming the file on a missing or invalid file
   */
  public static TeacherEnsemble load(Path dir) {
    return TeacherLoader.load(dir);
  }

  /** Total bytes of the files in the saved directory {@code dir}. */
  public long sizeOnDiskBytes(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<TeacherMember> members() {
    return new ArrayList<>(members);
  }

  TribuoRows rows() {
    return rows;
  }
}
