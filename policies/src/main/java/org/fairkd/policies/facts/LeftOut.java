package org.fairkd.policies.facts;

/**
 * A group that an attribute's disparities leave out (never silently absent): it stays in a rule's
 * scope as insufficient data or undefined.
 *
 * @param group the group key
 * @param availability {@link Availability#INSUFFICIENT} or {@link Availability#UNDEFINED}
 * @param base the per-slice metric whose being undefined left the group out (the group is then left
 *     out only of disparities built on it), or null when the group is left out of all
 * @param reason the source's words on why
 * @param location where in the source the entry is
 */
public record LeftOut(
    String group, Availability availability, String base, String reason, String location) {}
