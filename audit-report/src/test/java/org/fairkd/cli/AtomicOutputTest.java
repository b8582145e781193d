package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are replaced whole, leave no temp files behind, and are readable by others. */
class AtomicOutputTest {

  @TempDir Path dir;

  @Test
  void replacesContentCreatesParentsAndLeavesNoTempFiles() throws Exception {
    Path target = dir.resolve("out/sub/report.json");
    AtomicOutput.writeString(target, "first");
    AtomicOutput.writeString(target, "second");
    assertEquals("second", Files.readString(target));
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void filesAreWorldReadableLikeOrdinaryOutputs() throws Exception {
    Path target = dir.resolve("audit.json");
    AtomicOutput.writeBytes(target, new byte[] {1, 2, 3});
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }
}
