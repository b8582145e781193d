package org.fairkd.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the libraries that train, score and measure (audit.json's {@code
 * provenance.libraries}), read from the version resources their jars carry (Maven's {@code
 * pom.properties}, DJL's and XGBoost's own version files); a library whose resource is absent is
 * left out, never guessed. Each resource is read from the jar (or directory) that holds one of the
 * library's classes, not the first copy on the class path: on a Spark cluster, shaded jars such as
 * hadoop-client-runtime and parquet-jackson carry other versions' pom.properties beside relocated
 * classes, and would otherwise be reported.
 */
public final class LibraryVersions {
  /** Library name → (resource, property, a class of the library). */
  private static final Map<String, String[]> SOURCES = sources();

  private LibraryVersions() {}

  private static Map<String, String[]> sources() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put("tribuo", pom("org.tribuo", "tribuo-core", "org.tribuo.Model"));
    m.put(
        "xgboost4j",
        new String[] {"xgboost4j-version.properties", "version", "ml.dmlc.xgboost4j.java.XGBoost"});
    m.put(
        "djl",
        new String[] {"ai/djl/engine/api.properties", "djl_version", "ai.djl.engine.Engine"});
    m.put(
        "pytorch",
        new String[] {
          "pytorch-engine.properties", "pytorch_version", "ai.djl.pytorch.engine.PtEngine"
        });
    m.put(
        "commons-math3",
        pom("org.apache.commons", "commons-math3", "org.apache.commons.math3.util.FastMath"));
    m.put("tablesaw", pom("tech.tablesaw", "tablesaw-core", "tech.tablesaw.api.Table"));
    m.put(
        "jackson-databind",
        pom(
            "com.fasterxml.jackson.core",
            "jackson-databind",
            "com.fasterxml.jackson.databind.ObjectMapper"));
    return m;
  }

  private static String[] pom(String group, String artifact, String type) {
    return new String[] {
      "META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version", type
    };
  }

  /** Every library whose version resource is on the class path, in a fixed order. */
  public static Map<String, String> current() {
    return current(LibraryVersions.class.getClassLoader());
  }

  /** {@link #current()} as seen by the class loader {@code cl}. */
  static Map<String, String> current(ClassLoader cl) {
    Map<String, String> out = new LinkedHashMap<>();
    SOURCES.forEach(
        (name, src) -> {
          URL resource = besideClass(cl, src[2], src[0]);
          if (resource == null) {
            return;
          }
          try (InputStream in = resource.openStream()) {
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(src[1]);
            if (v != null && !v.isBlank()) {
              out.put(name, v.strip());
            }
          } catch (IOException e) {
            // an unreadable or absent version resource is left out
          }
        });
    out.put("freemarker", freemarker.template.Configuration.getVersion().toString());
    return out;
  }

  /**
   * {@code resource} in the jar or directory that {@code type}'s class file comes from (the class
   * is not loaded), or null when the class is not on the class path.
   */
  private static URL besideClass(ClassLoader cl, String type, String resource) {
    String classFile = type.replace('.', '/') + ".class";
    URL c = cl.getResource(classFile);
    if (c == null) {
      return null;
    }
    String url = c.toString();
    if (!url.endsWith(classFile)) {
      return null;
    }
    try {
      return new URL(url.substring(0, url.length() - classFile.length()) + resource);
    } catch (MalformedURLException e) {
      return null;
    }
  }
}
