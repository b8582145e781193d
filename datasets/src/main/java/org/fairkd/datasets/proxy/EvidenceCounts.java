package org.fairkd.datasets.proxy;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rows by the {@link Evidence} their proxy rests on, and what an audit reports of them: the share
 * of rows whose proxy used a surname, and the share whose proxy used a geography.
 *
 * @param surnameAndGeography rows with {@link Evidence#SURNAME_AND_GEOGRAPHY}
 * @param surnameOnly rows with {@link Evidence#SURNAME_ONLY}
 * @param geographyOnly rows with {@link Evidence#GEOGRAPHY_ONLY}
 * @param none rows with {@link Evidence#NONE}
 */
public record EvidenceCounts(
    long surnameAndGeography, long surnameOnly, long geographyOnly, long none) {

  /** Rejects negative counts. */
  public EvidenceCounts {
    if (surnameAndGeography < 0 || surnameOnly < 0 || geographyOnly < 0 || none < 0) {
      throw new IllegalArgumentException("negative evidence count");
    }
  }

  /** The counts of a row-by-row list of evidence. */
  public static EvidenceCounts of(Evidence[] rows) {
    Map<Evidence, Long> n = new EnumMap<>(Evidence.class);
    for (Evidence e : rows) {
      n.merge(e, 1L, Long::sum);
    }
    return of(n);
  }

  /** The counts of rows by evidence (absent evidence: no rows). */
  public static EvidenceCounts of(Map<Evidence, Long> rows) {
    return new EvidenceCounts(
        rows.getOrDefault(Evidence.SURNAME_AND_GEOGRAPHY, 0L),
        rows.getOrDefault(Evidence.SURNAME_ONLY, 0L),
        rows.getOrDefault(Evidence.GEOGRAPHY_ONLY, 0L),
        rows.getOrDefault(Evidence.NONE, 0L));
  }

  /** All rows counted. */
  public long rows() {
    return surnameAndGeography + surnameOnly + geographyOnly + none;
  }

  /** Rows whose proxy used the surname (with or without geography). */
  public long withSurname() {
    return surnameAndGeography + surnameOnly;
  }

  /** Rows whose proxy used the geography (with or without surname). */
  public long withGeography() {
    return surnameAndGeography + geographyOnly;
  }

  /** {@link #withSurname()} / {@link #rows()}; NaN with no rows. */
  public double surnameShare() {
    return rows() == 0 ? Double.NaN : (double) withSurname() / rows();
  }

  /** {@link #withGeography()} / {@link #rows()}; NaN with no rows. */
  public double geographyShare() {
    return rows() == 0 ? Double.NaN : (double) withGeography() / rows();
  }
}
