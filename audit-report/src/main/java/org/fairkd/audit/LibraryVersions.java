package org.fairkd.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the libraries that train, score and measure (audit.json's {@code
 * provenance.libraries}), read from the version resources their jars carry (Maven's {@code
 * pom.properties}, DJL's and XGBoost's own version files); a library whose resource is absent is
 * left out, never guessed.
 */
public final class LibraryVersions {
  /** Library name → (resource, property). */
  private static final Map<String, String[]> SOURCES = sources();

  private LibraryVersions() {}

  private static Map<String, String[]> sources() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put("tribuo", pom("org.tribuo", "tribuo-core"));
    m.put("xgboost4j", new String[] {"xgboost4j-version.properties", "version"});
    m.put("djl", new String[] {"ai/djl/engine/api.properties", "djl_version"});
    m.put("pytorch", new String[] {"pytorch-engine.properties", "pytorch_version"});
    m.put("commons-math3", pom("org.apache.commons", "commons-math3"));
    m.put("tablesaw", pom("tech.tablesaw", "tablesaw-core"));
    m.put("jackson-databind", pom("com.fasterxml.jackson.core", "jackson-databind"));
    return m;
  }

  private static String[] pom(String group, String artifact) {
    return new String[] {"META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version"};
  }

  /** Every library whose version resource is on the class path, in a fixed order. */
  public static Map<String, String> current() {
    Map<String, String> out = new LinkedHashMap<>();
    ClassLoader cl = LibraryVersions.class.getClassLoader();
    SOURCES.forEach(
        (name, src) -> {
          try (InputStream in = cl.getResourceAsStream(src[0])) {
            if (in != null) {
              Properties p = new Properties();
              p.load(in);
              String v = p.getProperty(src[1]);
              if (v != null && !v.isBlank()) {
                out.put(name, v.strip());
              }
            }
          } catch (IOException e) {
            // an unreadable version resource is left out, like an absent one
          }
        });
    out.put("freemarker", freemarker.template.Configuration.getVersion().toString());
    return out;
  }
}
