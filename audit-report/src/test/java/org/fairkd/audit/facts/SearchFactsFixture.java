package org.fairkd.audit.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.fairkd.audit.json.SearchJson;
import org.fairkd.search.SearchResult;

/** The hand-made search of {@code fixtures/search-fixture.json}, for facts and report tests. */
public final class SearchFactsFixture {
  private SearchFactsFixture() {}

  /** The search: released and selected s01-t0.45, one collapsed candidate. */
  public static SearchResult search() throws Exception {
    try (InputStream in =
        SearchFactsFixture.class.getResourceAsStream("/fixtures/search-fixture.json")) {
      return SearchJson.read(new ObjectMapper().readTree(in));
    }
  }
}
