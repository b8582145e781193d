package org.fairkd.datasets.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.load.SpecReader;
import org.fairkd.datasets.synth.SyntheticLending;

/**
 * Loading benchmark (not a test): writes an N-row synthetic lending CSV (default 1,000,000) and its
 * spec to a temporary folder, then loads it {@code repeats} times through {@link
 * Datasets#loadSpec}, printing wall and CPU seconds, rows per second and the peak heap used while
 * loading (sum of the heap pools' peak usage, reset before each load). A runnable benchmark in the
 * test sources (surefire does not run it); how to run it: datasets' README.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("fairkd-load-bench");
    Path csv = dir.resolve("bench.csv");
    TabularDataset generated =
        SyntheticLending.generate(rows, 1L, SyntheticLending.Config.defaults());
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      SyntheticLending.writeCsv(generated, w);
    }
    generated = null;
    Path spec = dir.resolve("bench.yaml");
    Files.writeString(spec, SpecReader.write(SyntheticLending.spec("bench.csv")));
    System.out.printf(
        "file: %d rows, %.1f MB, max heap %d MB%n",
        rows, Files.size(csv) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
    for (int i = 0; i < repeats; i++) {
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long before = usedHeap();
      long t0 = System.nanoTime();
      long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      TabularDataset d = Datasets.loadSpec(spec);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          peak += p.getPeakUsage().getUsed();
        }
      }
      System.gc();
      long retained = usedHeap() - before;
      System.out.printf(
          "load %d: %.2f s wall (%.2f s CPU of this thread), %.0f rows/s, peak heap %d MB"
              + " (before %d MB), dataset retains %d MB%n",
          i + 1, s, cpu, d.rowCount() / s, peak >> 20, before >> 20, retained >> 20);
    }
    Files.delete(csv);
    Files.delete(spec);
    Files.delete(dir);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
