package org.fairkd.report.regulatory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A framework an audit was mapped to, as audit.json's {@code frameworks} records it.
 *
 * @param id framework id
 * @param version the framework file's version
 * @param asOf the date of its facts
 */
public record FrameworkRef(String id, String version, LocalDate asOf) {

  /** Checks the fields. */
  public FrameworkRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(asOf, "asOf");
  }
}
