package org.fairkd.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirTest {
  @TempDir Path tmp;

  @Test
  void refusesNonEmptyWithoutForce() throws Exception {
    Path out = tmp.resolve("out");
    OutputDir.prepare(out, false);
    assertTrue(Files.isDirectory(out));
    Files.writeString(out.resolve("audit.json"), "{}");
    var e = assertThrows(AuditException.class, () -> OutputDir.prepare(out, false));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertDoesNotThrow(() -> OutputDir.prepare(out, true));
  }

  @Test
  void refusesAFile() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "x");
    assertThrows(AuditException.class, () -> OutputDir.prepare(f, true));
    assertThrows(AuditException.class, () -> OutputDir.prepare(f.resolve("sub"), true));
  }
}
