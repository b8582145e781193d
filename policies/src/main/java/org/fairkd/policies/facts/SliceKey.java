package org.fairkd.policies.facts;

/**
 * One slice of a source: an attribute key and a group key, e.g. {@code sex} / {@code female}, or
 * {@code sex*race} / {@code female*black} for an intersection.
 *
 * @param attribute attribute (or intersection) key
 * @param group group key
 */
public record SliceKey(String attribute, String group) {

  /** The slice label of outcomes: {@code sex=female}, {@code sex*race=female*black}. */
  public String label() {
    return attribute + "=" + group;
  }
}
