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
    ImportedInputs inputs =
        ImportedInputs.of(spec.name(), im, spec.type() == MemberType.ONNX, encoder, data);
    ImportedModel model = openModel(spec, im.path());
    checkInputs(spec, model, inputs);
    return new ImportedMember(spec, model, inputs, im.path(), Sha256.of(im.path()));
  }

  private static ImportedModel openModel(MemberSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw ImportSpec.memberError(
          spec.imported().source(), spec.name(), "model file not found: " + file);
    }
    try {
      return ImportedModel.open(spec.type(), file, spec.imported().favourableClass());
    } catch (IllegalArgumentException e) {
      throw ImportSpec.memberError(spec.imported().source(), spec.name(), e.getMessage());
    }
  }

  /**
   * The mapping against the model's declared inputs: which inputs (the list form feeds a model of
   * one input; a mapping names each input), then per input its element type, its count of values,
   * and the values' names where the model has them; the first mismatch names its input or column.
   */
  static void checkInputs(MemberSpec spec, ImportedModel model, ImportedInputs inputs) {
    String src = spec.imported().source();
    List<ImportedModel.Declared> declared = model.declaredInputs();
    List<String> names = declared.stream().map(ImportedModel.Declared::name).toList();
    boolean listForm = spec.imported().modelInputs().isEmpty();
    if (listForm && declared.size() != 1) {
      throw ImportSpec.memberError(
          src,
          spec.name(),
          "the model has "
              + declared.size()
              + " inputs ("
              + String.join(", ", names)
              + "): map each to its columns, inputs: {"
              + names.get(0)
              + ": [...], ...}");
    }
    for (ImportedInputs.Feed f : inputs.feeds()) {
      if (!listForm && !names.contains(f.input())) {
        throw ImportSpec.memberError(
            src,
            spec.name(),
            "inputs names model input '"
                + f.input()
                + "', which the model does not have (its inputs: "
                + String.join(", ", names)
                + ")");
      }
    }
    for (ImportedModel.Declared d : declared) {
      ImportedInputs.Feed f =
          inputs.feeds().stream()
              .filter(x -> listForm || x.input().equals(d.name()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ImportSpec.memberError(
                          src,
                          spec.name(),
                          "model input '"
                              + d.name()
                              + "' has no column (the mapping gives: "
                              + String.join(
                                  ", ",
                                  inputs.feeds().stream().map(ImportedInputs.Feed::input).toList())
                              + ")"));
      checkInput(spec, d, f, listForm);
    }
  }

  private static void checkInput(
      MemberSpec spec, ImportedModel.Declared d, ImportedInputs.Feed f, boolean listForm) {
    String src = spec.imported().source();
    String input = "model input '" + d.name() + "'";
    if (!d.type().equals("float") && !d.type().equals("string")) {
      throw ImportSpec.memberError(
          src,
          spec.name(),
          input + " has element type " + d.type() + "; fairkd feeds float or string tensors");
    }
    for (ImportedInputs.Slot s : f.slots()) {
      boolean str = s.kind() == ImportedInputs.Kind.STRING;
      if (d.type().equals("float") && str) {
        throw ImportSpec.memberError(
            src,
            spec.name(),
            input
                + " is a float tensor but column '"
                + s.column()
                + "' is categorical: give its levels in one_hot");
      }
      if (d.type().equals("string") && !str) {
        throw ImportSpec.memberError(
            src,
            spec.name(),
            input + " is a string tensor but column '" + s.column() + "' gives numbers");
      }
    }
    List<String> mine =
        f.slots().stream()
            .map(s -> s.level() == null ? s.column() : s.column() + "=" + s.level())
            .toList();
    List<String> theirs = d.features();
    int n = d.width();
    if (n >= 0 && mine.size() > n) {
      throw ImportSpec.memberError(
          src,
          spec.name(),
          listForm
              ? "column '"
                  + mine.get(n)
                  + "' is input "
                  + (n + 1)
                  + " of the mapping but the model declares only "
                  + n
                  + " inputs"
              : "column '"
                  + mine.get(n)
                  + "' is value "
                  + (n + 1)
                  + " of "
                  + input
                  + " but the model declares only "
                  + n);
    }
    if (n >= 0 && mine.size() < n) {
      String next = theirs.size() == n ? " ('" + theirs.get(mine.size()) + "')" : "";
      throw ImportSpec.memberError(
          src,
          spec.name(),
          listForm
              ? "the model declares "
                  + n
                  + " inputs but the mapping gives "
                  + mine.size()
                  + ": model input "
                  + (mine.size() + 1)
                  + next
                  + " has no column"
              : input
                  + " takes "
                  + n
                  + " values but the mapping gives "
                  + mine.size()
                  + ": value "
                  + (mine.size() + 1)
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
    return scoreInputs(inputs.decode(x));
  }

  /**
   * P(favourable) of rows of model inputs: the model's score, or {@code 1 − score} for {@code
   * predicts: unfavourable}.
   *
   * @throws DistillationException naming the member when the model returns a score outside [0, 1]
   *     or lacks the favourable class
   */
  double[] scoreInputs(ModelRows x) {
    double[] p;
    try {
      p = model.score(x);
    } catch (IllegalArgumentException e) {
      throw ImportSpec.memberError(spec.imported().source(), spec.name(), e.getMessage());
    }
    for (int i = 0; i < p.length; i++) {
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

  /** This member's inputs bound to a raw header (for {@link #scoreRaw}); one per thread. */
  RawInputs bindRaw(List<String> header) {
    return RawInputs.bind(inputs, header, spec.imported().source());
  }

  /**
   * P(favourable) of one raw row on the fastest path: an XGBoost model through its compiled trees,
   * an ONNX model through its session on the raw values.
   */
  double scoreRaw(RawInputs raw, Object[] row) {
    ModelRows x = raw.fill(row);
    double q =
        model instanceof XgboostFile xf
            ? xf.compiled().score(x.onlyFloats(), 0)
            : model.score(x)[0];
    return spec.imported().unfavourable() ? 1 - q : q;
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
    if (s.imported().favourableClass() != null) {
      o.put("favourable_class", s.imported().favourableClass());
    }
    return o;
  }

  /** Reads a member saved by {@link #save}: the copied file and the decoding rules. */
  static ImportedMember read(MemberSpec spec, Path file, JsonNode entry) {
    ImportedModel model = openModel(spec, file);
    ImportedInputs inputs = ImportedInputs.read(entry.path("decode"));
    checkInputs(spec, model, inputs);
    String sha = Sha256.of(file);
    if (entry.has("sha256") && !entry.get("sha256").asText().equals(sha)) {
      throw new DistillationException(file + ": sha256 differs from the saved teacher's record");
    }
    return new ImportedMember(spec, model, inputs, file, sha);
  }
}
