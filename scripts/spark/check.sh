#!/usr/bin/env bash
# Runs newsgraph on Apache Spark in local mode (local[2]) over the development corpus and
# checks that the set of quads equals that of a single-machine `newsgraph extract` run.
#
# Needs a Java runtime (Debian: default-jre-headless) and python3 with venv; installs a pinned
# PySpark into target/spark-venv. Uses target/release/newsgraph (built if missing).
# The corpus: tests/articles/*.txt and, when present, ../shared/corpora/gum-news/*.txt.
set -euo pipefail

cd "$(dirname "$0")/../.."

PYSPARK_VERSION=4.0.1
venv=target/spark-venv
work=target/spark-check
binary=target/release/newsgraph

if ! command -v java >/dev/null 2>&1; then
    echo "error: no java on PATH; install a Java runtime (apt-get install default-jre-headless)" >&2
    exit 2
fi
if [ ! -x "$venv/bin/spark-submit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==${PYSPARK_VERSION}"
fi
[ -x "$binary" ] || cargo build --release

rm -rf "$work"
mkdir -p "$work"
articles=(tests/articles/*.txt)
if [ -d ../shared/corpora/gum-news ]; then
    articles+=(../shared/corpora/gum-news/*.txt)
fi
python3 scripts/spark/to_jsonl.py "${articles[@]}" > "$work/corpus.jsonl"
echo "corpus: ${#articles[@]} articles, $(wc -c < "$work/corpus.jsonl") bytes of JSON Lines"

# One machine: one stream of N-Quads.
status=0
"$binary" extract --input jsonl --quiet "$work/corpus.jsonl" > "$work/single.nq" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "error: newsgraph extract failed with status $status" >&2
    exit 2
fi

# Spark, two local cores, four partitions, the binary shipped with --files.
export PYSPARK_PYTHON="$PWD/$venv/bin/python"
started=$(date +%s)
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
    --driver-java-options '-Dlog4j.rootLogger=WARN' \
    --files "$binary" scripts/spark/newsgraph_spark.py \
    --input "$work/corpus.jsonl" --output "$work/spark-out" --partitions 4 \
    2> "$work/spark.log" || { tail -40 "$work/spark.log" >&2; exit 2; }
echo "spark-submit --master local[2]: $(( $(date +%s) - started )) s"

LC_ALL=C sort -u "$work/single.nq" > "$work/single.sorted"
cat "$work"/spark-out/part-* | LC_ALL=C sort -u > "$work/spark.sorted"
single=$(wc -l < "$work/single.sorted")
spark=$(wc -l < "$work/spark.sorted")
if ! cmp -s "$work/single.sorted" "$work/spark.sorted"; then
    echo "error: Spark wrote $spark distinct quads, one machine $single; they differ:" >&2
    diff "$work/single.sorted" "$work/spark.sorted" | head -20 >&2
    exit 1
fi
echo "ok: Spark and one machine wrote the same $single distinct quads"
