package org.fairkd.audit.result;

/**
 * The role of an audited model, which is also its key under {@code models} in audit.json: {@code
 * teacher}, {@code student}, and room for more (other candidate students, compressed students).
 *
 * @param key the audit.json key, e.g. {@code teacher}
 */
public record ModelRole(String key) {
  /** The model being distilled (the primary model of the paired comparison). */
  public static final ModelRole TEACHER = new ModelRole("teacher");

  /** The distilled model to be released (the compared model). */
  public static final ModelRole STUDENT = new ModelRole("student");

  /** Checks the key is a non-empty name. */
  public ModelRole {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a model role needs a key");
    }
  }
}
