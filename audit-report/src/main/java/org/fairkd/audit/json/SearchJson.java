package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairkd.search.SearchResult;
import org.fairkd.search.files.SearchJsonReader;
import org.fairkd.search.files.SearchJsonWriter;

/**
 * audit.json's {@code search} block: the less-discriminatory-alternative search behind the audited
 * student, in search.json's own form ({@code fairkd.search/1}, see {@link SearchJsonWriter}) plus
 * {@code released}, the id of the candidate whose student was audited.
 */
public final class SearchJson {
  private SearchJson() {}

  /** The block of {@code r}. */
  public static ObjectNode write(SearchResult r) {
    return SearchJsonWriter.tree(r);
  }

  /** The search in {@code block}, or null when there is none. */
  public static SearchResult read(JsonNode block) {
    return block == null || !block.isObject() ? null : SearchJsonReader.read(block);
  }
}
