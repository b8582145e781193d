package org.fairkd.datasets.proxy;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bayesian Improved Surname Geocoding as the CFPB computes it (Elliott et al. 2009; CFPB 2014):
 * P(race | surname, geo) = P(race | surname) · P(geo | race) / Σ over races of the same product.
 * Without geography the proxy is P(race | surname); without a surname it is P(race | geo); with
 * neither, or when the product is 0 for every race (surname and geography contradict each other;
 * the CFPB leaves such rows without a proxy), there is none.
 */
public final class BisgProxy {
  private static final Race[] RACES = Race.values();

  private final SurnameTable surnames;
  private final GeographyTable geography;

  /** A proxy from a surname table and a geography table. */
  public BisgProxy(SurnameTable surnames, GeographyTable geography) {
    this.surnames = surnames;
    this.geography = geography;
  }

  /** The proxy with fairkd's bundled tables at {@code level} (read in parallel). */
  public static BisgProxy bundled(GeoLevel level) {
    CompletableFuture<GeographyTable> geo =
        CompletableFuture.supplyAsync(() -> GeographyTable.bundled(level));
    SurnameTable names = SurnameTable.bundled();
    try {
      return new BisgProxy(names, geo.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The surname table. */
  public SurnameTable surnames() {
    return surnames;
  }

  /** The geography table. */
  public GeographyTable geography() {
    return geography;
  }

  /**
   * Fills {@code out} (length {@link Race#COUNT}, {@link Race} order) with the proxy for a surname
   * row ({@link SurnameTable#match}) and a geography row ({@link GeographyTable#find}); with {@link
   * Evidence#NONE} it is filled with NaN.
   */
  public Evidence estimate(int surnameRow, int geoRow, double[] out) {
    boolean hasName = surnameRow != SurnameTable.NO_SURNAME;
    boolean hasGeo = geoRow != GeographyTable.NOT_FOUND;
    if (hasName && hasGeo) {
      if (posterior(surnames.probabilities(), surnameRow * Race.COUNT, geography, geoRow, out)) {
        return Evidence.SURNAME_AND_GEOGRAPHY;
      }
    } else if (hasName) {
      System.arraycopy(surnames.probabilities(), surnameRow * Race.COUNT, out, 0, Race.COUNT);
      return Evidence.SURNAME_ONLY;
    } else if (hasGeo) {
      for (Race r : RACES) {
        out[r.ordinal()] = geography.raceGivenGeo(geoRow, r);
      }
      return Evidence.GEOGRAPHY_ONLY;
    }
    Arrays.fill(out, Double.NaN);
    return Evidence.NONE;
  }

  /**
   * The BISG posterior for given surname probabilities ({@link Race} order) in a geography row:
   * {@code out[r] = pSurname[r] · P(geo | r) / Σ}. Returns false (and leaves {@code out}
   * unnormalised) when the product is 0 for every race.
   */
  public static boolean posterior(
      double[] pSurname, GeographyTable geography, int geoRow, double[] out) {
    return posterior(pSurname, 0, geography, geoRow, out);
  }

  /** {@link #posterior} with the surname probabilities at {@code from} in {@code pSurname}. */
  private static boolean posterior(
      double[] pSurname, int from, GeographyTable geography, int geoRow, double[] out) {
    double[] geoGivenRace = geography.geoGivenRaceTable();
    int g = geoRow * Race.COUNT;
    double sum = 0;
    for (int k = 0; k < Race.COUNT; k++) {
      double u = pSurname[from + k] * geoGivenRace[g + k];
      out[k] = u;
      sum += u;
    }
    if (!(sum > 0)) {
      return false;
    }
    for (int k = 0; k < Race.COUNT; k++) {
      out[k] /= sum;
    }
    return true;
  }
}
