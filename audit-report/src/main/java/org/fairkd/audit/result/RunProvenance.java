package org.fairkd.audit.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an audit was made, for a validator to reproduce it (audit.json's {@code provenance}).
 *
 * @param tool {@code fairkd}
 * @param toolVersion the tool's version
 * @param gitCommit the commit the tool was built from, or null when not run from a checkout
 * @param seed the random seed
 * @param command the command line
 * @param startedAt when the command started
 * @param finishedAt when the audit files were assembled
 * @param java the Java version
 * @param os operating system name and architecture
 * @param inputs every input file with its SHA-256
 * @param policyName the policy as given ({@code --policy})
 * @param policySha256 SHA-256 of the policy file, or of the resolved YAML of a bundled pack
 * @param config the configuration echo (distillation config and audit settings), or null
 * @param tribuo the teacher members' Tribuo provenance, or null
 * @param libraries the versions of the libraries that trained, scored and measured (name → version,
 *     e.g. {@code tribuo → 4.3.2}); empty in audits written before they were recorded
 */
public record RunProvenance(
    String tool,
    String toolVersion,
    String gitCommit,
    long seed,
    String command,
    Instant startedAt,
    Instant finishedAt,
    String java,
    String os,
    List<HashedInput> inputs,
    String policyName,
    String policySha256,
    JsonNode config,
    JsonNode tribuo,
    Map<String, String> libraries) {

  /** Copies the list and map. */
  public RunProvenance {
    inputs = List.copyOf(inputs);
    libraries = Collections.unmodifiableMap(new LinkedHashMap<>(libraries));
  }

  /**
   * One input file.
   *
   * @param role what it is ({@code predictions}, {@code data}, {@code spec}, ...)
   * @param path where it was read
   * @param sha256 hex SHA-256 of its bytes
   */
  public record HashedInput(String role, String path, String sha256) {}
}
