package org.fairkd.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fairkd.search.files.SearchJsonReader;
import org.fairkd.search.files.SearchJsonWriter;
import org.fairkd.search.select.SelectionRule;
import org.junit.jupiter.api.Test;

/** search.json read back gives the same file (what audit.json's search block relies on). */
class SearchJsonRoundTripTest {
  @Test
  void readBackWritesTheSameBytes() throws Exception {
    for (SearchConfig cfg :
        new SearchConfig[] {
          LdaSearchTest.config(4),
          LdaSearchTest.config(4).withRule(new SelectionRule.MostAccurate(0.03))
        }) {
      SearchResult r = LdaSearchTest.run(cfg, LdaSearchTest.FAKE.yTest).withReleased("s01-t0.45");
      byte[] written = SearchJsonWriter.bytes(r);
      SearchResult back = SearchJsonReader.read(new ObjectMapper().readTree(written));
      assertArrayEquals(written, SearchJsonWriter.bytes(back), new String(written));
      assertEquals("s01-t0.45", back.released());
    }
  }
}
