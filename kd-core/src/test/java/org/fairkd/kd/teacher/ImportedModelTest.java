package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
              ImportedModel.open(MemberType.XGBOOST_MODEL, ImportedFixtures.dir().resolve(f)));
      assertEquals(6, m.inputCount());
      assertEquals(List.of(XGB_INPUTS), m.inputNames());
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
    OnnxFile log =
        assertInstanceOf(
            OnnxFile.class,
            ImportedModel.open(MemberType.ONNX, ImportedFixtures.dir().resolve("logistic.onnx")));
    assertEquals(3, log.inputCount());
    double[] py = ImportedFixtures.python("logistic_onnx");
    double d1 =
        maxAbsDiff(
            log.score(ImportedFixtures.inputs("age", "purpose=car", "purpose=home"), py.length),
            py);
    OnnxFile trees =
        assertInstanceOf(
            OnnxFile.class,
            ImportedModel.open(MemberType.ONNX, ImportedFixtures.dir().resolve("trees.onnx")));
    assertEquals(2, trees.inputCount());
    assertEquals("probability", trees.output());
    double[] pyT = ImportedFixtures.python("trees_onnx");
    double d2 =
        maxAbsDiff(trees.score(ImportedFixtures.inputs("age", "purpose=home"), pyT.length), pyT);
    System.out.printf("onnx logistic vs Python %.3g, onnx trees vs Python %.3g%n", d1, d2);
    assertEquals(0, d1, 1e-6);
    assertEquals(0, d2, 1e-6);
  }
}
