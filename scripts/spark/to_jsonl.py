"""Writes text articles as JSON Lines records for newsgraph: {"id": FILE STEM, "text": ...}.

    python3 scripts/spark/to_jsonl.py tests/articles/*.txt > corpus.jsonl
"""

import json
import pathlib
import sys

for name in sys.argv[1:]:
    path = pathlib.Path(name)
    record = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
