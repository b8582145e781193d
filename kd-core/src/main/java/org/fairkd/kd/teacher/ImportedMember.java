package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.base.files.Sha256;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;

/**
 * A member trained elsewhere ({@code onnx}, {@code xgboost_model}): the model file, its input
 * mapping ({@link ImportSpec}) checked against the model's declared inputs, and the decoding of
 * fairkd's encoded rows into the model's inputs ({@link ImportedInputs}). It is never refitted: its
 * out-of-fold "soft targets" are its own scores. Saved as {@code members/<name>.<ext>} (a copy of
 * the file) with the decoding rules and the file's sha256 in the {@code teacher.json} entry.
 *
 * @param spec the member
 * @param model the opened model
 * @param inputs how encoded rows become model inputs
 * @param file the model file read
 * @param sha256 the file's SHA-256
 */
record ImportedMember(
    MemberSpec spec, ImportedModel model, ImportedInputs inputs, Path file, String sha256)
    implements MemberModel {

  /**
   * Opens the member's model and checks the mapping against the dataset encoder, then against the
   * model.
   *
   * @param encoder the encoder of the rows the member will score
   * @param data the dataset (its numeric columns' values make the decoding exact, see {@link
   *     ImportedInputs})
   * @throws DistillationException one line naming the config file, the member and the column when
   *     the file cannot be used or the mapping does not match the model's inputs
   */
  static ImportedMember open(MemberSpec spec, EncoderSpec encoder, TabularDataset data) {
    ImportSpec im = spec.imported();
    ImportedInputs inputs = ImportedInputs.of(spec.name(), im, encoder, data);
    ImportedModel model = openModel(spec, im.path());
    checkInputs(spec, model);
    return new ImportedMember(spec, model, inputs, im.path(), Sha256.of(im.path()));
  }

  private static ImportedModel openModel(MemberSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw ImportSpec.memberError(
          spec.imported().source(), spec.name(), "model file not found: " + file);
    }
    try {
      return ImportedModel.open(spec.type(), file);
    } catch (IllegalArgumentException e) {
      throw ImportSpec.memberError(spec.imported().source(), spec.name(), e.getMessage());
    }
  }

  /** Count, then names where the model has them; the first mismatch names its column. */
  static void checkInputs(MemberSpec spec, ImportedModel model) {
    List<String> mine = spec.imported().expandedNames();
    List<String> theirs = model.inputNames();
    String src = spec.imported().source();
    int n = model.inputCount();
    if (mine.size() > n) {
      throw ImportSpec.memberError(
          src,
          spec.name(),
          "column '"
              + mine.get(n)
              + "' is input "
              + (n + 1)
              + " of the mapping but the model declares only "
              + n
              + " inputs");
    }
    if (mine.size() < n) {
      String next = theirs.size() == n ? " ('" + theirs.get(mine.size()) + "')" : "";
      throw ImportSpec.memberError(
          src,
          spec.name(),
          "the model declares "
              + n
              + " inputs but the mapping gives "
              + mine.size()
              + ": model input "
              + (mine.size() + 1)
              + next
              + " has no column");
    }
    if (theirs.size() == n) {
      for (int k = 0; k < n; k++) {
        String a = mine.get(k);
        String b = theirs.get(k);
        if (!a.equals(b) && !a.replace('=', '_').equals(b) && !a.replace('=', '.').equals(b)) {
          throw ImportSpec.memberError(
              src,
              spec.name(),
              "input " + (k + 1) + " is column '" + a + "' but the model calls it '" + b + "'");
        }
      }
    }
  }

  @Override
  public double[] predict(TribuoRows rows, float[][] x) {
    int w = inputs.width();
    float[] flat = new float[x.length * w];
    for (int i = 0; i < x.length; i++) {
      inputs.decode(x[i], flat, i * w);
    }
    return scoreInputs(flat, x.length);
  }

  /**
   * P(favourable) of {@code n} rows of model inputs (row-major, the model's order): the model's
   * score, or {@code 1 − score} for {@code predicts: unfavourable}.
   *
   * @throws DistillationException naming the member when the model returns a score outside [0, 1]
   */
  double[] scoreInputs(float[] x, int n) {
    double[] p = model.score(x, n);
    for (int i = 0; i < n; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw ImportSpec.memberError(
            spec.imported().source(),
            spec.name(),
            "the model returned " + p[i] + " for a row, not a probability");
      }
      p[i] = spec.imported().unfavourable() ? 1 - p[i] : p[i];
    }
    return p;
  }

  @Override
  public void save(Path dir, String name, ObjectNode entry) throws IOException {
    String f = file.getFileName().toString();
    String ext = f.contains(".") ? f.substring(f.lastIndexOf('.')) : "";
    String rel = "members/" + name + ext;
    AtomicFiles.write(dir.resolve(rel), Files.readAllBytes(file));
    entry.put("file", rel);
    entry.put("sha256", sha256);
    inputs.write(entry.putArray("decode"));
  }

  @Override
  public JsonNode provenance(MemberSpec s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", s.type().key());
    o.put("trained", "elsewhere (imported model file); soft targets are its own scores");
    o.put("file", file.toString());
    o.put("sha256", sha256);
    var in = o.putArray("inputs");
    s.imported().expandedNames().forEach(in::add);
    o.put("predicts", s.imported().unfavourable() ? "unfavourable" : "favourable");
    return o;
  }

  /** Reads a member saved by {@link #save}: the copied file and the decoding rules. */
  static ImportedMember read(MemberSpec spec, Path file, JsonNode entry) {
    ImportedModel model = openModel(spec, file);
    checkInputs(spec, model);
    String sha = Sha256.of(file);
    if (entry.has("sha256") && !entry.get("sha256").asText().equals(sha)) {
      throw new DistillationException(file + ": sha256 differs from the saved teacher's record");
    }
    return new ImportedMember(spec, model, ImportedInputs.read(entry.path("decode")), file, sha);
  }
}
