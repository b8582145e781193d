package org.fairkd.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.fairkd.audit.Attributes;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.json.FairnessJson;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.cells.TableEngine;

/**
 * {@code fairkd metrics --engine NAME}: the same {@code fairkd.metrics/1} JSON as {@link
 * MetricsCommand}'s, computed by a {@link TableEngine} (scores, hard groups, row weights).
 */
final class TableMetrics {
  private TableMetrics() {}

  static int run(MetricsCommand c, Correction corr) {
    if (c.prediction.decision != null) {
      throw new FairnessException(
          "--engine " + c.engine.engine + " needs --score (not --decision)");
    }
    TableEngine engine = c.engine.table();
    TableEngine.Result r =
        engine.analyze(
            new TableEngine.Request(
                c.input,
                c.engine.master,
                c.label,
                c.favorable,
                c.prediction.score,
                c.compareScore,
                c.groups,
                c.references,
                null,
                null,
                c.threshold == null ? 0.5 : c.threshold,
                c.bootstrap,
                c.ciLevel,
                c.minSliceSize,
                c.seed,
                corr,
                c.weights,
                java.util.List.of(),
                java.util.List.of()));
    String file = c.input.getFileName().toString();
    Attributes.requireTwoGroups(r.report().data(), file);
    DataAccount account =
        Attributes.account(file, r.rowsRead(), r.rowsRead(), "all rows", r.report().data());
    DataNotes.print(c.spec.commandLine().getErr(), account);
    note(c.spec.commandLine().getErr(), engine, r);
    ObjectNode tree = FairnessJson.toTree(r.report());
    tree.set("data", AuditJsonWriter.data(account));
    String json = FairnessJson.text(tree);
    if (c.out == null) {
      c.spec.commandLine().getOut().print(json);
      c.spec.commandLine().getOut().flush();
    } else {
      AtomicFiles.writeString(c.out, json);
    }
    return ExitCodes.PASS;
  }

  /** One line on stderr: the engine's AUC resolution and where the time went. */
  static void note(PrintWriter err, TableEngine engine, TableEngine.Result r) {
    double[] t = r.seconds();
    err.println(
        String.format(
            Locale.ROOT,
            "%s engine: %d rows; AUC %s; %.1f s reading and aggregating, %.1f s paired AUC pass,"
                + " %.1f s statistics",
            engine.name(),
            r.report().data().rows(),
            r.aucTieBound() == 0
                ? "exact (every histogram bin holds one distinct score)"
                : String.format(Locale.ROOT, "within %.2g of the exact value", r.aucTieBound()),
            t[0],
            t[1],
            t[2]));
    err.flush();
  }
}
