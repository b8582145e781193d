package org.fairkd.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.DatasetSpec;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.load.SpecReader;
import org.fairkd.datasets.synth.ProxyInputs;
import org.fairkd.datasets.synth.SyntheticLending;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fairkd data synth}: writes synthetic lending applicants as CSV plus a spec YAML beside it
 * ({@code FILE.csv} gets {@code FILE.yaml}) that {@code --spec} can load.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = "Write synthetic lending data (CSV) and its dataset spec (YAML beside it).")
public final class DataSynthCommand implements Callable<Integer> {
  /** Smallest accepted --rows: every protected group must occur for the spec to load. */
  static final int MIN_ROWS = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Rows (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      required = true,
      description = "CSV file to write.")
  Path out;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @Option(
      names = "--race-effect",
      paramLabel = "X",
      defaultValue = "2.0",
      description = "Logit penalty for the disfavoured race group (default ${DEFAULT-VALUE}).")
  double raceEffect;

  @Option(
      names = "--disfavoured-race",
      paramLabel = "GROUP",
      defaultValue = "black",
      description = "Penalised race group (default ${DEFAULT-VALUE}).")
  String disfavouredRace;

  @Option(
      names = "--sex-effect",
      paramLabel = "X",
      defaultValue = "0.6",
      description = "Logit penalty for women (default ${DEFAULT-VALUE}).")
  double sexEffect;

  @Option(
      names = "--age-effect",
      paramLabel = "X",
      defaultValue = "0.0",
      description = "Logit penalty for under_25 (default ${DEFAULT-VALUE}).")
  double ageEffect;

  @Option(
      names = "--proxy-strength",
      paramLabel = "X",
      defaultValue = "3.0",
      description =
          "region_score shift for the disfavoured race group, in SDs (default ${DEFAULT-VALUE}).")
  double proxyStrength;

  @Option(
      names = "--proxy-inputs",
      description =
          "Add a surname and a ZIP code (ZCTA) per applicant, drawn from the BISG tables given"
              + " the applicant's race, for `fairkd proxy bisg`.")
  boolean proxyInputs;

  @Override
  public Integer call() throws Exception {
    OptionRanges.atLeast("--rows", rows, MIN_ROWS);
    OptionRanges.seed(seed);
    OptionRanges.finite("--race-effect", raceEffect);
    OptionRanges.finite("--sex-effect", sexEffect);
    OptionRanges.finite("--age-effect", ageEffect);
    OptionRanges.finite("--proxy-strength", proxyStrength);
    String fileName = out.getFileName().toString();
    if (!fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      throw new DatasetException("--out must name a .csv file, got " + out);
    }
    Path specFile = out.resolveSibling(fileName.substring(0, fileName.length() - 4) + ".yaml");
    for (Path p : new Path[] {out, specFile}) {
      if (Files.exists(p) && !force) {
        throw new DatasetException(p + " exists (use --force to overwrite)");
      }
    }
    SyntheticLending.Config cfg =
        new SyntheticLending.Config(
            raceEffect, disfavouredRace, sexEffect, ageEffect, proxyStrength);
    TabularDataset d = SyntheticLending.generate(rows, seed, cfg);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * 120);
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      SyntheticLending.writeCsv(d, w);
    }
    DatasetSpec dataSpec = SyntheticLending.spec(fileName);
    if (proxyInputs) {
      ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
      String[] races = new String[d.rowCount()];
      for (int row = 0; row < races.length; row++) {
        races[row] = race.groups().get(race.hardGroup(row));
      }
      String[][] drawn = ProxyInputs.bundled().draw(races, seed);
      String csv = bytes.toString(StandardCharsets.UTF_8);
      bytes.reset();
      bytes.write(ProxyInputs.withColumns(csv, drawn).getBytes(StandardCharsets.UTF_8));
      dataSpec = ProxyInputs.withColumns(dataSpec);
    }
    AtomicFiles.write(out, bytes.toByteArray());
    String header =
        String.format(
            java.util.Locale.ROOT,
            "# fairkd data synth --rows %d --seed %d --race-effect %s --disfavoured-race %s"
                + " --sex-effect %s --age-effect %s --proxy-strength %s%s%n",
            rows,
            seed,
            raceEffect,
            disfavouredRace,
            sexEffect,
            ageEffect,
            proxyStrength,
            proxyInputs ? " --proxy-inputs" : "");
    AtomicFiles.writeString(specFile, header + SpecReader.write(dataSpec));
    spec.commandLine()
        .getOut()
        .printf("wrote %d rows to %s and the spec %s%n", rows, out, specFile);
    spec.commandLine().getOut().flush();
    return ExitCodes.PASS;
  }
}
