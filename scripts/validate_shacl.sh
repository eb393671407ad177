#!/usr/bin/env bash
# Validates newsgraph's RDF output with tools that share no code with it.
#
# For the bundled article (the default input) and every article under data/articles/ and
# tests/articles/ (if that directory exists), this script:
#   1. writes the graph in Turtle, N-Triples, N-Quads, TriG and JSON-LD under target/validate/;
#   2. validates the Turtle against ontology/shapes.ttl with pySHACL (RDFS inference over
#      ontology/newsgraph.ttl) and fails on any non-conformance;
#   3. parses every format with rdflib (N-Quads, TriG and JSON-LD into an rdflib.Dataset) and
#      fails if a file does not parse, is empty, or if a format's default graph does not have
#      as many triples as the N-Triples file.
#
# pySHACL and rdflib are installed, at pinned versions, into a virtual environment in
# target/shacl-venv (override with NEWSGRAPH_VENV); it is reused when the versions match.
# Needs python3 with the venv module (Debian/Ubuntu: python3-venv); .ci/run installs it.
set -euo pipefail

cd "$(dirname "$0")/.."

# The versions this script was written and checked against.
PYSHACL_VERSION=0.40.1
RDFLIB_VERSION=7.6.0

venv=${NEWSGRAPH_VENV:-target/shacl-venv}
out=target/validate

step() { printf '\n==> %s\n' "$*"; }

step "python environment ($venv: pyshacl $PYSHACL_VERSION, rdflib $RDFLIB_VERSION)"
if ! "$venv/bin/python" -c "
import importlib.metadata as m, sys
sys.exit(0 if (m.version('pyshacl'), m.version('rdflib')) == ('$PYSHACL_VERSION', '$RDFLIB_VERSION') else 1)
" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "pyshacl==$PYSHACL_VERSION" "rdflib==$RDFLIB_VERSION"
fi
python=$venv/bin/python
pyshacl=$venv/bin/pyshacl

step "extract"
mkdir -p "$out"
cargo build --release -q
# The bundled article first (no PATH argument), then every article file.
articles=("")
for dir in data/articles tests/articles; do
    if [ -d "$dir" ]; then
        for file in "$dir"/*.txt; do
            [ -e "$file" ] && articles+=("$file")
        done
    fi
done

names=()
for article in "${articles[@]}"; do
    if [ -z "$article" ]; then
        name=demo
        input=()
    else
        name=$(basename "$(dirname "$article")")-$(basename "$article" .txt)
        input=("$article")
    fi
    names+=("$name")
    for format in turtle ntriples nquads trig jsonld; do
        case $format in
            turtle) ext=ttl ;;
            ntriples) ext=nt ;;
            nquads) ext=nq ;;
            trig) ext=trig ;;
            jsonld) ext=jsonld ;;
        esac
        cargo run --release -q -- extract "${input[@]}" --format "$format" -q -o "$out/$name.$ext"
    done
    # The demo's Turtle also goes where the README and CI point to.
    if [ "$name" = demo ]; then
        cp "$out/demo.ttl" target/demo.ttl
    fi
    echo "${article:-(bundled article)} -> $out/$name.{ttl,nt,nq,trig,jsonld}"
done

failed=0

step "SHACL: pyshacl -s ontology/shapes.ttl -e ontology/newsgraph.ttl -i rdfs"
for name in "${names[@]}"; do
    if "$pyshacl" -s ontology/shapes.ttl -e ontology/newsgraph.ttl -i rdfs -f human \
        "$out/$name.ttl" >"$out/$name.shacl.txt" 2>&1; then
        echo "ok      $out/$name.ttl conforms"
    else
        echo "FAILED  $out/$name.ttl does not conform:"
        cat "$out/$name.shacl.txt"
        failed=1
    fi
done

step "rdflib: parse every format"
for name in "${names[@]}"; do
    if ! "$python" -c '
import sys
import rdflib

prefix = sys.argv[1]
failed = False
expected = None
# (extension, rdflib format, whether the syntax carries named graphs)
for ext, fmt, quads in [
    ("nt", "nt", False),
    ("ttl", "turtle", False),
    ("nq", "nquads", True),
    ("trig", "trig", True),
    ("jsonld", "json-ld", True),
]:
    path = f"{prefix}.{ext}"
    try:
        if quads:
            dataset = rdflib.Dataset()
            dataset.parse(path, format=fmt)
            default = len(dataset.default_graph)
            named = [g for g in dataset.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID]
            detail = f"{default} triples in the default graph, {len(named)} named graphs, {sum(len(g) for g in named)} triples in them"
        else:
            graph = rdflib.Graph()
            graph.parse(path, format=fmt)
            default = len(graph)
            detail = f"{default} triples"
    except Exception as error:  # Any parse error fails the check, whatever its type.
        print(f"FAILED  {path}: {type(error).__name__}: {error}")
        failed = True
        continue
    if expected is None:
        expected = default
    if default == 0:
        print(f"FAILED  {path}: no triples")
        failed = True
    elif default != expected:
        print(f"FAILED  {path}: {detail}; the N-Triples file has {expected}")
        failed = True
    else:
        print(f"ok      {path}: {detail}")
sys.exit(1 if failed else 0)
' "$out/$name"; then
        failed=1
    fi
done

if [ "$failed" -ne 0 ]; then
    printf '\nvalidate_shacl: FAILED (see above)\n' >&2
    exit 1
fi
step "ok"
