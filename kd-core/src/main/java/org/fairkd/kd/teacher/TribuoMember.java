package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.tribuo.TribuoData;
import org.fairkd.kd.DistillationException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A member trained by a Tribuo trainer, saved as {@code members/<name>.tribuo} (Tribuo's protobuf
 * format); for members that need non-negative features, the per-feature training minima subtracted
 * before scoring ({@code offsets}, else null), saved in the {@code teacher.json} entry.
 */
record TribuoMember(Model<Label> model, float[] offsets) implements MemberModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TribuoMember train(
      MemberSpec spec, TribuoRows rows, float[][] x, boolean[] y, int[] trainRows, long seed) {
    float[] offsets =
        spec.type().needsNonNegativeFeatures()
            ? TribuoRows.minima(x, trainRows, rows.width())
            : null;
    MutableDataset<Label> data = rows.dataset(x, y, trainRows, offsets);
    Model<Label> model =
        spec.type().isForest()
            ? spec.type().forest(spec.params(), seed).train(data)
            : spec.type().trainer(spec.params(), seed).train(data);
    return new TribuoMember(model, offsets);
  }

  @Override
  public double[] predict(TribuoRows rows, float[][] x) {
    return rows.predict(model, x, offsets);
  }

  /**
   * This member's trees compiled over encoded rows ({@link CompiledTrees#ofTribuoDump}) when it is
   * a two-class XGBoost model without feature offsets, else null.
   */
  CompiledTrees compiled(List<String> featureNames) {
    if (!(model instanceof XGBoostModel<Label> xm) || offsets != null) {
      return null;
    }
    ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
    if (labels.size() != 2 || xm.getInnerModels().size() != 1) {
      return null;
    }
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    int[] columnOf = new int[fmap.size()];
    for (int j = 0; j < featureNames.size(); j++) {
      int id = fmap.getID(featureNames.get(j));
      if (id >= 0) {
        columnOf[id] = j;
      }
    }
    try {
      String[] dump = xm.getInnerModels().get(0).getModelDump((String) null, false, "json");
      return CompiledTrees.ofTribuoDump(
          dump, labels.getID(new Label(TribuoData.FAVOURABLE)), columnOf, featureNames.size());
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j cannot dump the trees: " + e.getMessage(), e);
    }
  }

  /**
   * This member's trees compiled over encoded rows ({@link CompiledForest}) when it is a random
   * forest or extra-trees model without feature offsets, else null.
   */
  CompiledForest forest(List<String> featureNames) {
    return offsets != null || model.getOutputIDInfo().size() != 2
        ? null
        : CompiledForest.of(model, featureNames);
  }

  /**
   * This member as one weight vector over encoded columns ({@link CompiledLinear}) when it is a
   * two-class logistic model without feature offsets, else null. Tribuo's weight matrix has one row
   * per label id and one column per feature id, the bias last.
   */
  CompiledLinear linear(List<String> featureNames) {
    if (!(model instanceof LinearSGDModel lm) || offsets != null) {
      return null;
    }
    ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
    if (labels.size() != 2) {
      return null;
    }
    int fav = labels.getID(new Label(TribuoData.FAVOURABLE));
    DenseMatrix w = lm.getWeightsCopy();
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    double[] out = new double[featureNames.size()];
    for (int j = 0; j < out.length; j++) {
      int id = fmap.getID(featureNames.get(j));
      out[j] = id < 0 ? 0 : w.get(fav, id) - w.get(1 - fav, id);
    }
    int b = w.getDimension2Size() - 1;
    return new CompiledLinear(out, w.get(fav, b) - w.get(1 - fav, b));
  }

  @Override
  public void save(Path dir, String name, ObjectNode entry) throws IOException {
    String file = "members/" + name + ".tribuo";
    Path tmp = dir.resolve(file + ".tmp");
    model.serializeToFile(tmp);
    AtomicFiles.publish(tmp, dir.resolve(file));
    entry.put("file", file);
    if (offsets != null) {
      ArrayNode off = entry.putArray("offsets");
      for (float v : offsets) {
        off.add(v);
      }
    }
  }

  /** Tribuo's provenance of the model, marshalled by OLCUT's JSON provenance serialisation. */
  @Override
  public JsonNode provenance(MemberSpec spec) {
    String s =
        new JsonProvenanceSerialization(false)
            .serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance()));
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static TribuoMember read(Path file, JsonNode entry) {
    Model<?> model;
    try {
      model = Model.deserializeFromFile(file);
    } catch (IOException | RuntimeException e) {
      throw new DistillationException(
          file + ": cannot read the member model: " + e.getMessage(), e);
    }
    if (!model.validate(Label.class)) {
      throw new DistillationException(file + ": not a classification model");
    }
    float[] offsets = null;
    if (entry.has("offsets")) {
      offsets = new float[entry.get("offsets").size()];
      for (int j = 0; j < offsets.length; j++) {
        offsets[j] = (float) entry.get("offsets").get(j).asDouble();
      }
    }
    return new TribuoMember((Model<Label>) model, offsets);
  }
}
