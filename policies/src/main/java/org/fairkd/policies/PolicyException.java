package org.fairkd.policies;

import java.util.List;

/**
 * A mistake in a policy file, or a policy that cannot be resolved. Each problem is one line naming
 * the file, line and key, e.g. {@code my.yaml:12: key 'rules[2].metric': unknown metric
 * 'adverse_impact_rato' (did you mean 'adverse_impact_ratio'?)}. When several problems were found
 * at once, {@link #problems()} lists them all and the message joins them.
 */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates an exception with a single one-line problem. */
  public PolicyException(String message) {
    super(message);
    this.problems = List.of(message);
  }

  /** Creates an exception with a single one-line problem and its cause. */
  public PolicyException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /** Creates an exception carrying several problems (at least one). */
  public PolicyException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size() + " problems: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one line each. */
  public List<String> problems() {
    return problems;
  }
}
