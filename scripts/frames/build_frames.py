"""Builds data/frames/propbank.tsv: predicates (verbs and event nouns) of the ontology's event classes.

Input: a checkout of PropBank's frame files (https://github.com/propbank/propbank-frames, CC BY-SA 4.0)
and data/frames/classes.tsv (which FrameNet frames each ontology class stands for). For every roleset
linked to one of those frames, the roleset's verb and its nominal aliases become rows.
Usage: python3 scripts/frames/build_frames.py PROPBANK_CHECKOUT > data/frames/propbank.tsv
"""

import glob
import os
import sys
import xml.etree.ElementTree as ET

MIN_CONFIDENCE = 0.8


def read_classes(path):
    classes = []
    for line in open(path, encoding="utf8"):
        if line.startswith("#") or line.startswith("class\t") or not line.strip():
            continue
        name, frames, arg0, arg1, arg2 = line.rstrip("\n").split("\t")
        classes.append((name, frames.split(","), {"0": arg0, "1": arg1, "2": arg2}))
    return classes


def main():
    checkout = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    classes = read_classes(os.path.join(here, "../../data/frames/classes.tsv"))
    by_frame = {}
    for name, frames, args in classes:
        for frame in frames:
            by_frame.setdefault(frame, []).append((name, args))
    rows = set()
    for path in sorted(glob.glob(os.path.join(checkout, "frames", "*.xml"))):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        for roleset in root.iter("roleset"):
            linked = []
            for link in roleset.iter("lexlink"):
                if link.get("resource") != "FrameNet":
                    continue
                if float(link.get("confidence", "0")) < MIN_CONFIDENCE:
                    continue
                linked.extend(by_frame.get(link.get("class"), []))
            if not linked:
                continue
            numbered = {role.get("n") for role in roleset.iter("role")}
            lemmas = set()
            for alias in roleset.iter("alias"):
                pos = alias.get("pos")
                if pos in ("v", "n") and alias.text and " " not in alias.text.strip() and "_" not in alias.text:
                    lemmas.add((alias.text.strip().lower(), "verb" if pos == "v" else "noun"))
            for name, args in linked:
                roles = " ".join(f"arg{n}={args[n]}" for n in ("0", "1", "2") if n in numbered and args[n] != "-")
                for lemma, pos in lemmas:
                    rows.add((lemma, pos, name, roleset.get("id"), roles))
    print("# Predicates of the ontology's event classes, from PropBank 3.4 frames (CC BY-SA 4.0) linked to FrameNet 1.7")
    print("# frames (data/frames/classes.tsv). Made by scripts/frames/build_frames.py; do not edit by hand: add rows to")
    print("# data/frames/frames.tsv or a --frames file instead.")
    print("lemma\tpos\tclass\troleset\troles")
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main()
