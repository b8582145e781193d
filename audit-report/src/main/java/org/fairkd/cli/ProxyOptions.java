package org.fairkd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.ProxyBiases;
import org.fairkd.audit.RunInfo;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.ProxyRecord;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.proxy.Evidence;
import org.fairkd.datasets.proxy.EvidenceCounts;
import org.fairkd.datasets.proxy.ProxyCsv;
import org.fairkd.datasets.proxy.ProxyProvenance;
import picocli.CommandLine.Option;

/**
 * The race/ethnicity proxy options of {@code run}, {@code audit} and {@code demo}: which soft
 * attribute came from {@code fairkd proxy bisg} (by default the one on its {@code p_white …
 * p_multi} columns, when the input has its evidence column), and which hard attribute, if any,
 * holds the true race/ethnicity to set beside it. The audit then records the proxy ({@link
 * ProxyRecord}): the evidence of every audited row, the run's {@code FILE.bisg.json} found beside
 * the input (also hashed into provenance), and the side-by-side disparities.
 */
public final class ProxyOptions {
  @Option(
      names = "--proxy",
      paramLabel = "ATTR",
      description = {
        "Soft attribute built by `fairkd proxy bisg` (default: the soft attribute on its",
        "p_white ... p_multi columns, when the input has the evidence column)."
      })
  String attribute;

  @Option(
      names = "--proxy-truth",
      paramLabel = "ATTR",
      description = {
        "Hard attribute with the true race/ethnicity: each race disparity is reported under",
        "both, side by side, with the proxy's bias (groups matched by name)."
      })
  String truth;

  @Option(
      names = "--proxy-evidence",
      paramLabel = "COL",
      defaultValue = ProxyCsv.EVIDENCE_COLUMN,
      description = "The proxy's evidence column (default: ${DEFAULT-VALUE}).")
  String evidenceColumn;

  /**
   * The soft attribute that holds the proxy, or null when the audit has none.
   *
   * @param soft each soft attribute's probability columns
   * @param columns the input's columns
   * @param file the input's name, for messages
   */
  String resolve(Map<String, List<String>> soft, List<String> columns, String file) {
    boolean hasEvidence = columns.contains(evidenceColumn);
    if (truth != null && soft.containsKey(truth)) {
      throw new AuditException(
          "--proxy-truth '" + truth + "': a soft attribute; the truth is a column of groups");
    }
    if (attribute != null) {
      if (!soft.containsKey(attribute)) {
        throw new AuditException(
            "--proxy '"
                + attribute
                + "': no soft attribute of that name (soft attributes: "
                + (soft.isEmpty() ? "none" : String.join(", ", soft.keySet()))
                + ")");
      }
      if (!hasEvidence) {
        throw new AuditException(
            "--proxy "
                + attribute
                + ": "
                + file
                + " has no column '"
                + evidenceColumn
                + "' (the evidence column of fairkd proxy bisg; name another with"
                + " --proxy-evidence)");
      }
      return attribute;
    }
    List<String> onProxyColumns = new ArrayList<>();
    if (hasEvidence) {
      soft.forEach(
          (name, cols) -> {
            if (ProxyCsv.probabilityColumns().containsAll(cols)) {
              onProxyColumns.add(name);
            }
          });
    }
    if (onProxyColumns.size() > 1) {
      throw new AuditException(
          "soft attributes "
              + String.join(", ", onProxyColumns)
              + " all use the proxy's columns: name the proxy with --proxy ATTR");
    }
    if (onProxyColumns.isEmpty() && truth != null) {
      throw new AuditException(
          "--proxy-truth "
              + truth
              + ": no proxy in "
              + file
              + " (a soft attribute on p_white ... p_multi and the column '"
              + evidenceColumn
              + "'; name it with --proxy ATTR)");
    }
    return onProxyColumns.isEmpty() ? null : onProxyColumns.get(0);
  }

  /**
   * {@code audit} with its proxy recorded; {@code audit} itself when {@code proxy} is null.
   *
   * @param proxy the attribute from {@link #resolve}
   * @param evidence the evidence column's value on the i-th audited row
   * @param rows the number of audited rows
   * @param where names the i-th audited row in messages, e.g. {@code preds.csv:12}
   * @param input the file the proxy columns were read from ({@code FILE.bisg.json} is looked for
   *     beside it), or null
   * @param inputs the run's inputs; the provenance file is added when found
   */
  AuditResult record(
      AuditResult audit,
      String proxy,
      IntFunction<String> evidence,
      int rows,
      IntFunction<String> where,
      Path input,
      List<RunInfo.Input> inputs) {
    if (proxy == null) {
      return audit;
    }
    Evidence[] e = new Evidence[rows];
    for (int i = 0; i < rows; i++) {
      String label = evidence.apply(i);
      try {
        e[i] = Evidence.ofLabel(label == null ? "" : label);
      } catch (IllegalArgumentException bad) {
        throw new AuditException(
            where.apply(i) + ": column '" + evidenceColumn + "': " + bad.getMessage());
      }
    }
    return record(audit, proxy, EvidenceCounts.of(e), input, inputs);
  }

