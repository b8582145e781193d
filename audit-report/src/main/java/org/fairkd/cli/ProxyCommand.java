package org.fairkd.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.proxy.BisgProxy;
import org.fairkd.datasets.proxy.EvidenceMix;
import org.fairkd.datasets.proxy.GeoLevel;
import org.fairkd.datasets.proxy.ProxyCsv;
import org.fairkd.datasets.proxy.ProxyProvenance;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fairkd proxy}: estimate race and ethnicity by proxy (BISG) for audits without it. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = "Estimate race and ethnicity by proxy (BISG, the CFPB's method).",
    subcommands = {ProxyCommand.Bisg.class})
public final class ProxyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand (bisg)");
  }

  /**
   * {@code fairkd proxy bisg}: writes the input's rows with {@code p_white … p_multi} and {@code
   * bisg_evidence}, and {@code FILE.bisg.json} (method, tables, evidence mix) beside the output.
   */
  @Command(
      name = "bisg",
      mixinStandardHelpOptions = true,
      description = {
        "Bayesian Improved Surname Geocoding as the CFPB computes it (2014 method, 2010 Census"
            + " surname list and SF1 18+ geography, bundled with fairkd).",
        "Writes the input's rows with p_white, p_black, p_hispanic, p_api, p_aian, p_multi and"
            + " bisg_evidence (surname_and_geography, surname_only, geography_only, none), and"
            + " FILE.bisg.json with the method, tables and evidence mix."
      })
  static final class Bisg implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--input",
        paramLabel = "FILE.csv",
        required = true,
        description = "CSV with a header row.")
    Path input;

    @Option(
        names = "--surname",
        paramLabel = "COL",
        required = true,
        description = "Surname column.")
    String surname;

    @ArgGroup(multiplicity = "1")
    Geography geography;

    @Option(
        names = "--out",
        paramLabel = "FILE.csv",
        required = true,
        description = "CSV to write.")
    Path out;

    @Option(
        names = "--id",
        paramLabel = "COL",
        description = "Write only this column of the input before the proxy columns.")
    String id;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    /** Exactly one of --zip and --tract. */
    static final class Geography {
      @Option(
          names = "--zip",
          paramLabel = "COL",
          required = true,
          description = "ZIP code column (5 digits or ZIP+4).")
      String zip;

      @Option(
          names = "--tract",
          paramLabel = "COL",
          required = true,
          description = "2010 census tract column (11-digit GEOID).")
      String tract;
    }

    @Override
    public Integer call() {
      GeoLevel level = geography.zip != null ? GeoLevel.ZCTA : GeoLevel.TRACT;
      String geoColumn = level == GeoLevel.ZCTA ? geography.zip : geography.tract;
      if (!Files.isRegularFile(input)) {
        throw new DatasetException(input + ": no such file");
      }
      Path provFile = ProxyProvenance.beside(out);
      for (Path p : new Path[] {out, provFile}) {
        if (Files.exists(p) && !force) {
          throw new DatasetException(p + " exists (use --force to overwrite)");
        }
      }
      ProxyCsv.Request req = new ProxyCsv.Request(input, surname, geoColumn, level, id, out);
      BisgProxy proxy = BisgProxy.bundled(level);
      Path target = out.toAbsolutePath().normalize();
      Path tmp = null;
      ProxyProvenance prov;
      try {
        Files.createDirectories(target.getParent());
        tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try (Writer w =
            new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
          prov = ProxyCsv.run(req, proxy, w);
        }
        AtomicFiles.publish(tmp, target);
        tmp = null;
      } catch (IOException e) {
        throw new UncheckedIOException(out + ": " + e.getMessage(), e);
      } finally {
        deleteQuietly(tmp);
      }
      AtomicFiles.writeString(provFile, prov.toJson());
      EvidenceMix m = prov.evidence();
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "wrote %d rows to %s (surname and geography %d, surname only %d, geography only %d,"
                  + " none %d; surnames listed %d, all other names %d; %s found %d) and %s%n",
              m.rows(),
              out,
              m.surnameAndGeography(),
              m.surnameOnly(),
              m.geographyOnly(),
              m.none(),
              m.surnamesListed(),
              m.surnamesAllOtherNames(),
              level,
              m.geoFound(),
              provFile);
      spec.commandLine().getOut().flush();
      return ExitCodes.PASS;
    }

    private static void deleteQuietly(Path tmp) {
      if (tmp == null) {
        return;
      }
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the failure being reported matters more than a leftover temporary file
      }
    }
  }
}
