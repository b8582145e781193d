package org.fairkd.fairness.report;

import java.util.List;

/**
 * How the rows fall on one protected attribute: the groups that have rows and the rows in none (a
 * missing value: hard code −1, or soft probabilities that are all zero). Missing rows count in the
 * overall figures and in no group's slice, disparity or test.
 *
 * @param attribute attribute name
 * @param groupsWithRows groups with positive weight, in report order
 * @param missingRows rows whose value is missing (in no group at all)
 * @param missingWeight weight in no group: Σ w over missing rows, plus for soft membership Σ w (1 −
 *     Σ_g p_g) over the other rows, so that the groups' counts and this add up to the total weight
 */
public record AttributeAccounting(
    String attribute, List<String> groupsWithRows, int missingRows, double missingWeight) {

  /** Copies the group list. */
  public AttributeAccounting {
    groupsWithRows = List.copyOf(groupsWithRows);
  }

  /** True when fewer than two groups have rows: nothing to compare on this attribute. */
  public boolean tooFewGroups() {
    return groupsWithRows.size() < 2;
  }

  /**
   * Why the attribute cannot be compared ({@link UndefinedReason#TOO_FEW_GROUPS}, e.g. "attribute
   * 'sex' has one group (m): nothing to compare"), or null when it has two groups or more.
   */
  public Undefined problem() {
    if (!tooFewGroups()) {
      return null;
    }
    String text =
        groupsWithRows.isEmpty()
            ? "attribute '" + attribute + "' has no rows with a known group: nothing to compare"
            : "attribute '"
                + attribute
                + "' has one group ("
                + groupsWithRows.get(0)
                + "): nothing to compare";
    return Undefined.of(UndefinedReason.TOO_FEW_GROUPS, text);
  }
}
