package org.fairkd.policies.eval;

import java.util.Locale;

/**
 * What a rule outcome shows, told apart from its status (the gate stays fail-closed either way):
 *
 * <ul>
 *   <li>{@code HARM}: the estimate is beyond the bound the outcome breaches (or, in mode {@code
 *       significant}, the breach is significant);
 *   <li>{@code NOT_SHOWN}: the estimate is within the bound but its interval crosses it (or the
 *       breach is not significant): the evidence is too weak either way, and the outcome carries
 *       the approximate number of rows that would settle it;
 *   <li>{@code SHOWN}: the rule passes with its evidence;
 *   <li>{@code NOT_EVALUATED}: nothing was judged (insufficient data, an undefined or missing
 *       figure, or evidence the rule's mode needs is absent).
 * </ul>
 */
public enum Finding {
  HARM,
  NOT_SHOWN,
  SHOWN,
  NOT_EVALUATED;

  /**
   * The name in audit.json: {@code harm}, {@code not_shown}, {@code shown}, {@code not_evaluated}.
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
