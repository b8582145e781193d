package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An XGBoost {@code binary:logistic} tree ensemble compiled into flat arrays and evaluated without
 * allocation: the serving path a Java shop would write instead of calling the library per row.
 *
 * <p>All trees' nodes live in one set of arrays ({@code feature}, {@code threshold}, {@code left},
 * {@code right}, {@code defaultLeft}); a leaf has {@code feature = −1} and its value in {@code
 * threshold}. A row goes left when {@code (float) x < threshold} (XGBoost compares float32 values),
 * or, for a missing (NaN) value, in the node's default direction. The margin is the float32 sum of
 * {@code logit(base_score)} and the leaf values in tree order, as XGBoost's CPU predictor adds
 * them; the score is its sigmoid. Checked against xgboost4j to 1e-6 in the tests. Also compiles the
 * XGBoost members fairkd trains through Tribuo ({@link #ofTribuoDump}).
 */
final class CompiledTrees {
  private final int[] roots;
  private final int[] feature;
  private final float[] threshold;
  private final int[] left;
  private final int[] right;
  private final boolean[] defaultLeft;
  private final float baseMargin;
  private final int width;

  private CompiledTrees(
      int[] roots,
      int[] feature,
      float[] threshold,
      int[] left,
      int[] right,
      boolean[] defaultLeft,
      float baseMargin,
      int width) {
    this.roots = roots;
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.defaultLeft = defaultLeft;
    this.baseMargin = baseMargin;
    this.width = width;
  }

  /**
   * Compiles the {@code learner} of an XGBoost model document (JSON or UBJSON, already parsed).
   *
   * @throws IllegalArgumentException when the model is not a gbtree binary:logistic model with
   *     numerical splits only
   */
  static CompiledTrees of(JsonNode root) {
    JsonNode learner = root.path("learner");
    String objective = learner.path("objective").path("name").asText();
    if (!objective.equals("binary:logistic") && !objective.equals("reg:logistic")) {
      throw new IllegalArgumentException(
          "objective '" + objective + "' is not binary:logistic (a probability of class 1)");
    }
    JsonNode gb = learner.path("gradient_booster");
    if (!gb.path("name").asText().equals("gbtree")) {
      throw new IllegalArgumentException(
          "booster '" + gb.path("name").asText() + "' is not gbtree");
    }
    JsonNode param = learner.path("learner_model_param");
    int width = Integer.parseInt(param.path("num_feature").asText("0"));
    float base = Float.parseFloat(param.path("base_score").asText("0.5"));
    float margin = (float) -Math.log(1.0 / base - 1.0);
    List<JsonNode> trees = new ArrayList<>();
    gb.path("model").path("trees").forEach(trees::add);
    int total = 0;
    for (JsonNode t : trees) {
      total += t.path("left_children").size();
    }
    int[] roots = new int[trees.size()];
    int[] feature = new int[total];
    float[] threshold = new float[total];
    int[] left = new int[total];
    int[] right = new int[total];
    boolean[] defaultLeft = new boolean[total];
    int at = 0;
    for (int t = 0; t < trees.size(); t++) {
      JsonNode tr = trees.get(t);
      roots[t] = at;
      int n = tr.path("left_children").size();
      for (int i = 0; i < n; i++) {
        if (tr.path("split_type").path(i).asInt(0) != 0) {
          throw new IllegalArgumentException("tree " + t + " has categorical splits");
        }
        int l = tr.path("left_children").get(i).asInt();
        boolean leaf = l == -1;
        feature[at + i] = leaf ? -1 : tr.path("split_indices").get(i).asInt();
        threshold[at + i] = (float) tr.path("split_conditions").get(i).asDouble();
        left[at + i] = leaf ? -1 : at + l;
        right[at + i] = leaf ? -1 : at + tr.path("right_children").get(i).asInt();
        defaultLeft[at + i] = tr.path("default_left").get(i).asInt() != 0;
        if (!leaf && feature[at + i] >= width) {
          throw new IllegalArgumentException("tree " + t + " splits on feature " + feature[at + i]);
        }
      }
      at += n;
    }
    return new CompiledTrees(roots, feature, threshold, left, right, defaultLeft, margin, width);
  }

  /**
   * Compiles a Tribuo XGBoost classification member: its booster's JSON tree dump ({@code
   * multi:softprob} over Tribuo's label ids, trees interleaved by class) over encoded rows. With
   * two classes {@code P(fav) = softmax(m)[fav] = σ(m_fav − m_other)}, so the other class's leaves
   * are negated and the base margins cancel. Tribuo passes zeros as values (checked: compiled
   * scores equal Tribuo's to 2e-7), so only NaN takes the default direction.
   *
   * @param dump one JSON document per tree
   * @param favourableClass the label id of the favourable class (0 or 1)
   * @param columnOfFeature the encoded column of each Tribuo feature id
   * @param width the encoded width
   */
  static CompiledTrees ofTribuoDump(
      String[] dump, int favourableClass, int[] columnOfFeature, int width) {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<List<JsonNode>> trees = new ArrayList<>();
    int total = 0;
    for (String d : dump) {
      List<JsonNode> nodes = new ArrayList<>();
      try {
        collect(json.readTree(d), nodes);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("unreadable tree dump: " + e.getMessage());
      }
      int max = nodes.stream().mapToInt(n -> n.path("nodeid").asInt()).max().orElse(0);
      trees.add(nodes);
      total += max + 1;
    }
    int[] roots = new int[trees.size()];
    int[] feature = new int[total];
    float[] threshold = new float[total];
    int[] left = new int[total];
    int[] right = new int[total];
    boolean[] defaultLeft = new boolean[total];
    java.util.Arrays.fill(feature, -1);
    int at = 0;
    for (int t = 0; t < trees.size(); t++) {
      roots[t] = at;
      float sign = t % 2 == favourableClass ? 1f : -1f;
      int size = 0;
      for (JsonNode n : trees.get(t)) {
        int id = at + n.path("nodeid").asInt();
        size = Math.max(size, n.path("nodeid").asInt() + 1);
        if (n.has("leaf")) {
          threshold[id] = sign * (float) n.path("leaf").asDouble();
          left[id] = -1;
          right[id] = -1;
        } else {
          feature[id] = columnOfFeature[Integer.parseInt(n.path("split").asText().substring(1))];
          threshold[id] = (float) n.path("split_condition").asDouble();
          left[id] = at + n.path("yes").asInt();
          right[id] = at + n.path("no").asInt();
          defaultLeft[id] = n.path("missing").asInt() == n.path("yes").asInt();
        }
      }
      at += size;
    }
    return new CompiledTrees(roots, feature, threshold, left, right, defaultLeft, 0f, width);
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    out.add(n);
    for (JsonNode c : n.path("children")) {
      collect(c, out);
    }
  }

  /** Number of input features. */
  int width() {
    return width;
  }

  /** Number of trees. */
  int trees() {
    return roots.length;
  }

  /** P(class 1) of the row {@code x[at .. at + width)}; no allocation. */
  double score(float[] x, int at) {
    float m = baseMargin;
    for (int root : roots) {
      int n = root;
      while (feature[n] >= 0) {
        float v = x[at + feature[n]];
        n =
            Float.isNaN(v)
                ? (defaultLeft[n] ? left[n] : right[n])
                : v < threshold[n] ? left[n] : right[n];
      }
      m += threshold[n];
    }
    return 1.0 / (1.0 + Math.exp(-m));
  }
}
