package org.fairkd.datasets.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The Census reference tables bundled in fairkd's jar (gzip-compressed, byte for byte the files of
 * {@code reference-tables.properties}) and their provenance.
 */
public final class ReferenceTables {
  /** The 2010 Census surname list with race counts. */
  public static final String SURNAMES = "surnames";

  /** The CFPB's 2010 SF1 18+ counts by ZCTA. */
  public static final String ZCTA = "zcta";

  /** The CFPB's 2010 SF1 18+ counts by census tract. */
  public static final String TRACT = "tract";

  private static final Properties PROPS = load();

  /**
   * Where one bundled table comes from: file name, sha256 of the uncompressed CSV, source, version.
   */
  public record Source(String file, String sha256, String source, String version) {}

  private ReferenceTables() {}

  /**
   * The provenance of the table {@code key} ({@link #SURNAMES}, {@link #ZCTA} or {@link #TRACT}).
   */
  public static Source source(String key) {
    return new Source(
        prop(key + ".file"), prop(key + ".sha256"), prop(key + ".source"), prop(key + ".version"));
  }

  /** The method the tables are used with (the CFPB's, with its repository commit). */
  public static String method() {
    return prop("method");
  }

  /** Opens the bundled table {@code key} as UTF-8 text, decompressed. */
  public static BufferedReader open(String key) {
    String name = prop(key + ".file") + ".gz";
    InputStream in = ReferenceTables.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("fairkd's jar lacks the BISG table " + name);
    }
    try {
      return new BufferedReader(
          new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled BISG table " + name, e);
    }
  }

  private static String prop(String key) {
    String v = PROPS.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("reference-tables.properties lacks " + key);
    }
    return v;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        ReferenceTables.class.getResourceAsStream("reference-tables.properties")) {
      if (in == null) {
        throw new IllegalStateException("fairkd's jar lacks reference-tables.properties");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference-tables.properties", e);
    }
    return p;
  }
}
