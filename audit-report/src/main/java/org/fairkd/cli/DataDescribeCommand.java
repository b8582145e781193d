package org.fairkd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.describe.DatasetSummary;
import org.fairkd.datasets.describe.SummaryText;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fairkd data describe}: rows, columns with types and missing values, label balance, counts
 * and favourable rates per protected group and per intersection of two attributes.
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Describe a built-in dataset or one given by a spec file.")
public final class DataDescribeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where the dataset comes from: exactly one of the two. */
  static final class Source {
    @Option(
        names = "--dataset",
        paramLabel = "NAME",
        description =
            "Built-in dataset: synthetic-lending, german-credit, adult, compas,"
                + " bank-marketing.")
    String dataset;

    @Option(names = "--spec", paramLabel = "FILE", description = "Dataset spec (YAML).")
    Path specFile;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Folder of the built-in datasets' files (else $FAIRKD_DATA_DIR, else ../shared/datasets).")
  Path dataDir;

  @Option(names = "--json", description = "Print a JSON object instead of tables.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TabularDataset d =
        source.specFile != null
            ? Datasets.loadSpec(source.specFile)
            : Datasets.load(source.dataset, dataDir);
    DatasetSummary s = DatasetSummary.of(d);
    String text =
        json
            ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s)
                + "\n"
            : SummaryText.render(s);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.PASS;
  }
}
