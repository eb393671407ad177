"""Run newsgraph over a JSON Lines corpus on Apache Spark and write N-Quads part files.

Each partition of the input is sent through one `newsgraph extract --input jsonl -` process
(the binary is shipped to the executors with `--files` and found with `SparkFiles.get`), and
the N-Quads lines it prints become the partition's output. Each article is the named graph of
its document IRI, which is minted from the article's text, so the set of quads does not
depend on how the corpus is partitioned: it equals the set a single `newsgraph extract` run
writes.

    spark-submit --master 'local[2]' --files target/release/newsgraph \
        scripts/spark/newsgraph_spark.py --input corpus.jsonl --output out/

Records that are not articles are reported by newsgraph on the executors' stderr and left
out (newsgraph's exit status 3); any other failure of the process fails the task, which Spark
retries.
"""

import argparse
import os
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def extract_partition(lines, binary_name, base):
    """Pipes one partition's JSON Lines through a newsgraph process, yields N-Quads lines."""
    binary = SparkFiles.get(binary_name)
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    command = [binary, "extract", "--input", "jsonl", "--quiet", "--jobs", "1", "--base", base, "-"]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8"))
                process.stdin.write(b"\n")
        finally:
            process.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for line in process.stdout:
        yield line.decode("utf-8").rstrip("\n")
    feeder.join()
    status = process.wait()
    # 3: some records were not articles (each named on stderr); the others were written.
    if status not in (0, 3):
        raise RuntimeError(f"newsgraph exited with status {status}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON Lines: a file, a directory or a glob, on any Spark file system")
    parser.add_argument("--output", required=True, help="directory for the N-Quads part files (must not exist)")
    parser.add_argument("--binary", default="newsgraph", help="file name of the newsgraph binary shipped with --files")
    parser.add_argument("--partitions", type=int, default=0, help="repartition the input into N partitions (0: keep Spark's)")
    parser.add_argument("--base", default="https://w3id.org/newsgraph/", help="IRI base of newsgraph")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("newsgraph").getOrCreate()
    lines = spark.read.text(args.input).rdd.map(lambda row: row.value)
    lines = lines.filter(lambda line: line.strip() != "")
    if args.partitions > 0:
        lines = lines.repartition(args.partitions)
    binary_name, base = args.binary, args.base
    quads = lines.mapPartitions(lambda partition: extract_partition(partition, binary_name, base))
    quads.saveAsTextFile(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
