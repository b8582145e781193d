package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.WeightedEnsembleModel;

class ParallelForestTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "cat=x", "cat=y");

  /**
   * The parallel forest is Tribuo's sequential forest, for both forest kinds and any thread count:
   * the same trees (each tree's scores on every row), the same combined scores, the same provenance
   * apart from the training timestamps.
   */
  @Test
  void equalsTribuosSequentialForestForAnyThreadCount() {
    TeacherTrainerTest.Data d = TeacherTrainerTest.synthetic(1500, 5);
    TribuoRows rows = new TribuoRows(NAMES);
    int[] all = java.util.stream.IntStream.range(0, d.x().length).toArray();
    for (MemberType type : List.of(MemberType.RANDOM_FOREST, MemberType.EXTRA_TREES)) {
      Map<String, Double> p = type.withDefaults(Map.of("trees", 6.0, "max_depth", 5.0));
      long seed = 1042;
      MutableDataset<Label> data = rows.dataset(d.x(), d.y(), all, null);
      Model<Label> sequential = type.trainer(p, seed).train(data);
      for (String threads : List.of("1", "2", "3")) {
        System.setProperty("fairkd.teacher.threads", threads);
        Model<Label> parallel;
        try {
          parallel = type.forest(p, seed).train(data);
        } finally {
          System.clearProperty("fairkd.teacher.threads");
        }
        String what = type.key() + " on " + threads + " thread(s)";
        List<Model<Label>> a = ((WeightedEnsembleModel<Label>) sequential).getModels();
        List<Model<Label>> b = ((WeightedEnsembleModel<Label>) parallel).getModels();
        assertEquals(a.size(), b.size(), what);
        for (int t = 0; t < a.size(); t++) {
          assertArrayEquals(
              rows.predict(a.get(t), d.x(), null), rows.predict(b.get(t), d.x(), null), what);
        }
        assertArrayEquals(
            rows.predict(sequential, d.x(), null), rows.predict(parallel, d.x(), null), what);
        assertEquals(withoutTimes(sequential), withoutTimes(parallel), what);
        assertEquals(sequential.getName(), parallel.getName(), what);
      }
    }
  }

  private static String withoutTimes(Model<Label> m) {
    return new JsonProvenanceSerialization(false)
        .serializeToString(ProvenanceUtil.marshalProvenance(m.getProvenance()))
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+[-+Z0-9:]*", "TIME");
  }
}
