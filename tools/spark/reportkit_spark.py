#!/usr/bin/env python3
"""Run a ReportKit pipeline on Apache Spark: `reportkit map` on the executors, `reportkit reduce` on the driver.

The per-document stages run as a streaming filter through RDD.pipe (one source path in, one JSON record
out); the records are collected in partition order and reduced on the driver into the same dataset bytes
that `reportkit build` writes.

Local mode (what `make test-spark` runs):
    python3 tools/spark/reportkit_spark.py pipelines/business-environment --master 'local[3]' --partitions 3

On a real cluster, install the same `reportkit` binary (and libxml2, libopencc) at the same path on every
worker, make the pipeline folder readable at the same path everywhere (shared filesystem or identical
copies), and submit with spark-submit:
    spark-submit --master yarn tools/spark/reportkit_spark.py /shared/pipelines/business-environment \
        --reportkit /opt/reportkit/bin/reportkit --partitions 400 --output-root /shared/output
For corpora whose records do not fit on the driver, write the mapped records with saveAsTextFile and run
`reportkit reduce <pipeline> part-*` on one machine instead of collecting.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pipeline", help="pipeline folder or spec file")
    parser.add_argument("--reportkit", default=".build/release/reportkit", help="path to the reportkit binary")
    parser.add_argument("--master", default="local[2]", help="Spark master URL")
    parser.add_argument("--partitions", type=int, default=2, help="number of partitions for the map stage")
    parser.add_argument("--output-root", default="output", help="folder that receives <name>/<version>/")
    parser.add_argument("--replace", action="store_true", help="replace an unpublished version folder")
    args = parser.parse_args()

    from pyspark.sql import SparkSession  # imported late so --help works without PySpark

    reportkit = os.path.abspath(args.reportkit)
    pipeline = os.path.abspath(args.pipeline)
    sources = subprocess.run([reportkit, "map", pipeline, "--list"], check=True, capture_output=True, text=True).stdout.splitlines()

    spark = SparkSession.builder.master(args.master).appName("reportkit").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rdd = spark.sparkContext.parallelize(sources, max(1, args.partitions))
        env = {key: value for key, value in os.environ.items() if key in ("REPORTKIT_SOURCE_DIGEST", "SOURCE_DATE_EPOCH", "PATH", "HOME")}
        records = rdd.pipe(f"{reportkit} map {pipeline} --jobs 1", env=env).collect()
    finally:
        spark.stop()

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(records) + "\n")
        records_path = handle.name
    try:
        command = [reportkit, "reduce", pipeline, records_path, "--output-root", os.path.abspath(args.output_root)]
        if args.replace:
            command.append("--replace")
        subprocess.run(command, check=True)
    finally:
        os.unlink(records_path)
    print(f"mapped {len(records)} sources in {args.partitions} partitions", file=sys.stderr)


if __name__ == "__main__":
    main()
