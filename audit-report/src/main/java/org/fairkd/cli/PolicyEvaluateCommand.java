package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairkd.audit.Gate;
import org.fairkd.audit.facts.AuditFacts;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
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
  public Integer call() {
    Policy p = Policies.resolve(policy);
    PolicyResult result = Policies.evaluate(p, new AuditFacts(AuditJsonReader.read(audit)));
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
    PolicyRecord record = PolicyRecord.of(result);
    if (out != null) {
      AtomicFiles.writeString(out, AuditJsonWriter.writePolicy(record));
    }
    return Gate.exitCode(record, false);
  }
}
