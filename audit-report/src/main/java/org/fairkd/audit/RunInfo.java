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

  /** One input file of the audit: what it is (role) and where it is. */
  public record Input(String role, Path path) {}
}
