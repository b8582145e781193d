package org.fairkd.cli;

import java.nio.file.Path;
import java.util.Iterator;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.describe.DatasetSummary;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The dataset options of {@code run}, {@code distill}, {@code data describe}, {@code audit} and
 * {@code bench scoring}: a built-in dataset ({@code --dataset}, its files under {@code --data-dir})
 * or a spec file ({@code --spec}), at most one of the two. Whether one is required is the command's
 * choice: {@link #load()} demands one, {@link #given()} asks. (Plain options rather than an
 * exclusive {@code @ArgGroup}: picocli 4.7.6 lists a mixin's group options twice in the help.)
 */
public final class DatasetOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      completionCandidates = BuiltIn.class,
      description =
          "Built-in dataset: ${COMPLETION-CANDIDATES}. For data of your own, use --spec"
              + " instead.")
  String dataset;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Dataset spec file (YAML: data file, label, protected attributes).")
  Path spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Folder of the built-in datasets' files (default: $"
              + Datasets.DATA_DIR_ENV
              + ", else ../shared/datasets).")
  Path dataDir;

  /** Whether {@code --dataset} or {@code --spec} was given (a usage error when both were). */
  boolean given() {
    if (dataset != null && spec != null) {
      throw new ParameterException(
          command.commandLine(), "--dataset and --spec are mutually exclusive (specify only one)");
    }
    return dataset != null || spec != null;
  }

  /** The dataset named by {@code --dataset} or {@code --spec}; a usage error when neither was. */
  TabularDataset load() {
    if (!given()) {
      throw new ParameterException(
          command.commandLine(),
          "Missing required argument (specify one of these): --dataset NAME | --spec FILE");
    }
    return noted(spec != null ? Datasets.loadSpec(spec) : Datasets.load(dataset, dataDir));
  }

  /** {@code d}, after one stderr line per column the loader had to name (empty header field). */
  private TabularDataset noted(TabularDataset d) {
    for (String note : DatasetSummary.unnamedColumnNotes(d)) {
      command.commandLine().getErr().println("fairkd: note: " + note);
    }
    command.commandLine().getErr().flush();
    return d;
  }

  /** The built-in dataset {@code name}, read from {@code --data-dir}. */
  TabularDataset loadBuiltIn(String name) {
    return noted(Datasets.load(name, dataDir));
  }

  /** The {@code --spec} file, or null. */
  Path specFile() {
    return spec;
  }

  /** The built-in names, for the help text. */
  static final class BuiltIn implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Datasets.builtInNames().iterator();
    }
  }
}
