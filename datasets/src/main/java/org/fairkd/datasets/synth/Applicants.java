package org.fairkd.datasets.synth;

import java.util.Random;

/**
 * Column arrays of generated applicants and the per-row data-generating process (documented in the
 * module README; coefficients are the z-score weights listed there).
 */
final class Applicants {
  final String[] id;
  final double[] income;
  final double[] dti;
  final double[] util;
  final double[] history;
  final double[] delinquencies;
  final double[] loan;
  final double[] employment;
  final double[] inquiries;
  final String[] home;
  final String[] purpose;
  final double[] region;
  final String[] sex;
  final String[] race;
  final double[] age;
  final String[] outcome;

  Applicants(int n) {
    id = new String[n];
    income = new double[n];
    dti = new double[n];
    util = new double[n];
    history = new double[n];
    delinquencies = new double[n];
    loan = new double[n];
    employment = new double[n];
    inquiries = new double[n];
    home = new String[n];
    purpose = new String[n];
    region = new double[n];
    sex = new String[n];
    race = new String[n];
    age = new double[n];
    outcome = new String[n];
  }

  static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }

  static double clip(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static int categorical(Random rng, double[] p) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int k = 0; k < p.length - 1; k++) {
      acc += p[k];
      if (u < acc) {
        return k;
      }
    }
    return p.length - 1;
  }

  static int poisson(Random rng, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = rng.nextDouble();
    while (p > l) {
      k++;
      p *= rng.nextDouble();
    }
    return k;
  }

  void draw(int i, Random rng, SyntheticLending.Config cfg) {
    String num = Integer.toString(i + 1);
    id[i] = "A" + "0000000".substring(Math.min(7, num.length())) + num;
    boolean female = rng.nextDouble() < 0.5;
    sex[i] = female ? "female" : "male";
    int r = categorical(rng, SyntheticLending.RACE_P);
    race[i] = SyntheticLending.RACES[r];
    boolean disfavoured = race[i].equals(cfg.disfavouredRace());
    double a = Math.round(clip(42 + 13 * rng.nextGaussian(), 18, 85));
    age[i] = a;
    double inc =
        round(clip(Math.exp(Math.log(55_000) + 0.45 * rng.nextGaussian()), 8_000, 500_000), 1);
    income[i] = inc;
    dti[i] = round(clip(0.30 + 0.12 * rng.nextGaussian(), 0.01, 0.95), 1e4);
    util[i] = round(clip(0.35 + 0.20 * rng.nextGaussian(), 0, 1), 1e4);
    history[i] = round(Math.min(a - 18, 2 + 8 * -Math.log(1 - rng.nextDouble())), 10);
    delinquencies[i] = poisson(rng, 0.3);
    loan[i] = round(inc * (0.1 + 0.5 * rng.nextDouble()), 0.01);
    employment[i] = round(Math.min(a - 18, 6 * -Math.log(1 - rng.nextDouble())), 10);
    inquiries[i] = poisson(rng, 1.0);
    double u = rng.nextDouble();
    int h = u < 0.4 ? 0 : u < 0.8 ? 1 : 2;
    home[i] = SyntheticLending.HOME[h];
    int p = categorical(rng, SyntheticLending.PURPOSE_P);
    purpose[i] = SyntheticLending.PURPOSE[p];
    double proxyShift = disfavoured ? cfg.proxyStrength() : 0;
    region[i] = round(clip(50 + 10 * (rng.nextGaussian() - proxyShift), 0, 100), 10);
    double z =
        1.6
            + 0.9 * Math.log(inc / 55_000)
            - 3.0 * (dti[i] - 0.30)
            - 1.8 * (util[i] - 0.35)
            + 0.02 * Math.min(history[i], 6)
            - 0.6 * delinquencies[i]
            - 0.15 * (inquiries[i] - 1)
            - 1.5 * (loan[i] / inc - 0.35)
            + 0.02 * Math.min(employment[i], 3)
            + (h == 2 ? 0.2 : h == 1 ? 0.1 : 0)
            - (p == 4 ? 0.3 : 0);
    if (disfavoured) {
      z -= cfg.raceEffect();
    }
    if (female) {
      z -= cfg.sexEffect();
    }
    if (a <= 24) {
      z -= cfg.ageEffect();
    }
    outcome[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? "approved" : "denied";
  }
}
