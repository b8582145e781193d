package org.fairkd.spark.bench;

import org.apache.spark.sql.SparkSession;

/**
 * Benchmark input (test code, not shipped): {@code rows} generated predictions written by Spark as
 * Parquet (or one CSV file) — label, teacher and student scores, sex (2 groups, 2% missing), race
 * (3 groups, 3% missing), with a known bias; a row weight in {0.5, 1, …, 3} and BISG-like race
 * probabilities p_white, p_black, p_asian (0.5–0.9 on the row's race, the rest split evenly; blank
 * where race is missing) for the weighted / soft-membership engine. Run: {@code java -cp
 * spark/target/fairkd-spark.jar:spark/target/test-classes [add-opens] ...GeneratePredictions ROWS
 * OUT_DIR [parquet|csv] [partitions]}; write under /tmp, never into the repository.
 */
public final class GeneratePredictions {
  private GeneratePredictions() {}

  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    String out = args[1];
    String format = args.length > 2 ? args[2] : "parquet";
    int parts = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    var df =
        spark
            .range(0, rows, 1, parts)
            .selectExpr(
                "id",
                "rand(1) as u",
                "rand(2) as v",
                "randn(3) as z0",
                "randn(4) as e1",
                "randn(5) as e2",
                "rand(6) as w",
                "rand(7) as rw",
                "0.5 + 0.4 * rand(8) as own")
            .selectExpr(
                "case when u < 0.02 then '' when u < 0.45 then 'female' else 'male' end as sex",
                "case when v < 0.03 then 'NA' when v < 0.6 then 'white' when v < 0.85 then 'black'"
                    + " else 'asian' end as race",
                "z0 + case when u >= 0.02 and u < 0.45 then -0.4 else 0 end"
                    + " + case when v >= 0.6 and v < 0.85 then -0.3 else 0 end as z",
                "e1",
                "e2",
                "w",
                "0.5 * (1 + floor(6 * rw)) as weight",
                "own")
            .selectExpr(
                "cast(w < 1 / (1 + exp(-z)) as int) as label",
                "1 / (1 + exp(-(z + 0.5 * e1))) as teacher",
                "least(1.0, greatest(0.0, 1 / (1 + exp(-(z + 0.5 * e1))) + 0.05 * e2)) as student",
                "sex",
                "race",
                "weight",
                "case when race = 'NA' then null when race = 'white' then own else (1 - own) / 2 end"
                    + " as p_white",
                "case when race = 'NA' then null when race = 'black' then own else (1 - own) / 2 end"
                    + " as p_black",
                "case when race = 'NA' then null when race = 'asian' then own else (1 - own) / 2 end"
                    + " as p_asian");
    if (format.equals("csv")) {
      df.coalesce(1).write().option("header", "true").csv(out);
    } else {
      df.write().parquet(out);
    }
    spark.stop();
  }
}
