package org.fairkd.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairkd.policies.Policies;
import org.fairkd.policies.PolicyException;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.PolicyResultJson;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd policy evaluate --policy P AUDIT.json}: re-judges an existing audit result against
 * a (possibly different) policy without recomputing any metric. Prints one line per rule and slice
 * and the verdict; exit 0 for PASS or WARN, 1 for FAIL, 2 for bad input.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a policy against an existing audit.json (its metrics are not recomputed).",
      "Exit 0 PASS or WARN, 1 FAIL (an error of a fail-severity rule fails), 2 bad input."
    })
public final class PolicyEvaluateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "NAME|FILE",
      description = "A bundled policy name or a policy file.")
  String policy;

  @Option(
      names = "--out",
      paramLabel = "FILE.json",
      description = "Also write {verdict, policy, rules} as JSON.")
  Path out;

  @Parameters(paramLabel = "AUDIT.json", description = "An audit result (schema fairkd.audit/1).")
  Path audit;

  @Override
  public Integer call() throws JsonProcessingException {
    Policy p = Policies.resolve(policy);
    PolicyResult result = Policies.evaluate(p, read(audit));
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "policy %s %s: %s (%d checks: %d pass, %d warn, %d fail, %d error)%n",
        p.id(),
        p.version(),
        result.verdict(),
        result.outcomes().size(),
        result.count(Status.PASS),
        result.count(Status.WARN),
        result.count(Status.FAIL),
        result.count(Status.ERROR));
    for (RuleOutcome r : result.outcomes()) {
      o.printf(
          "%-5s %-24s %s%n", r.status().jsonName().toUpperCase(), r.rule().id(), r.explanation());
    }
    o.flush();
    if (out != null) {
      AtomicOutput.writeString(
          out,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PolicyResultJson.toJson(result))
              + "\n");
    }
    return result.verdict() == Verdict.FAIL ? ExitCodes.GATE_FAILED : ExitCodes.PASS;
  }

  private static JsonNode read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new PolicyException(file + ": no such file");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new PolicyException(file + ":" + line + ": invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyException(file + ": cannot read: " + e.getMessage());
    }
    String schema = root == null ? "" : root.path("schema").asText("");
    if (root == null || !root.isObject() || !schema.startsWith("fairkd.audit/")) {
      throw new PolicyException(
          file
              + ": not an audit result (schema '"
              + schema
              + "', expected 'fairkd.audit/1'; run 'fairkd audit' or 'fairkd run' first)");
    }
    return root;
  }
}
