package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library's version comes from the jar that holds its classes: a shaded jar earlier on the class
 * path with another copy of its pom.properties (as hadoop-client-runtime carries commons-math3
 * 3.1.1's on a Spark cluster) is not what audit.json reports.
 */
class LibraryVersionsTest {
  @TempDir Path tmp;

  @Test
  void theVersionIsReadFromTheJarOfTheLibrarysClasses() throws Exception {
    Path shaded = tmp.resolve("shaded.jar");
    try (OutputStream f = Files.newOutputStream(shaded);
        JarOutputStream jar = new JarOutputStream(f)) {
      jar.putNextEntry(
          new JarEntry("META-INF/maven/org.apache.commons/commons-math3/pom.properties"));
      jar.write("version=3.1.1\n".getBytes(StandardCharsets.US_ASCII));
      jar.closeEntry();
    }
    URL math =
        org.apache.commons.math3.util.FastMath.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation();
    String real = LibraryVersions.current().get("commons-math3");
    try (URLClassLoader cl =
        new URLClassLoader(
            new URL[] {shaded.toUri().toURL(), math}, ClassLoader.getPlatformClassLoader())) {
      assertEquals(
          "3.1.1",
          new String(
                  cl.getResourceAsStream(
                          "META-INF/maven/org.apache.commons/commons-math3/pom.properties")
                      .readAllBytes(),
                  StandardCharsets.US_ASCII)
              .strip()
              .substring("version=".length()));
      Map<String, String> v = LibraryVersions.current(cl);
      assertEquals(real, v.get("commons-math3"));
      assertEquals("3.6.1", v.get("commons-math3"));
      assertNull(v.get("tribuo"), "no Tribuo class on this class path");
    }
  }
}
