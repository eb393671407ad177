#!/usr/bin/env bash
# Exports spaCy's en_core_web_sm 3.8.0 into data/models/en_core_web_sm-3.8.0/ (see export_model.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/spacy/venv.sh
target/spacy-venv/bin/python scripts/spacy/export_model.py data/models/en_core_web_sm-3.8.0 \
    ../shared/models/en_core_web_sm-3.8.0.official-meta.json
