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

  /** A member with the type's default hyper-parameters. */
  public static MemberSpec of(String name, MemberType type) {
    return new MemberSpec(name, type, Map.of());
  }
}
