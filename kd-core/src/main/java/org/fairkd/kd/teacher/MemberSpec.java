package org.fairkd.kd.teacher;

import java.util.Map;

/**
 * One ensemble member: a unique name, its trainer type and all its hyper-parameters (defaults
 * filled in).
 */
public record MemberSpec(String name, MemberType type, Map<String, Double> params) {

  /** Copies {@code params} into an unmodifiable, ordered map with the type's defaults filled in. */
  public MemberSpec {
    params = java.util.Collections.unmodifiableMap(type.withDefaults(params));
  }

  /** Writes every hyper-parameter into {@code o}, integers as integers, in documentation order. */
  public void putParams(com.fasterxml.jackson.databind.node.ObjectNode o) {
    for (ParamDef p : type.params()) {
      double v = params.get(p.key());
      if (p.integer()) {
        o.put(p.key(), Math.round(v));
      } else {
        o.put(p.key(), v);
      }
    }
  }

  /** A member with the type's default hyper-parameters. */
  public static MemberSpec of(String name, MemberType type) {
    return new MemberSpec(name, type, Map.of());
  }
}
