package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a command knows about its run, from which the audit's provenance is made ({@link
 * Provenance#of}).
 *
 * @param command the command line
 * @param seed the random seed
 * @param startedAt when the command started
 * @param inputs the input files (hashed when the provenance is made)
 * @param policyName the policy as given
 * @param policySha256 SHA-256 of the policy
 * @param config the configuration echo, or null
 * @param teacherProvenance the teacher members' Tribuo provenance, or null
 */
public record RunInfo(
    String command,
    long seed,
    Instant startedAt,
    List<Input> inputs,
    String policyName,
    String policySha256,
    JsonNode config,
    JsonNode teacherProvenance) {

  /** Copies the list. */
  public RunInfo {
    inputs = List.copyOf(inputs);
  }

  /**
   * One input file of the audit: what it is (role), where it is, and the path recorded for it (the
   * path as given, or for a file the run wrote itself, e.g. the student model, its path inside the
   * output directory, so that the record does not depend on where the output went).
   */
  public record Input(String role, Path path, String recorded) {
    /** An input recorded as given. */
    public Input(String role, Path path) {
      this(role, path, path.toString());
    }
  }
}
