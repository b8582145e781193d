package org.fairkd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.concurrent.Callable;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.describe.DatasetSummary;
import org.fairkd.datasets.describe.SummaryText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin DatasetOptions dataset;

  @Option(names = "--json", description = "Print a JSON object instead of tables.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TabularDataset d = dataset.load();
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
