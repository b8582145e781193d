package org.fairkd.kd;

/**
 * A user error in distillation: an invalid configuration value, an unknown trainer or penalty, a
 * missing column. The message names the file and key (e.g. {@code config.yaml: key
 * 'student.temperature': must be > 0, got -1}) and is shown to the user as one line.
 */
public class DistillationException extends RuntimeException {
  public DistillationException(String message) {
    super(message);
  }

  public DistillationException(String message, Throwable cause) {
    super(message, cause);
  }
}
