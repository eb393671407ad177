#!/usr/bin/env bash
# Rewrites tests/syntax/reference.jsonl and layers.json with spaCy 3.8's own analysis, and
# data/models/en_core_web_sm-3.8.0/ with the exported model (export.sh). Needs PyPI (or pip's
# cache) once; makes its virtual environment in target/spacy-venv.
#   scripts/spacy/reference.sh [UD.conllu...]   CoNLL-U files to take texts from (see reference.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/spacy/venv.sh
target/spacy-venv/bin/python scripts/spacy/reference.py . tests/syntax "$@"
