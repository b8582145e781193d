package org.fairkd.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.load.DatasetLoader;
import org.fairkd.datasets.load.SpecReader;
import org.fairkd.datasets.synth.SyntheticLending;

/** Loads datasets by built-in name or from a spec file. */
public final class Datasets {
  /** The name of the generated default dataset, which needs no files. */
  public static final String SYNTHETIC = "synthetic-lending";

  private static final List<String> BUILT_IN =
      List.of(SYNTHETIC, "german-credit", "adult", "compas", "bank-marketing");

  /** Environment variable naming the data directory. */
  public static final String DATA_DIR_ENV = "FAIRKD_DATA_DIR";

  private Datasets() {}

  /** Names accepted by {@link #load(String, Path)}. */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /**
   * Loads a built-in dataset: {@code synthetic-lending} is generated ({@link
   * SyntheticLending#DEFAULT_ROWS} rows, seed {@link SyntheticLending#DEFAULT_SEED}); the others
   * read their files under {@link #resolveDataDir(Path) resolveDataDir(dataDirOrNull)}.
   */
  public static TabularDataset load(String builtInName, Path dataDirOrNull) {
    if (SYNTHETIC.equals(builtInName)) {
      return SyntheticLending.generate(
          SyntheticLending.DEFAULT_ROWS,
          SyntheticLending.DEFAULT_SEED,
          SyntheticLending.Config.defaults());
    }
    if (!BUILT_IN.contains(builtInName)) {
      throw new DatasetException(
          "unknown dataset '" + builtInName + "' (built-in: " + String.join(", ", BUILT_IN) + ")");
    }
    String resource = "builtin/" + builtInName + ".yaml";
    DatasetSpec spec;
    try (InputStream in = Datasets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      spec = SpecReader.read(in, builtInName + ".yaml (built-in)");
    } catch (IOException e) {
      throw new DatasetException(
          "cannot read built-in spec " + resource + ": " + e.getMessage(), e);
    }
    Path dir = resolveDataDir(dataDirOrNull);
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(
          builtInName
              + ": data directory not found: "
              + dir
              + " (use --data-dir DIR or set "
              + DATA_DIR_ENV
              + ")");
    }
    return DatasetLoader.load(spec, dir, builtInName + ".yaml (built-in)");
  }

  /** Loads a dataset from a YAML spec file; data paths are relative to the spec's directory. */
  public static TabularDataset loadSpec(Path specFile) {
    DatasetSpec spec = SpecReader.read(specFile);
    Path base = specFile.toAbsolutePath().getParent();
    return DatasetLoader.load(spec, base, specFile.getFileName().toString());
  }

  /**
   * The data directory: {@code cliValueOrNull} if given, else {@code $FAIRKD_DATA_DIR}, else the
   * system property {@code fairkd.data.dir}, else {@code ../shared/datasets} relative to the
   * working directory, else {@code ../shared/datasets} beside the repository holding the running
   * jar.
   */
  public static Path resolveDataDir(Path cliValueOrNull) {
    if (cliValueOrNull != null) {
      return cliValueOrNull;
    }
    String env = System.getenv(DATA_DIR_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String prop = System.getProperty("fairkd.data.dir");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    Path cwd = Path.of("..", "shared", "datasets");
    if (Files.isDirectory(cwd)) {
      return cwd;
    }
    Path besideJar = besideRepoOfJar();
    return besideJar != null && Files.isDirectory(besideJar) ? besideJar : cwd;
  }

  /** {@code <repo>/../shared/datasets} when running from {@code <repo>/<module>/target/x.jar}. */
  private static Path besideRepoOfJar() {
    try {
      Path code =
          Path.of(Datasets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = code.getParent();
      if (target == null || target.getParent() == null || target.getParent().getParent() == null) {
        return null;
      }
      return target.getParent().getParent().resolveSibling("shared").resolve("datasets");
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
