#!/usr/bin/env bash
# spaCy against `newsgraph parse`, tokens per second per core, on the same texts (see speed_cli.py).
#   scripts/spacy/speed_cli.sh [TEXTS.jsonl|DIR] [REPEAT]    default: tests/syntax/texts/en_pud-test.jsonl, 3
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/spacy/venv.sh
cargo build --release --quiet
taskset -c 0 target/spacy-venv/bin/python scripts/spacy/speed_cli.py target/release/newsgraph \
    "${1:-tests/syntax/texts/en_pud-test.jsonl}" "${2:-3}"
