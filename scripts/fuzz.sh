#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS each (default 60), one after the other, in one
# process each, from the committed seeds (fuzz/seeds/) and dictionaries (fuzz/dicts/).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain (AddressSanitizer);
# without nightly it runs on stable with `--sanitizer none`. A finding stops the run with a
# non-zero exit and leaves the input in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(article extract export sparql)
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    fuzz=(cargo +nightly fuzz run)
else
    fuzz=(cargo fuzz run --sanitizer none)
fi
for target in "${targets[@]}"; do
    case "$target" in
        sparql) seeds=seeds/sparql dict=dicts/sparql.dict ;;
        *) seeds=seeds/article dict=dicts/article.dict ;;
    esac
    mkdir -p "corpus/$target"
    echo "==> fuzz $target for ${seconds}s"
    # The working corpus first (new inputs go there), then the committed seeds.
    "${fuzz[@]}" "$target" "corpus/$target" "$seeds" -- \
        -max_total_time="$seconds" -dict="$dict" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1
done
