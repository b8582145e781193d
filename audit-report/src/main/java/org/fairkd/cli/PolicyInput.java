package org.fairkd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.base.files.Sha256;
import org.fairkd.policies.Policies;
import org.fairkd.policies.model.Policy;

/**
 * A resolved {@code --policy}: the policy, the name as given, and the SHA-256 that provenance
 * records (of the file, or of the resolved YAML for a bundled pack).
 */
record PolicyInput(Policy policy, String name, String sha256) {

  /** Resolves {@code nameOrFile}; an unknown name or invalid file is a one-line error. */
  static PolicyInput resolve(String nameOrFile) {
    Policy p = Policies.resolve(nameOrFile);
    Path f = Path.of(nameOrFile);
    String sha = Files.isRegularFile(f) ? Sha256.of(f) : Sha256.ofText(Policies.toYaml(p));
    return new PolicyInput(p, nameOrFile, sha);
  }
}
