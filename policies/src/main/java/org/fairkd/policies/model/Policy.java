package org.fairkd.policies.model;

import java.util.List;

/**
 * A release policy after its includes and overrides were applied.
 *
 * @param id stable identifier, e.g. {@code four-fifths}
 * @param version the policy's own version string
 * @param title one-line title
 * @param description what the policy is for (may be empty)
 * @param owner who maintains it (may be empty)
 * @param references regulations, guidance or internal standards it rests on
 * @param includes the included policies, as written (bundled names or paths)
 * @param rules every rule, included ones first, in order
 */
public record Policy(
    String id,
    String version,
    String title,
    String description,
    String owner,
    List<String> references,
    List<String> includes,
    List<Rule> rules) {

  /** Copies the lists. */
  public Policy {
    references = List.copyOf(references);
    includes = List.copyOf(includes);
    rules = List.copyOf(rules);
  }
}
