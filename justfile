# Tasks for newsgraph; `just ci` runs the same checks as .ci/run.

# List the tasks.
default:
    @just --list

# Everything CI runs, installing graphviz/python3-venv/rustfmt/clippy if missing.
ci:
    .ci/run

# Check formatting.
fmt:
    cargo fmt --check

# Lint every target; warnings are errors.
clippy:
    cargo clippy --all-targets -- -D warnings

# Unit, integration, golden, CLI and doc tests.
test:
    cargo test

# The API docs, warnings as errors (target/doc/newsgraph/index.html).
doc:
    RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

# Validate every article's Turtle with pySHACL and parse every RDF format with rdflib.
validate:
    scripts/validate_shacl.sh

# Start a real triple store (Oxigraph server; TRIPLESTORE=virtuoso for Virtuoso), load every article, compare with in-process results, stop it.
triplestore:
    scripts/triplestore.sh ci

# Run newsgraph on Apache Spark (local[2]) over the development corpus; compare with one machine.
spark:
    scripts/spark/check.sh

# Fuzz every target (or the ones named) for SECONDS each from fuzz/seeds (needs cargo-fuzz).
fuzz SECONDS="60" *TARGETS:
    scripts/fuzz.sh {{SECONDS}} {{TARGETS}}

# Rewrite the golden files under tests/golden/ from the current output.
golden:
    UPDATE_GOLDEN=1 cargo test --test golden

# Render the bundled article's graph to target/graph.svg with Graphviz.
render:
    mkdir -p target
    cargo run --release -- extract --format dot -o target/graph.dot
    dot -Tsvg target/graph.dot -o target/graph.svg

# Run the benchmarks (pipeline throughput and each export format).
bench:
    cargo bench

# Extract the bundled article as Turtle.
run *ARGS:
    cargo run --release -- {{ARGS}}
