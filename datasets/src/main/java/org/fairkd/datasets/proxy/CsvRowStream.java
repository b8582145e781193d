package org.fairkd.datasets.proxy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fairkd.datasets.DatasetException;

/**
 * The data rows of a CSV parsed on a background thread, handed over in batches, so that parsing
 * overlaps the work on the rows (the two take about equal time in {@code fairkd proxy bisg}). Rows
 * come in file order; a parse failure (a wrong field count, malformed CSV) arrives after the rows
 * before it, so errors are reported as a sequential read would report them.
 */
final class CsvRowStream implements AutoCloseable {
  private static final int BATCH_ROWS = 2048;
  private static final int BATCHES_AHEAD = 8;

  /**
   * Up to {@link #BATCH_ROWS} rows.
   *
   * @param rows the rows' cells; the first {@code size} are filled
   * @param lines each row's line number in the file
   * @param size rows in this batch
   * @param failure what stopped the reading after these rows, or null
   * @param last whether no batch follows
   */
  record Batch(String[][] rows, int[] lines, int size, RuntimeException failure, boolean last) {}

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private final Thread reader;

  /**
   * Starts reading the rows after the header from {@code p}.
   *
   * @param width the header's number of fields (every row must have as many)
   * @param name the file's name, for messages
   */
  CsvRowStream(CsvParser p, int width, String name) {
    this.reader = new Thread(() -> read(p, width, name), "fairkd-csv-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next batch (blocks until it is parsed). */
  Batch next() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the CSV", e);
    }
  }

  /** Stops the reader (when the rows are not read to the end). */
  @Override
  public void close() {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read(CsvParser p, int width, String name) {
    try {
      while (true) {
        String[][] rows = new String[BATCH_ROWS][];
        int[] lines = new int[BATCH_ROWS];
        int n = 0;
        RuntimeException failure = null;
        try {
          while (n < BATCH_ROWS && p.nextToken() != null) {
            lines[n] = p.currentLocation().getLineNr();
            rows[n] = row(p, width, name, lines[n]);
            n++;
          }
        } catch (IOException e) {
          failure = new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          failure = e;
        }
        boolean last = failure != null || n < BATCH_ROWS;
        queue.put(new Batch(rows, lines, n, failure, last));
        if (last) {
          return;
        }
      }
    } catch (InterruptedException stopped) {
      // close(): the consumer has stopped reading
    }
  }

  private static String[] row(CsvParser p, int width, String name, int line) throws IOException {
    String[] cells = new String[width];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n < width) {
        cells[n] = p.getText();
      }
      n++;
    }
    if (n != width) {
      throw new DatasetException(
          name + ": line " + line + ": " + n + " fields, the header has " + width);
    }
    return cells;
  }
}
