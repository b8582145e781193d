package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.bench.SyntheticPredictions;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.policies.Policies;
import org.fairkd.policies.model.Policy;
import org.fairkd.report.HtmlReport;
import org.fairkd.report.JunitXml;
import org.fairkd.report.MetricDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd bench audit}: the full audit (teacher and student metrics with bootstrap intervals,
 * paired comparison, calibration, policy, HTML and JUnit rendering) on synthetic predictions with
 * two protected attributes, after warm-up; prints the median and range of the repeats. {@code --csv
 * FILE} also writes the predictions, to time {@code fairkd audit} end to end.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Time the full audit on N synthetic rows (two protected attributes).")
public final class BenchAuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows, at least 100 (default: 1,000,000).")
  int rows;

  @Option(
      names = "--repeats",
      defaultValue = "5",
      description = "Timed repeats, 1..1000 (default: 5).")
  int repeats;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Untimed runs first, 0..100 (default: 1).")
  int warmup;

  @Option(names = "--bootstrap", defaultValue = "1000", description = "Replicates (default: 1000).")
  int bootstrap;

  @Option(names = "--policy", defaultValue = "lending-standard", description = "Policy.")
  String policy;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: 42).")
  long seed;

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as a CSV.")
  Path csv;

  @Override
  public Integer call() {
    OptionRanges.atLeast("--rows", rows, 100);
    OptionRanges.between("--repeats", repeats, 1, 1000);
    OptionRanges.between("--warmup", warmup, 0, 100);
    OptionRanges.bootstrap(bootstrap);
    OptionRanges.seed(seed);
    PrintWriter out = spec.commandLine().getOut();
    Policy p = Policies.resolve(policy);
    AuditPipeline.Scored data = SyntheticPredictions.generate(rows, seed);
    if (csv != null) {
      SyntheticPredictions.writeCsv(data, csv);
      out.printf("wrote %s (%,d rows)%n", csv, rows);
    }
    AuditPipeline.Settings st =
        new AuditPipeline.Settings(
            0.5, bootstrap, 0.95, 30, seed, org.fairkd.fairness.Correction.HOLM);
    double[][] wall = new double[3][repeats];
    double[][] cpu = new double[3][repeats];
    long htmlBytes = 0;
    for (int i = -warmup; i < repeats; i++) {
      long[] t = {System.nanoTime(), cpuNanos()};
      AuditPipeline.analyze(data, st);
      long[] t1 = {System.nanoTime(), cpuNanos()};
      AuditResult audit = AuditPipeline.audit(data, st, null, p);
      long[] t2 = {System.nanoTime(), cpuNanos()};
      String html = HtmlReport.render(audit, MetricDocs.fromCatalog());
      JunitXml.render(audit.policy(), null, false);
      long[] t3 = {System.nanoTime(), cpuNanos()};
      htmlBytes = html.length();
      if (i >= 0) {
        long[][] marks = {t, t1, t2, t3};
        for (int k = 0; k < 3; k++) {
          wall[k][i] = (marks[k + 1][0] - marks[k][0]) / 1e9;
          cpu[k][i] = (marks[k + 1][1] - marks[k][1]) / 1e9;
        }
      }
    }
    out.printf(
        "bench audit: %,d rows, 2 protected attributes (+ intersection), %d bootstrap replicates,"
            + " %d warm-up, %d repeats%n",
        rows, bootstrap, warmup, repeats);
    line(out, "fairness analysis + comparison", wall[0], cpu[0], rows);
    line(out, "full audit (+ calibration, policy)", wall[1], cpu[1], rows);
    line(out, "report.html + junit.xml", wall[2], cpu[2], rows);
    out.printf("report.html size: %,d chars%n", htmlBytes);
    out.flush();
    return ExitCodes.PASS;
  }

  private static void line(PrintWriter out, String what, double[] secs, double[] cpu, int rows) {
    double[] s = secs.clone();
    Arrays.sort(s);
    out.printf(
        "  %-36s median %.3f s wall (min %.3f, max %.3f), %.3f s CPU  %,.0f rows/s%n",
        what, median(secs), s[0], s[s.length - 1], median(cpu), rows / median(secs));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** CPU time of the whole process (all threads), or 0 when the JVM does not report it. */
  private static long cpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
