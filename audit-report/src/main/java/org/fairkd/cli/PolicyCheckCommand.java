package org.fairkd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fairkd.policies.Policies;
import org.fairkd.policies.PolicyException;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd policy check FILE...}: validates policy files (and their includes). Prints one line
 * per valid file on stdout (and a note for each rule without rationale or source), and one {@code
 * fairkd: error: file:line: key '...': ...} line per problem on stderr; exit 0 when every file is
 * valid, 2 otherwise.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate policy files: every problem is reported with file, line and key.",
      "Exit 0 when all are valid, 2 otherwise."
    })
public final class PolicyCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Policy files (or bundled policy names).")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int code = ExitCodes.PASS;
    for (String f : files) {
      try {
        Policy p = Policies.resolve(f);
        out.printf(
            "%s: valid: policy '%s' version %s, %d rule%s%s%n",
            f,
            p.id(),
            p.version(),
            p.rules().size(),
            p.rules().size() == 1 ? "" : "s",
            p.includes().isEmpty()
                ? ""
                : " after includes (" + String.join(", ", p.includes()) + ")");
        for (Rule r : p.rules()) {
          if (r.source().isEmpty() || r.rationale().isEmpty()) {
            String missing =
                r.source().isEmpty() && r.rationale().isEmpty()
                    ? "rationale or source"
                    : r.source().isEmpty() ? "source" : "rationale";
            out.printf(
                "%s: note: rule '%s' has no %s (reviewers expect each rule to say why and to cite"
                    + " its standard)%n",
                f, r.id(), missing);
          }
        }
      } catch (PolicyException e) {
        for (String problem : e.problems()) {
          err.println("fairkd: error: " + ErrorHandler.oneLine(new PolicyException(problem)));
        }
        code = ExitCodes.ERROR;
      }
    }
    out.flush();
    err.flush();
    return code;
  }
}
