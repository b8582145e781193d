package org.fairkd.datasets.load;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.DatasetSpec.CsvFormat;

/**
 * Names the file and line of a dataset row for error messages (computed only on error). Rows before
 * {@code trainRows} come from the first file, the rest from the second (test) file; with no files
 * (generated data) a row is named by its index.
 */
final class RowLines {
  private final CsvFormat format;
  private final int trainRows;
  private final List<Path> files;
  private final boolean header;

  RowLines(List<Path> files, CsvFormat format, int trainRows) {
    this.format = format == null ? new CsvFormat(null, null, null, null, null, null) : format;
    this.trainRows = trainRows;
    this.files = files;
    this.header = this.format.header() == null || this.format.header();
  }

  /** {@code file: line N} of dataset row {@code row}. */
  String where(int row) {
    if (files.isEmpty()) {
      return "row " + row;
    }
    Path file = row < trainRows ? files.get(0) : files.get(1);
    long record = row < trainRows ? row : row - trainRows;
    return file + ": line " + LineLocator.lineOfRecord(file, format, header, record);
  }
}
