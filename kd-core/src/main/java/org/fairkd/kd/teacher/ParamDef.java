package org.fairkd.kd.teacher;

/**
 * One hyper-parameter of a member type: its YAML key, default, inclusive range and whether it must
 * be an integer.
 */
public record ParamDef(String key, double defaultValue, double min, double max, boolean integer) {

  /** An integer parameter in {@code [min, max]}. */
  static ParamDef ofInt(String key, int defaultValue, int min, int max) {
    return new ParamDef(key, defaultValue, min, max, true);
  }

  /** A real parameter in {@code [min, max]}. */
  static ParamDef ofReal(String key, double defaultValue, double min, double max) {
    return new ParamDef(key, defaultValue, min, max, false);
  }

  /** Describes the allowed values, e.g. {@code an integer in [1, 5000]}. */
  String describe() {
    String lo = integer ? String.valueOf((long) min) : String.valueOf(min);
    String hi = integer ? String.valueOf((long) max) : String.valueOf(max);
    return (integer ? "an integer" : "a number") + " in [" + lo + ", " + hi + "]";
  }
}
