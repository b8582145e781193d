package org.fairkd.search.select;

/**
 * The chosen candidate and why, in words a validator can sign.
 *
 * @param id the selected candidate's id, or null when no candidate satisfies the rule
 * @param rule the rule, stated
 * @param reason why this candidate (or none) was chosen, with its validation figures
 */
public record Selection(String id, String rule, String reason) {}
