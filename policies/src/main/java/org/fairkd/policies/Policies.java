package org.fairkd.policies;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.policies.eval.PolicyEvaluator;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.facts.FactSource;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.yaml.PolicyLoader;
import org.fairkd.policies.yaml.PolicyWriter;

/**
 * The entry points of the policies module: resolve a policy by bundled name or file, list the
 * bundled packs, write a resolved policy as YAML, and evaluate it against the figures of a {@link
 * FactSource}.
 */
public final class Policies {
  private Policies() {}

  /** A bundled policy pack: its name (as given to {@code include} or the CLI) and title. */
  public record Bundled(String name, String title, String version, int rules) {}

  /**
   * Resolves a policy: an existing file, or the name of a bundled pack ({@code four-fifths}, {@code
   * distillation-non-regression}, {@code lending-standard}), with includes and overrides applied
   * and every rule validated.
   *
   * @throws PolicyException listing every problem, each naming file, line and key
   */
  public static Policy resolve(String nameOrFile) {
    return PolicyLoader.load(nameOrFile);
  }

  /** The bundled packs, in listing order. */
  public static List<Bundled> bundled() {
    List<Bundled> out = new ArrayList<>();
    for (String name : PolicyLoader.BUNDLED) {
      Policy p = PolicyLoader.load(name);
      out.add(new Bundled(name, p.title(), p.version(), p.rules().size()));
    }
    return out;
  }

  /** The resolved policy as standalone YAML (includes and overrides applied, defaults explicit). */
  public static String toYaml(Policy policy) {
    return PolicyWriter.toYaml(policy);
  }

  /** Evaluates {@code policy} against the figures of {@code source} (e.g. an audit result). */
  public static PolicyResult evaluate(Policy policy, FactSource source) {
    return PolicyEvaluator.evaluate(policy, source);
  }
}
