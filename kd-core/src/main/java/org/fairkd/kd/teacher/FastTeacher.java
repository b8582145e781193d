package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.List;

/**
 * The fastest serving path of a {@link TeacherEnsemble} from raw rows, as a production Java service
 * would run it: an imported XGBoost member through its {@link CompiledTrees} (flat arrays, no
 * allocation, no JNI), an imported ONNX member through its ONNX Runtime session on the raw inputs
 * (no fairkd encoding in between), a trained XGBoost member through its trees compiled from its
 * booster's dump, a trained logistic member as one weight vector ({@link CompiledLinear}) and a
 * trained random forest or extra-trees member as flat arrays ({@link CompiledForest}), all on the
 * encoded row, and the other trained members (naive Bayes, MLP) through their library on the
 * encoded row (no compiled evaluator for them yet). Members of weight 0 are skipped; the members'
 * probabilities are combined as the ensemble combines them, so the scores equal {@link
 * TeacherEnsemble#predictFavourable} to float precision. Holds per-member input buffers: one
 * instance per thread.
 */
public final class FastTeacher {
  private final TeacherEnsemble ensemble;
  private final List<TeacherMember> members;
  private final int[] active;
  private final double[] weights;
  private final RawInputs[] raw;
  private final CompiledTrees[] trained;
  private final CompiledLinear[] linear;
  private final CompiledForest[] forest;
  private final boolean needsEncoded;
  private final boolean anyFaster;
  private final String description;

  private FastTeacher(TeacherEnsemble ensemble, List<String> header) {
    this.ensemble = ensemble;
    this.active = TeacherEnsemble.activeMembers(ensemble.weights());
    this.weights = new double[active.length];
    this.raw = new RawInputs[active.length];
    this.trained = new CompiledTrees[active.length];
    this.linear = new CompiledLinear[active.length];
    this.forest = new CompiledForest[active.length];
    this.members = ensemble.members();
    boolean enc = false;
    boolean imported = false;
    List<String> parts = new ArrayList<>();
    for (int a = 0; a < active.length; a++) {
      TeacherMember m = members.get(active[a]);
      weights[a] = ensemble.weights()[active[a]];
      if (m.model() instanceof ImportedMember im) {
        imported = true;
        raw[a] = im.bindRaw(header);
        parts.add(
            m.spec().name()
                + ": "
                + (im.model() instanceof XgboostFile x
                    ? "compiled trees (" + x.compiled().trees() + ", flat arrays)"
                    : "ONNX Runtime session on raw inputs"));
      } else {
        enc = true;
        TribuoMember tm = m.model() instanceof TribuoMember t ? t : null;
        trained[a] = tm == null ? null : tm.compiled(ensemble.featureNames());
        linear[a] = tm == null ? null : tm.linear(ensemble.featureNames());
        forest[a] = tm == null ? null : tm.forest(ensemble.featureNames());
        imported |= trained[a] != null || linear[a] != null || forest[a] != null;
        parts.add(
            m.spec().name()
                + ": "
                + (trained[a] != null
                    ? "compiled trees (" + trained[a].trees() + ", flat arrays) on the encoded row"
                    : linear[a] != null
                        ? "compiled linear (one weight vector) on the encoded row"
                        : forest[a] != null
                            ? "compiled forest ("
                                + forest[a].trees()
                                + " trees, flat arrays) on the encoded row"
                            : m.spec().type().key() + " library on the encoded row"));
      }
    }
    this.needsEncoded = enc;
    this.anyFaster = imported;
    this.description = String.join("; ", parts);
  }

  /**
   * The fast path of {@code ensemble} for raw rows with columns {@code header}, or null when it
   * would be the library path itself (no active member is imported or compiled).
   *
   * @throws org.fairkd.kd.DistillationException when an imported member's input column is not in
   *     the header
   */
  public static FastTeacher of(TeacherEnsemble ensemble, List<String> header) {
    FastTeacher f = new FastTeacher(ensemble, header);
    return f.anyFaster ? f : null;
  }

  /** Whether {@link #score} needs the encoded row (some active member is a trained one). */
  public boolean needsEncodedRow() {
    return needsEncoded;
  }

  /** Per active member, the path it is scored by, e.g. {@code xgb: compiled trees (40, ...)}. */
  public String description() {
    return description;
  }

  /**
   * P(favourable) of one row.
   *
   * @param rawRow the raw values in header order ({@link Double}, NaN = missing; {@link String},
   *     null = missing)
   * @param encoded the row encoded by the dataset encoder; only read when {@link #needsEncodedRow}
   */
  public double score(Object[] rawRow, float[] encoded) {
    double s = 0;
    Combination c = ensemble.combination();
    for (int a = 0; a < active.length; a++) {
      double p;
      TeacherMember m = members.get(active[a]);
      if (raw[a] != null) {
        p = ((ImportedMember) m.model()).scoreRaw(raw[a], rawRow);
      } else if (trained[a] != null) {
        p = trained[a].score(encoded, 0);
      } else if (linear[a] != null) {
        p = linear[a].score(encoded);
      } else if (forest[a] != null) {
        p = forest[a].score(encoded);
      } else {
        p = m.predict(ensemble.rows(), new float[][] {encoded})[0];
      }
      s += weights[a] * (c == Combination.PROBABILITY ? p : Combination.logit(p));
    }
    return c == Combination.PROBABILITY ? Math.min(1.0, Math.max(0.0, s)) : Combination.sigmoid(s);
  }
}
