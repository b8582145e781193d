package org.fairkd.base.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {
  @TempDir Path dir;

  @Test
  void sha256MatchesTheFipsTestVectors() throws IOException {
    String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertEquals(abc, Sha256.ofText("abc"));
    Path f = dir.resolve("abc.txt");
    Files.writeString(f, "abc");
    assertEquals(abc, Sha256.of(f));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
  }

  @Test
  void writeReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("sub/out.json");
    AtomicFiles.writeString(f, "first");
    AtomicFiles.writeString(f, "second");
    assertEquals("second", Files.readString(f));
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
    if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
  }

  @Test
  void publishDirReplacesTheWholeDirectory() throws IOException {
    Path target = dir.resolve("student");
    Files.createDirectories(target);
    Files.writeString(target.resolve("stale.txt"), "old");
    Path tmp = AtomicFiles.tempDirFor(target);
    Files.writeString(tmp.resolve("student.json"), "{}");
    AtomicFiles.publishDir(tmp, target);
    assertTrue(Files.isRegularFile(target.resolve("student.json")));
    assertFalse(Files.exists(target.resolve("stale.txt")));
    assertFalse(Files.exists(tmp));
    AtomicFiles.deleteTree(target);
    assertFalse(Files.exists(target));
  }
}
