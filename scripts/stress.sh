#!/usr/bin/env bash
# Times `newsgraph extract` (release build, one process each) on the inputs of
# scripts/gen_stress.py and prints the README's "Limits" table: user CPU and peak memory.
# Usage: scripts/stress.sh [FILE...]   (default: every target/stress/*.txt, smallest first)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/stress ] || python3 scripts/gen_stress.py >/dev/null
cargo build --release --quiet
if [ "$#" -eq 0 ]; then
    mapfile -t files < <(ls -Sr target/stress/*.txt)
else
    files=("$@")
fi
echo "| input | bytes | user CPU | peak memory | exit |"
echo "|---|---|---|---|---|"
for file in "${files[@]}"; do
    status=0
    /usr/bin/time -f '%U %M' -o target/stress/.time \
        target/release/newsgraph extract "$file" -q >/dev/null 2>&1 || status=$?
    read -r user kb < <(tail -1 target/stress/.time)
    printf '| %s | %s | %s s | %s MB | %s |\n' "$(basename "$file")" "$(stat -c %s "$file")" \
        "$user" "$((kb / 1024))" "$status"
done
