package org.fairkd.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.base.files.Sha256;

/**
 * An audit's provenance: made from a command's {@link RunInfo} with the SHA-256 of every input and
 * the git commit the tool was built from (read from the {@code .git} directory beside the jar or
 * classes, without running git; absent when the tool does not run from a checkout).
 */
public final class Provenance {
  private Provenance() {}

  /**
   * The provenance of {@code run}, finished now: tool, version, git commit (of {@code anchor}'s
   * checkout), seed, command, times, Java, OS, hashed inputs, policy and configuration.
   */
  public static RunProvenance of(RunInfo run, Class<?> anchor, String version) {
    List<RunProvenance.HashedInput> inputs = new ArrayList<>();
    for (RunInfo.Input in : run.inputs()) {
      inputs.add(new RunProvenance.HashedInput(in.role(), in.recorded(), Sha256.of(in.path())));
    }
    var teacher = run.teacherProvenance();
    return new RunProvenance(
        "fairkd",
        version,
        gitCommit(anchor).orElse(null),
        run.seed(),
        run.command(),
        run.startedAt(),
        Instant.now(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        inputs,
        run.policyName(),
        run.policySha256(),
        run.config(),
        teacher == null || teacher.isMissingNode() ? null : teacher,
        LibraryVersions.current());
  }

  /**
   * The model artifacts and scored rows a distillation wrote under {@code out}'s {@code distill/}
   * directory, as inputs of the audit (recorded by their path inside {@code out}): the scored rows
   * ({@code predictions}), the student's files ({@code student-model}) and the teacher's ({@code
   * teacher-model}). Files that hold run times (distill.json, the teacher's provenance) are left
   * out: their figures are in the audit itself.
   */
  public static List<RunInfo.Input> artifacts(Path out) throws IOException {
    Path dir = out.resolve("distill");
    List<RunInfo.Input> inputs = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return inputs;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = out.relativize(f).toString().replace('\\', '/');
      String role =
          rel.equals("distill/predictions.csv")
              ? "predictions"
              : rel.startsWith("distill/student/")
                  ? "student-model"
                  : rel.startsWith("distill/teacher/") && !rel.endsWith("provenance.json")
                      ? "teacher-model"
                      : null;
      if (role != null) {
        inputs.add(new RunInfo.Input(role, f, rel));
      }
    }
    return inputs;
  }

  /** The commit of the checkout that {@code anchor}'s class was loaded from, if any. */
  public static Optional<String> gitCommit(Class<?> anchor) {
    try {
      Path p = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = p.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path git = dir.resolve(".git");
        if (Files.isDirectory(git)) {
          return readHead(git, git);
        }
        if (Files.isRegularFile(git)) {
          return worktree(git);
        }
      }
    } catch (Exception e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A linked worktree: {@code .git} is a file {@code gitdir: DIR}; refs live in the common dir. */
  private static Optional<String> worktree(Path gitFile) throws IOException {
    String text = Files.readString(gitFile).strip();
    if (!text.startsWith("gitdir: ")) {
      return Optional.empty();
    }
    Path gitDir = gitFile.getParent().resolve(text.substring(8).strip()).normalize();
    Path commonFile = gitDir.resolve("commondir");
    Path common =
        Files.isRegularFile(commonFile)
            ? gitDir.resolve(Files.readString(commonFile).strip()).normalize()
            : gitDir;
    return readHead(gitDir, common);
  }

  /** HEAD of {@code gitDir}, its ref resolved in {@code gitDir} or the {@code common} dir. */
  private static Optional<String> readHead(Path gitDir, Path common) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD")).strip();
    if (!head.startsWith("ref: ")) {
      return valid(head);
    }
    String ref = head.substring(5).strip();
    for (Path dir : List.of(gitDir, common)) {
      Path refFile = dir.resolve(ref);
      if (Files.isRegularFile(refFile)) {
        return valid(Files.readString(refFile).strip());
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        if (line.endsWith(" " + ref)) {
          return valid(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> valid(String sha) {
    return sha.matches("[0-9a-f]{40}") ? Optional.of(sha) : Optional.empty();
  }
}
