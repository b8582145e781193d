package org.fairkd.datasets.proxy;

/**
 * What evidence a proxy run found: rows by {@link Evidence}, and how the surnames and geographies
 * matched. {@code surnamesListed + surnamesAllOtherNames + surnamesMissing == rows}, and {@code
 * geoFound + geoNotFound + geoMissing == rows}.
 *
 * @param rows data rows
 * @param surnameAndGeography rows with {@link Evidence#SURNAME_AND_GEOGRAPHY}
 * @param surnameOnly rows with {@link Evidence#SURNAME_ONLY}
 * @param geographyOnly rows with {@link Evidence#GEOGRAPHY_ONLY}
 * @param none rows with {@link Evidence#NONE}
 * @param surnamesListed surnames found in the Census list
 * @param surnamesAllOtherNames surnames not listed, given the "ALL OTHER NAMES" row
 * @param surnamesMissing rows with no surname left after cleaning
 * @param geoFound geographies found in the table with a population 18+
 * @param geoNotFound well-formed geographies not in the table (or with no population 18+)
 * @param geoMissing rows with a blank geography
 */
public record EvidenceMix(
    long rows,
    long surnameAndGeography,
    long surnameOnly,
    long geographyOnly,
    long none,
    long surnamesListed,
    long surnamesAllOtherNames,
    long surnamesMissing,
    long geoFound,
    long geoNotFound,
    long geoMissing) {

  /** The rows by evidence alone. */
  public EvidenceCounts counts() {
    return new EvidenceCounts(surnameAndGeography, surnameOnly, geographyOnly, none);
  }

  /** Counts one row at a time. */
  static final class Counter {
    private final long[] evidence = new long[Evidence.values().length];
    private long listed;
    private long allOther;
    private long noName;
    private long found;
    private long notFound;
    private long noGeo;

    void add(Evidence e, int surnameRow, int fallbackRow, String geoId, int geoRow) {
      evidence[e.ordinal()]++;
      if (surnameRow == SurnameTable.NO_SURNAME) {
        noName++;
      } else if (surnameRow == fallbackRow) {
        allOther++;
      } else {
        listed++;
      }
      if (geoId == null) {
        noGeo++;
      } else if (geoRow == GeographyTable.NOT_FOUND) {
        notFound++;
      } else {
        found++;
      }
    }

    EvidenceMix result() {
      return new EvidenceMix(
          listed + allOther + noName,
          evidence[Evidence.SURNAME_AND_GEOGRAPHY.ordinal()],
          evidence[Evidence.SURNAME_ONLY.ordinal()],
          evidence[Evidence.GEOGRAPHY_ONLY.ordinal()],
          evidence[Evidence.NONE.ordinal()],
          listed,
          allOther,
          noName,
          found,
          notFound,
          noGeo);
    }
  }
}
