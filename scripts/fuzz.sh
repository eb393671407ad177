#!/usr/bin/env bash
# Runs fuzz targets of fuzz/ for SECONDS each (default 60), one after the other, in one process
# each, from the committed seeds (fuzz/seeds/) and dictionaries (fuzz/dicts/).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (no TARGET: all six)
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). NEWSGRAPH_FUZZ_TOOLCHAIN picks the build:
#   nightly  nightly toolchain with AddressSanitizer (the default when nightly is installed);
#   stable   the default toolchain with `--sanitizer none` (the default otherwise; what CI runs).
# NEWSGRAPH_FUZZ_ARGS adds libFuzzer options (e.g. "-max_len=2048"; a later option wins).
# A finding stops the run with a non-zero exit and leaves the input in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(article records sparql syntax extract export)
toolchain="${NEWSGRAPH_FUZZ_TOOLCHAIN:-}"
if [ -z "$toolchain" ]; then
    if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then toolchain=nightly; else toolchain=stable; fi
fi
case "$toolchain" in
    nightly) fuzz=(cargo +nightly fuzz run) ;;
    # cargo-fuzz passes no -Z flag without a sanitizer, so the stable toolchain builds it as is.
    stable) fuzz=(cargo fuzz run --sanitizer none) ;;
    *) echo "NEWSGRAPH_FUZZ_TOOLCHAIN must be nightly or stable, not $toolchain" >&2; exit 2 ;;
esac
read -r -a extra <<<"${NEWSGRAPH_FUZZ_ARGS:-}"
for target in "${targets[@]}"; do
    case "$target" in
        article) seeds=seeds/article dict=dicts/article.dict max_len=8192 ;;
        records) seeds=seeds/records dict=dicts/records.dict max_len=8192 ;;
        sparql) seeds=seeds/sparql dict=dicts/sparql.dict max_len=8192 ;;
        # The targets that parse with the neural net read the articles, cut to 2 KB: the cost of
        # a run grows with its length, and a few sentences reach what a whole article does.
        syntax | extract | export) seeds=seeds/article dict=dicts/article.dict max_len=2048 ;;
        *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
    esac
    mkdir -p "corpus/$target"
    echo "==> fuzz $target for ${seconds}s ($toolchain)"
    # The working corpus first (new inputs go there), then the committed seeds.
    "${fuzz[@]}" "$target" "corpus/$target" "$seeds" -- \
        -max_total_time="$seconds" -dict="$dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${extra[@]}"
done
