package org.fairkd.fairness.report;

import java.util.List;
import java.util.Optional;

/**
 * Every row accounted for: the rows analysed and, per protected attribute, the rows with a missing
 * value (shown as a "(missing)" group, left out of disparities and tests).
 *
 * @param rows rows analysed
 * @param weight their total weight (= rows without row weights)
 * @param attributes per protected attribute, in input order
 */
public record DataAccounting(int rows, double weight, List<AttributeAccounting> attributes) {

  /** Copies the list. */
  public DataAccounting {
    attributes = List.copyOf(attributes);
  }

  /** The accounting of the named attribute. */
  public Optional<AttributeAccounting> attribute(String name) {
    return attributes.stream().filter(a -> a.attribute().equals(name)).findFirst();
  }

  /** The attributes with fewer than two groups that have rows (nothing to compare). */
  public List<AttributeAccounting> tooFewGroups() {
    return attributes.stream().filter(AttributeAccounting::tooFewGroups).toList();
  }
}
