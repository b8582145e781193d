package org.fairkd.datasets.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.tribuo.TribuoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** Encoding fitted on train rows only; unseen and missing values; JSON round trip; Tribuo view. */
class FeatureEncoderTest {
  @TempDir Path dir;

  private TabularDataset data() throws Exception {
    Files.writeString(
        dir.resolve("d.csv"), "x,c,g,y\n1,a,u,1\n3,b,v,0\n,a,u,1\n5,b,v,0\n100,z,u,1\n7,,v,0\n");
    Files.writeString(
        dir.resolve("s.yaml"),
        """
        data: d.csv
        label: {column: y, favourable: ["1"]}
        protected: [{name: g, column: g, reference: u}]
        """);
    return Datasets.loadSpec(dir.resolve("s.yaml"));
  }

  @Test
  void fitsOnTrainRowsOnlyAndMapsUnseenToOther() throws Exception {
    TabularDataset d = data();
    int[] train = {0, 1, 2, 3};
    FeatureEncoder enc = FeatureEncoder.fit(d, train);
    assertEquals(List.of("x", "x__missing", "c=a", "c=b", "c=__other__"), enc.outputNames());
    assertEquals(5, enc.width());
    // train x = 1, 3, 5 (row 2 missing): mean 3, population std sqrt(8/3)
    double std = Math.sqrt(8.0 / 3);
    float[][] x = enc.transform(d, new int[] {0, 2, 4, 5});
    assertArrayEquals(new float[] {(float) (-2 / std), 0, 1, 0, 0}, x[0]);
    assertArrayEquals(new float[] {0, 1, 1, 0, 0}, x[1]); // missing x -> mean, indicator 1
    assertArrayEquals(new float[] {(float) (97 / std), 0, 0, 0, 1}, x[2]); // unseen 'z'
    assertArrayEquals(new float[] {(float) (4 / std), 0, 0, 0, 1}, x[3]); // missing category
  }

  @Test
  void specRoundTripsThroughJson() throws Exception {
    TabularDataset d = data();
    FeatureEncoder enc = FeatureEncoder.fit(d, new int[] {0, 1, 2, 3});
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(enc.spec());
    EncoderSpec back = json.readValue(text, EncoderSpec.class);
    assertEquals(enc.spec(), back);
    FeatureEncoder again = FeatureEncoder.fromSpec(back);
    int[] all = {0, 1, 2, 3, 4, 5};
    assertArrayEquals(enc.transform(d, all), again.transform(d, all));
    assertEquals(enc.outputNames(), again.outputNames());
  }

  @Test
  void tribuoDatasetHasOneExamplePerRowAndBothLabels() throws Exception {
    TabularDataset d = data();
    FeatureEncoder enc = FeatureEncoder.fit(d, new int[] {0, 1, 2, 3});
    int[] rows = {0, 1, 2, 3, 4, 5};
    MutableDataset<Label> ds =
        TribuoData.of(enc.transform(d, rows), d.favourableLabels(), enc.outputNames(), "t");
    assertEquals(6, ds.size());
    assertEquals(TribuoData.FAVOURABLE, ds.getExample(0).getOutput().getLabel());
    assertEquals(TribuoData.UNFAVOURABLE, ds.getExample(1).getOutput().getLabel());
    assertEquals(2, ds.getOutputInfo().size());
  }
}
