#!/usr/bin/env python3
"""Sort the entities `newsgraph eval --verbose` missed on the GUM news gold files by cause.

    newsgraph eval --verbose tests/fixtures/gum-news/*.gold.json | python3 scripts/gum/miss_causes.py

Reads the verbose report on stdin (its `missed entities`, `spurious entities` and `split
entities` lists) and the articles beside the gold files, and prints the count of each cause with
its examples. Python 3 standard library only. Causes, the first that applies:

- mistyped: a spurious node has one of the entity's names but another type
  (`Place "Twitter"` for the organisation Twitter);
- name boundaries: a spurious node's name contains one of the entity's names as whole words,
  or is contained in one ("Council on" for "Council on American - Islamic Relations");
- headline only: the article names it only in its headline, which newsgraph does not read for
  facts (by design);
- not found, in the lexicon: no node has any of its names, though a lexicon lists one;
- not found, unknown to the lexicon: no node has any of its names, and no lexicon lists one.

Split entities (found, but several nodes stand for them) and merged nodes are counted from the
`coreference` lists of the same report.
Last, the recall of the entities GUM links to a Wikipedia article (the issue's "linked
entities"), which the gold format cannot mark: `to_gold.convert` says which they are.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LEXICONS = ROOT / "data" / "lexicons"


def normalize(name: str) -> str:
    """newsgraph's name normalisation (`eval::predict::normalize_name`)."""
    name = re.sub(r"[.'’]", "", name.lower())
    words = re.findall(r"\w+", name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def lexicon_names() -> set[str]:
    """Every name and alias of the gazetteers (first two columns of their TSV files)."""
    names = set()
    for path in LEXICONS.glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            names.add(normalize(columns[0]))
            if len(columns) > 1:
                names.update(normalize(alias) for alias in columns[1].split("|") if alias)
    return names


def parse(report: str):
    """Per gold file: missed entities (type, names), spurious nodes (types, names), splits."""
    articles = {}
    current = None
    section = None
    for line in report.splitlines():
        if line.endswith(".gold.json"):
            current = articles.setdefault(line, {"missed": [], "spurious": [], "split": [], "merged": []})
            section = None
        elif line.startswith("overall"):
            current = None
        elif current is None:
            continue
        elif line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
        elif line.startswith("  - ") and section == "missed entities":
            match = re.match(r'  - (\w+) "(.*?)"(?: \(aliases: (.*)\))?$', line)
            if match:
                names = [match.group(2), *(match.group(3).split(", ") if match.group(3) else [])]
                current["missed"].append((match.group(1), names))
        elif line.startswith("  + ") and section == "spurious entities":
            match = re.match(r'  \+ (\S+) "(.*?)"(?: \(names: (.*?)\))? <', line)
            if match:
                names = [match.group(2), *(match.group(3).split(", ") if match.group(3) else [])]
                current["spurious"].append((match.group(1).split("|"), names))
        elif line.startswith("  * ") and section in ("split entities", "merged nodes"):
            current["split" if section == "split entities" else "merged"].append(line[4:])
    return articles


def contains(longer: str, shorter: str) -> bool:
    return longer != shorter and re.search(r"(?<!\w)" + re.escape(shorter) + r"(?!\w)", longer)


def main() -> int:
    articles = parse(sys.stdin.read())
    known = lexicon_names()
    causes = defaultdict(list)
    for gold_path, article in articles.items():
        text_path = Path(gold_path.replace(".gold.json", ".txt"))
        text = text_path.read_text(encoding="utf-8") if text_path.exists() else ""
        lines = [line for line in text.splitlines() if line.strip()]
        headline = normalize(lines[0]) if lines else ""
        body = normalize(" ".join(lines[1:]))
        doc = text_path.stem.removeprefix("GUM_news_")
        for kind, names in article["missed"]:
            wanted = [normalize(name) for name in names]
            example = f'{doc}: {kind} "{names[0]}"'
            mistyped = [
                (types, node) for types, node in article["spurious"]
                if {normalize(name) for name in node} & set(wanted) and kind not in types
            ]
            if mistyped:
                types, node = mistyped[0]
                causes["mistyped"].append(f'{example}, a node "{node[0]}" typed {"|".join(types)}')
                continue
            bounded = [
                node for _, node in article["spurious"]
                if any(contains(normalize(name), want) or contains(want, normalize(name))
                       for name in node for want in wanted)
            ]
            if bounded:
                causes["name boundaries"].append(f'{example}, a node "{bounded[0][0]}"')
                continue
            in_body = any(re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", body) for want in wanted)
            in_headline = any(re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", headline) for want in wanted)
            if in_headline and not in_body:
                causes["headline only"].append(example)
            elif set(wanted) & known:
                causes["not found, in the lexicon"].append(example)
            else:
                causes["not found, unknown to the lexicon"].append(example)
        for line in article["split"]:
            causes["split (found, several nodes)"].append(f"{doc}: {line}")
        for line in article["merged"]:
            causes["merged (one node, several entities)"].append(f"{doc}: {line}")
    total = sum(len(article["missed"]) for article in articles.values())
    print(f"missed entities: {total}")
    for cause, examples in causes.items():
        print(f"{cause}: {len(examples)}")
        for example in examples:
            print(f"  {example}")
    linked_recall(articles)
    return 0


def linked_recall(articles) -> None:
    """Found / all among the gold entities GUM links to Wikipedia, when the corpus is here."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import to_gold  # noqa: E402 (the converter beside this script)

    found = linked = 0
    for gold_path, article in articles.items():
        conllu = to_gold.DEFAULT_GUM / Path(gold_path).name.replace(".gold.json", ".conllu")
        if not conllu.exists():
            print(f"linked entities: {conllu} not found, not counted")
            return
        entities, _ = to_gold.convert(conllu)
        missed = {(kind, names[0]) for kind, names in article["missed"]}
        for entity in entities:
            if entity["linked"]:
                linked += 1
                found += (entity["type"], entity["name"]) not in missed
    print(f"linked entities found: {found}/{linked}")


if __name__ == "__main__":
    sys.exit(main())