  /**
   * The evidence of the audited rows from their counts per value of the evidence column (a table
   * engine's), each value checked.
   *
   * @param byValue rows per value ("" for a missing value)
   * @param file the input's name, for messages
   */
  EvidenceCounts counts(Map<String, Long> byValue, String file) {
    Map<Evidence, Long> n = new EnumMap<>(Evidence.class);
    byValue.forEach(
        (label, rows) -> {
          try {
            n.merge(Evidence.ofLabel(label), rows, Long::sum);
          } catch (IllegalArgumentException bad) {
            throw new AuditException(
                file
                    + ": column '"
                    + evidenceColumn
                    + "': "
                    + bad.getMessage()
                    + " ("
                    + rows
                    + " audited rows)");
          }
        });
    return EvidenceCounts.of(n);
  }

  /**
   * {@code audit} with its proxy recorded from the audited rows' evidence {@code counts}; {@code
   * audit} itself when {@code proxy} is null. The other parameters are {@link #record(AuditResult,
   * String, IntFunction, int, IntFunction, Path, List)}'s.
   */
  AuditResult record(
      AuditResult audit,
      String proxy,
      EvidenceCounts counts,
      Path input,
      List<RunInfo.Input> inputs) {
    if (proxy == null) {
      return audit;
    }
    Path provFile = input == null ? null : ProxyProvenance.beside(input);
    ProxyProvenance prov = null;
    if (provFile != null && Files.isRegularFile(provFile)) {
      prov = ProxyProvenance.read(provFile);
      inputs.add(new RunInfo.Input("proxy-provenance", provFile));
    } else {
      provFile = null;
    }
    String reference = null;
    if (truth != null) {
      reference = reference(audit, truth, proxy);
    }
    return audit.withProxy(
        new ProxyRecord(
            proxy,
            evidenceColumn,
            counts,
            provFile == null ? null : provFile.toString(),
            prov,
            truth,
            reference,
            truth == null ? List.of() : ProxyBiases.of(audit, truth, proxy)));
  }

  /** {@link #resolve} for a dataset: its spec's soft attributes and its columns. */
  String resolve(TabularDataset data) {
    Map<String, List<String>> soft = new LinkedHashMap<>();
    for (DatasetSpec.Protected p : data.spec().protectedAttributes()) {
      if (p.soft() != null) {
        soft.put(p.name(), List.copyOf(p.soft().values()));
      }
    }
    List<String> columns = data.columns().stream().map(FeatureColumn::name).toList();
    return resolve(soft, columns, data.name());
  }

  /** {@link #record} for the rows {@code rows} of a dataset (read from its first source file). */
  AuditResult record(
      AuditResult audit, TabularDataset data, int[] rows, List<RunInfo.Input> inputs) {
    String proxy = resolve(data);
    if (proxy == null) {
      return audit;
    }
    if (!(data.column(evidenceColumn).orElseThrow() instanceof CategoricalColumn evidence)) {
      throw new AuditException(
          data.name()
              + ": column '"
              + evidenceColumn
              + "' holds numbers, not the proxy's evidence");
    }
    Path input = data.sourceFiles().isEmpty() ? null : data.sourceFiles().get(0);
    return record(
        audit,
        proxy,
        i -> evidence.values()[rows[i]],
        rows.length,
        i -> data.name() + " row " + data.rowId(rows[i]),
        input,
        inputs);
  }

  /** The reference group both attributes share; an error unless the truth is audited. */
  private static String reference(AuditResult audit, String truth, String proxy) {
    Map<String, String> refs = audit.config().references();
    if (truth.equals(proxy) || !refs.containsKey(truth)) {
      throw new AuditException(
          "--proxy-truth '"
              + truth
              + "': not an audited attribute besides the proxy (attributes: "
              + String.join(", ", refs.keySet())
              + ")");
    }
    String ref = refs.get(truth);
    if (!ref.equals(refs.get(proxy))) {
      throw new AuditException(
          "--proxy-truth "
              + truth
              + ": its reference group '"
              + ref
              + "' is not the proxy's ('"
              + refs.get(proxy)
              + "'); give both the same reference");
    }
    return ref;
  }
}
