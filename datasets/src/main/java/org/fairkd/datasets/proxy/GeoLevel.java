package org.fairkd.datasets.proxy;

/**
 * The geography a proxy uses: 5-digit ZCTA (looked up by ZIP code) or 2010 census tract (11-digit
 * GEOID: state, county, tract).
 */
public enum GeoLevel {
  ZCTA("ZCTA5", ReferenceTables.ZCTA, 5),
  TRACT("GEOID10_Tract", ReferenceTables.TRACT, 11);

  private final String idColumn;
  private final String tableKey;
  private final int digits;

  GeoLevel(String idColumn, String tableKey, int digits) {
    this.idColumn = idColumn;
    this.tableKey = tableKey;
    this.digits = digits;
  }

  /** The identifier column of the CFPB file for this level. */
  public String idColumn() {
    return idColumn;
  }

  /** The {@link ReferenceTables} key of the bundled table for this level. */
  public String tableKey() {
    return tableKey;
  }

  /**
   * The table identifier for a raw input value, or {@code null} when it is blank (no geography). A
   * ZIP may be ZIP+4 ({@code 12345-6789} or 9 digits): its first five digits are the ZCTA. A tract
   * must be 11 digits.
   *
   * @throws IllegalArgumentException when the value is neither blank nor well formed
   */
  public String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (this == ZCTA && s.length() == 10 && s.charAt(5) == '-' && allDigits(s.substring(6))) {
      s = s.substring(0, 5);
    } else if (this == ZCTA && s.length() == 9 && allDigits(s)) {
      s = s.substring(0, 5);
    }
    if (s.length() != digits || !allDigits(s)) {
      throw new IllegalArgumentException(
          this == ZCTA
              ? "malformed ZIP code '" + raw + "' (want 5 digits or ZIP+4, leading zeros kept)"
              : "malformed census tract '" + raw + "' (want the 11-digit 2010 GEOID)");
    }
    return s;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
