package org.fairkd.policies.model;

import java.util.List;

/**
 * Which part of an audit a rule applies to.
 *
 * <ul>
 *   <li>{@code OVERALL}: the whole population (overall metrics and distillation figures).
 *   <li>{@code ATTRIBUTES}: every single protected attribute, or only those in {@code attributes}
 *       (a named entry may be an intersection such as {@code sex*race}).
 *   <li>{@code INTERSECTIONS}: every intersection of protected attributes.
 *   <li>{@code ALL}: every protected attribute and every intersection.
 *   <li>{@code GROUP}: one named group of one attribute against its reference.
 * </ul>
 *
 * @param kind the kind of scope
 * @param attributes named attributes (empty for "all of this kind"); exactly one for {@code GROUP}
 * @param group the group for {@code GROUP}, otherwise null
 */
public record Scope(Kind kind, List<String> attributes, String group) {

  /** The kinds of scope. */
  public enum Kind {
    OVERALL,
    ATTRIBUTES,
    INTERSECTIONS,
    ALL,
    GROUP
  }

  /** Copies the list. */
  public Scope {
    attributes = List.copyOf(attributes);
  }

  /** A scope of the given kind covering everything of that kind. */
  public static Scope of(Kind kind) {
    return new Scope(kind, List.of(), null);
  }

  /** True when {@code attribute} (e.g. {@code sex} or {@code sex*race}) is in this scope. */
  public boolean covers(String attribute) {
    boolean intersection = attribute.contains("*");
    return switch (kind) {
      case OVERALL -> false;
      case ATTRIBUTES -> attributes.isEmpty() ? !intersection : attributes.contains(attribute);
      case INTERSECTIONS -> intersection;
      case ALL -> true;
      case GROUP -> attributes.get(0).equals(attribute);
    };
  }

  /** Human words: "overall", "every protected attribute", "sex=female vs reference", ... */
  public String describe() {
    return switch (kind) {
      case OVERALL -> "overall";
      case ATTRIBUTES ->
          attributes.isEmpty() ? "every protected attribute" : String.join(", ", attributes);
      case INTERSECTIONS -> "every intersection of protected attributes";
      case ALL -> "every protected attribute and intersection";
      case GROUP -> attributes.get(0) + "=" + group + " vs its reference";
    };
  }
}
