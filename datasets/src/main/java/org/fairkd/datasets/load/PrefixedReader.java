package org.fairkd.datasets.load;

import java.io.IOException;
import java.io.Reader;

/** A reader that yields a fixed prefix and then the content of another reader. */
final class PrefixedReader extends Reader {
  private final String prefix;
  private final Reader rest;
  private int pos;

  PrefixedReader(String prefix, Reader rest) {
    this.prefix = prefix;
    this.rest = rest;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos < prefix.length()) {
      int n = Math.min(len, prefix.length() - pos);
      prefix.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }
    return rest.read(buf, off, len);
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
