package org.fairkd.fairness;

import java.util.List;
import java.util.Objects;

/**
 * One protected attribute: its group names, the reference (control / privileged) group and each
 * row's membership, either hard ({@code codes[row]} = index into {@code groups}, or -1 when the
 * value is missing) or soft ({@code probabilities[group][row]}, e.g. BISG probabilities; the
 * remainder {@code 1 - sum} is treated as "unknown" and belongs to no group).
 *
 * @param name attribute name as printed (e.g. {@code sex})
 * @param groups group names in report order
 * @param reference the reference group name, or null to use the largest group (by weighted count)
 * @param codes hard membership codes, or null when soft
 * @param probabilities soft membership, indexed {@code [group][row]}, or null when hard
 */
public record ProtectedAttribute(
    String name, List<String> groups, String reference, int[] codes, double[][] probabilities) {

  /** Validates the shape (names, exactly one of codes / probabilities). */
  public ProtectedAttribute {
    Objects.requireNonNull(name, "name");
    groups = List.copyOf(groups);
    if (groups.isEmpty()) {
      throw new FairnessException("attribute '" + name + "': no groups");
    }
    if (groups.stream().distinct().count() != groups.size()) {
      throw new FairnessException("attribute '" + name + "': duplicate group names " + groups);
    }
    if ((codes == null) == (probabilities == null)) {
      throw new FairnessException(
          "attribute '" + name + "': give exactly one of hard codes or soft probabilities");
    }
    if (probabilities != null && probabilities.length != groups.size()) {
      throw new FairnessException(
          "attribute '"
              + name
              + "': "
              + probabilities.length
              + " probability columns for "
              + groups.size()
              + " groups");
    }
    if (reference != null && !groups.contains(reference)) {
      throw new FairnessException(
          "attribute '"
              + name
              + "': unknown reference group '"
              + reference
              + "' (groups: "
              + String.join(", ", groups)
              + ")");
    }
  }

  /** Hard membership: {@code codes[row]} indexes {@code groups}; -1 marks a missing value. */
  public static ProtectedAttribute hard(
      String name, List<String> groups, String reference, int[] codes) {
    return new ProtectedAttribute(name, groups, reference, codes, null);
  }

  /** Soft membership: {@code probabilities[group][row]} in [0, 1], summing to at most 1 per row. */
  public static ProtectedAttribute soft(
      String name, List<String> groups, String reference, double[][] probabilities) {
    return new ProtectedAttribute(name, groups, reference, null, probabilities);
  }

  /** True when membership is given as probabilities. */
  public boolean isSoft() {
    return probabilities != null;
  }

  /** Number of rows described. */
  public int rows() {
    return codes != null ? codes.length : probabilities[0].length;
  }
}
