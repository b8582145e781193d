package org.fairkd.kd.teacher;

import java.util.Map;

/**
 * One ensemble member: a unique name, its trainer type and all its hyper-parameters (defaults
 * filled in), or for an imported model ({@code onnx}, {@code xgboost_model}) its file and input
 * mapping.
 *
 * @param name unique member name
 * @param type the member type
 * @param params hyper-parameters (empty for an imported member)
 * @param imported the file and input mapping of an imported member, else null
 */
public record MemberSpec(
    String name, MemberType type, Map<String, Double> params, ImportSpec imported) {

  /** Copies {@code params} into an unmodifiable, ordered map with the type's defaults filled in. */
  public MemberSpec {
    params = java.util.Collections.unmodifiableMap(type.withDefaults(params));
    if (type.isImported() != (imported != null)) {
      throw new IllegalArgumentException("an imported member needs its mapping, others none");
    }
  }

  /** A trained member. */
  public MemberSpec(String name, MemberType type, Map<String, Double> params) {
    this(name, type, params, null);
  }

  /** Writes every hyper-parameter into {@code o}, integers as integers, in documentation order. */
  public void putParams(com.fasterxml.jackson.databind.node.ObjectNode o) {
    if (imported != null) {
      imported.putJson(o);
    }
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
