#!/usr/bin/env python3
"""Writes the adversarial and oversized inputs of issue 15 (the README's "Limits" table).

Usage: scripts/gen_stress.py [OUTDIR]   (default target/stress)

Files (deterministic, no randomness):
  news-0.1mb.txt news-1mb.txt news-5mb.txt news-9mb.txt
      the articles of tests/articles and data/articles, joined with blank lines and repeated
      until the size is reached: real news as one article
  nopunct-0.1mb.txt nopunct-1mb.txt
      the same words, lowercase, without any punctuation or line break: one endless sentence
  caps-100k.txt       100,000 capitalised words in a row
  he-said-100k.txt    "He said." 100,000 times
  quotes-50k.txt      50,000 opening quotation marks of mixed kinds
Then time each with scripts/stress.sh.
"""
import os
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "target" / "stress"
out.mkdir(parents=True, exist_ok=True)

sources = sorted((root / "tests" / "articles").glob("*.txt")) + sorted(
    (root / "data" / "articles").glob("*.txt")
)
news = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sources) + "\n\n"


def repeat_to(text: str, size: int) -> str:
    reps = size // len(text.encode("utf-8")) + 1
    data = (text * reps).encode("utf-8")[:size]
    # Cut at the last paragraph break so the file ends cleanly and stays valid UTF-8.
    cut = data.rfind(b"\n\n")
    return data[: cut if cut > 0 else size].decode("utf-8", "ignore") + "\n"


MB = 1_000_000
for name, size in [("0.1mb", MB // 10), ("1mb", MB), ("5mb", 5 * MB), ("9mb", 9 * MB)]:
    (out / f"news-{name}.txt").write_text(repeat_to(news, size), encoding="utf-8")

words = re.sub(r"[^a-z0-9 ]+", " ", news.lower())
words = re.sub(r" +", " ", words).strip() + " "
for name, size in [("0.1mb", MB // 10), ("1mb", MB)]:
    text = repeat_to(words, size).replace("\n", " ").strip() + "\n"
    (out / f"nopunct-{name}.txt").write_text(text, encoding="utf-8")

capitals = [w.capitalize() for w in words.split() if w.isalpha()]
caps = " ".join(capitals[i % len(capitals)] for i in range(100_000)) + "\n"
(out / "caps-100k.txt").write_text(caps, encoding="utf-8")

(out / "he-said-100k.txt").write_text("He said. " * 100_000 + "\n", encoding="utf-8")

marks = ['"', "\u201c", "\u2018", "\u00ab", "'", "\u201e", "\u2039", "\u300c"]
quotes = " ".join(marks[i % len(marks)] + "word" for i in range(50_000)) + "\n"
(out / "quotes-50k.txt").write_text(quotes, encoding="utf-8")

for path in sorted(out.glob("*.txt")):
    print(f"{path.stat().st_size:>10}  {path}")
