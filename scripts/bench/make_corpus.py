"""Generates a corpus of a given size from seed articles: copies with changed names and numbers.

Copy k of an article has every digit shifted by k (mod 10) and every given name of
data/lexicons/given_names.tsv replaced by the name k places further in that list, so each copy
is a different text (a different document IRI) that reads like news. Writes JSON Lines
({"id", "text"}) or, with --text-dir, one .txt file per article.

    python3 scripts/bench/make_corpus.py --megabytes 100 --out target/corpus-100mb.jsonl tests/articles/*.txt
"""

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def given_names():
    names = []
    for line in (ROOT / "data/lexicons/given_names.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            names.append(line.split("\t")[0])
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="+")
    parser.add_argument("--megabytes", type=float, required=True, help="stop once this many MB of text are written")
    parser.add_argument("--out", help="JSON Lines output file (default: stdout)")
    parser.add_argument("--text-dir", help="write one .txt file per article into this directory instead")
    args = parser.parse_args()

    names = given_names()
    index = {name: position for position, name in enumerate(names)}
    pattern = re.compile(r"\b[A-Z][a-z]+\b")

    def rename(match, copy):
        position = index.get(match.group(0))
        return match.group(0) if position is None else names[(position + copy) % len(names)]

    seeds = [(pathlib.Path(path).stem, pathlib.Path(path).read_text(encoding="utf-8")) for path in args.articles]
    target = int(args.megabytes * 1e6)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    text_dir = pathlib.Path(args.text_dir) if args.text_dir else None
    if text_dir:
        text_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    copy = 0
    count = 0
    while written < target:
        digits = str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10)))
        for stem, text in seeds:
            if written >= target:
                break
            changed = pattern.sub(lambda match: rename(match, copy), text) if copy else text
            changed = changed.translate(digits)
            identifier = f"{stem}-{copy}"
            if text_dir:
                (text_dir / f"{identifier}.txt").write_text(changed, encoding="utf-8")
            else:
                out.write(json.dumps({"id": identifier, "text": changed}, ensure_ascii=False) + "\n")
            written += len(changed.encode("utf-8"))
            count += 1
        copy += 1
    print(f"{count} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
