package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The imported models score the fixture loans as Python did (xgboost's own predict; numpy for the
 * ONNX graphs), and the compiled trees agree with xgboost4j: every score to 1e-6.
 */
class ImportedModelTest {
  static final String[] XGB_INPUTS = {
    "income", "age", "debt_ratio", "purpose=auto", "purpose=car", "purpose=home"
  };

  static double maxAbsDiff(double[] a, double[] b) {
    assertEquals(a.length, b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void xgboostJsonAndUbjsonScoreAsPythonAndTheCompiledTreesAgree() {
    double[] py = ImportedFixtures.python("xgb");
    float[] x = ImportedFixtures.inputs(XGB_INPUTS);
    for (String f : List.of("xgb.json", "xgb.ubj")) {
      XgboostFile m =
          assertInstanceOf(
              XgboostFile.class,
              ImportedModel.open(
                  MemberType.XGBOOST_MODEL, ImportedFixtures.dir().resolve(f), null));
      assertEquals(
          List.of(new ImportedModel.Declared("", "float", 6, List.of(XGB_INPUTS))),
          m.declaredInputs());
      assertEquals(40, m.compiled().trees());
      double[] lib = m.score(x, py.length);
      double[] compiled = new double[py.length];
      for (int i = 0; i < py.length; i++) {
        compiled[i] = m.compiled().score(x, i * 6);
      }
      double libVsPython = maxAbsDiff(lib, py);
      double compiledVsLib = maxAbsDiff(compiled, lib);
      System.out.printf(
          "%s: library vs Python %.3g, compiled vs library %.3g%n", f, libVsPython, compiledVsLib);
      assertEquals(0, libVsPython, 1e-6, f);
      assertEquals(0, compiledVsLib, 1e-6, f);
    }
  }

  @Test
  void onnxLogisticAndTreeEnsembleScoreAsPython() {
    OnnxFile log = onnx("logistic.onnx", null);
    assertEquals(
        List.of(new ImportedModel.Declared("float_input", "float", 3, List.of())),
        log.declaredInputs());
    double[] py = ImportedFixtures.python("logistic_onnx");
    double d1 =
        maxAbsDiff(
            log.score(
                ImportedFixtures.rows(
                    ImportedFixtures.floats("", "age", "purpose=car", "purpose=home"))),
            py);
    OnnxFile trees = onnx("trees.onnx", null);
    assertEquals(2, trees.declaredInputs().get(0).width());
    assertEquals("probability", trees.output());
    double[] pyT = ImportedFixtures.python("trees_onnx");
    double d2 =
        maxAbsDiff(
            trees.score(ImportedFixtures.rows(ImportedFixtures.floats("", "age", "purpose=home"))),
            pyT);
    System.out.printf("onnx logistic vs Python %.3g, onnx trees vs Python %.3g%n", d1, d2);
    assertEquals(0, d1, 1e-6);
    assertEquals(0, d2, 1e-6);
  }

  static OnnxFile onnx(String file, String favourableClass) {
    return assertInstanceOf(
        OnnxFile.class,
        ImportedModel.open(MemberType.ONNX, ImportedFixtures.dir().resolve(file), favourableClass));
  }

  @Test
  void pipelineModelsWithStringInputsAndZipMapOutputsScoreAsPython() {
    OnnxFile log = onnx("pipeline_logistic.onnx", null);
    assertEquals(
        List.of(
            new ImportedModel.Declared("age", "float", 1, List.of()),
            new ImportedModel.Declared("num", "float", 2, List.of()),
            new ImportedModel.Declared("purpose", "string", 1, List.of())),
        log.declaredInputs());
    assertEquals("output_probability", log.output());
    assertEquals(1L, log.mapKey());
    ModelRows x =
        ImportedFixtures.rows(
            ImportedFixtures.floats("age", "age"),
            ImportedFixtures.floats("num", "income", "debt_ratio"),
            ImportedFixtures.strings("purpose", "purpose"));
    double[] py = ImportedFixtures.python("pipeline_logistic");
    double d1 = maxAbsDiff(log.score(x), py);
    double[] class0 = onnx("pipeline_logistic.onnx", "0").score(x);
    for (int i = 0; i < py.length; i++) {
      assertEquals(1 - py[i], class0[i], 1e-6);
    }

    OnnxFile trees = onnx("pipeline_trees.onnx", "repaid");
    assertEquals(
        List.of(
            new ImportedModel.Declared("numeric", "float", 1, List.of()),
            new ImportedModel.Declared("categorical", "string", 2, List.of())),
        trees.declaredInputs());
    ModelRows xt =
        ImportedFixtures.rows(
            ImportedFixtures.floats("numeric", "age"),
            ImportedFixtures.strings("categorical", "purpose", "term"));
    double[] pyT = ImportedFixtures.python("pipeline_trees");
    double d2 = maxAbsDiff(trees.score(xt), pyT);
    double[] dflt = onnx("pipeline_trees.onnx", "default").score(xt);
    for (int i = 0; i < pyT.length; i++) {
      assertEquals(1 - pyT[i], dflt[i], 1e-6);
    }
    System.out.printf(
        "ONNX pipelines (string inputs, ZipMap) vs Python: logistic %.3g, trees %.3g%n", d1, d2);
    assertEquals(0, d1, 1e-6);
    assertEquals(0, d2, 1e-6);
  }

  @Test
  void theFavourableClassMustBeAClassOfTheOutput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> onnx("pipeline_trees.onnx", null));
    assertEquals(
        "the ONNX model's output 'output_probability' has string classes: say which is favourable"
            + " with favourable_class",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> onnx("pipeline_logistic.onnx", "good"));
    assertEquals(
        "favourable_class 'good' is not a class of output 'output_probability', whose classes are"
            + " integers",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> onnx("logistic.onnx", "good"));
    assertEquals(
        "the ONNX model's output 'probability' is a tensor without class names: favourable_class"
            + " must be its column, 0 or 1",
        e.getMessage());
    OnnxFile wrong = onnx("pipeline_trees.onnx", "repaid!");
    ModelRows xt =
        ImportedFixtures.rows(
            ImportedFixtures.floats("numeric", "age"),
            ImportedFixtures.strings("categorical", "purpose", "term"));
    e = assertThrows(IllegalArgumentException.class, () -> wrong.score(xt));
    assertEquals(
        "the model's output 'output_probability' has no class 'repaid!' (classes: default,"
            + " repaid): set favourable_class to one of them",
        e.getMessage());
  }
}
