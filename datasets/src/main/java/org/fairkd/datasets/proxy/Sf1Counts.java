package org.fairkd.datasets.proxy;

/**
 * One geography's 2010 SF1 counts of the population 18+ as the CFPB's input files give them, and
 * the CFPB's reallocation of them into the six {@link Race} categories (steps 2 and 3 of its {@code
 * create_attr_over18_all_geo_entities.do}, following Word 2008).
 *
 * <p>Step 2: each {@code X_Other} (X with some other race) is added to {@code X_alone} for white,
 * black, AIAN and API; {@code Asian_HPI} and {@code Asian_HPI_Other} are added to API; all six of
 * those combination counts are subtracted from the multiracial total. Step 3: the non-Hispanic
 * "some other race alone" count is split across the five non-Hispanic groups in proportion to their
 * size, or ⅕ to each where the whole non-Hispanic population is "other".
 */
public record Sf1Counts(
    double total,
    double hispanic,
    double nonHispanic,
    double whiteAlone,
    double blackAlone,
    double aianAlone,
    double apiAlone,
    double otherAlone,
    double multTotal,
    double whiteOther,
    double blackOther,
    double aianOther,
    double asianHpi,
    double apiOther,
    double asianHpiOther) {

  /** The 14 count columns of the CFPB files, in this record's order after {@code total}. */
  public static final String[] COLUMNS = {
    "Total_Pop", "Hispanic_Total", "Non_Hispanic_Total", "NH_White_alone", "NH_Black_alone",
    "NH_AIAN_alone", "NH_API_alone", "NH_Other_alone", "NH_Mult_Total", "NH_White_Other",
    "NH_Black_Other", "NH_AIAN_Other", "NH_Asian_HPI", "NH_API_Other", "NH_Asian_HPI_Other"
  };

  /** Builds the record from the values of {@link #COLUMNS}, in that order. */
  public static Sf1Counts of(double[] v) {
    return new Sf1Counts(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14]);
  }

  /**
   * The reallocated counts in {@link Race} order; they sum to {@link #total()} up to rounding and
   * are never negative for a consistent row.
   *
   * @throws IllegalStateException when step 2 does not preserve the total (an inconsistent row)
   */
  public double[] reallocated() {
    double white = whiteAlone + whiteOther;
    double black = blackAlone + blackOther;
    double aian = aianAlone + aianOther;
    double api = apiAlone + apiOther + asianHpi + asianHpiOther;
    double mult =
        multTotal - (whiteOther + blackOther + aianOther + asianHpi + apiOther + asianHpiOther);
    if (total != white + black + api + aian + mult + otherAlone + hispanic) {
      throw new IllegalStateException(
          "step 2 does not preserve Total_Pop " + total + " (counts are inconsistent)");
    }
    double[] nh = {white, black, aian, api, mult};
    double denominator = total - hispanic - otherAlone;
    for (int k = 0; k < nh.length; k++) {
      double x = nh[k] + (nh[k] / denominator) * otherAlone;
      if (total == 0) {
        x = 0;
      }
      if (nonHispanic == otherAlone) {
        x = otherAlone / 5;
      }
      nh[k] = x;
    }
    double[] out = new double[Race.COUNT];
    out[Race.WHITE.ordinal()] = nh[0];
    out[Race.BLACK.ordinal()] = nh[1];
    out[Race.AIAN.ordinal()] = nh[2];
    out[Race.API.ordinal()] = nh[3];
    out[Race.MULTI.ordinal()] = nh[4];
    out[Race.HISPANIC.ordinal()] = hispanic;
    return out;
  }
}
