#!/usr/bin/env bash
# Opens an HTML report of `newsgraph extract --format html` in headless Chromium, takes a
# screenshot, and fails on any console message (a refused network load, a script error, a
# Content-Security-Policy violation: the report should log nothing) or when a part of the
# report is missing from the rendered page.
#
# Usage: scripts/check_html_report.sh REPORT.html [SCREENSHOT.png]
# Needs Chromium (Debian: apt-get install chromium). Loads nothing from the network: the
# report forbids it, and the flags below switch off Chromium's own background traffic.
set -euo pipefail

report=${1:?usage: scripts/check_html_report.sh REPORT.html [SCREENSHOT.png]}
screenshot=${2:-${report%.html}.png}
if [ ! -s "$report" ]; then
    echo "error: no report at $report" >&2
    exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "error: Chromium is not installed (Debian: apt-get install chromium)" >&2
    exit 2
fi
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
profile=$(mktemp -d)
log=$(mktemp)
dom=$(mktemp)
trap 'rm -rf "$profile" "$log" "$dom"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile" --enable-logging=stderr --log-level=0 --v=0)

# The screenshot, with the console on stderr.
timeout 120 "$browser" "${flags[@]}" --window-size=1400,2400 --screenshot="$screenshot" "$url" \
    2>"$log" >/dev/null || true
if [ ! -s "$screenshot" ]; then
    echo "error: Chromium wrote no screenshot of $report; its log:" >&2
    cat "$log" >&2
    exit 1
fi
# Chromium logs what the page writes to its console as `CONSOLE(line)` lines, and refused
# loads (network, Content-Security-Policy) as console errors too.
if grep -E 'CONSOLE|Refused to|net::ERR_|Uncaught' "$log" >&2; then
    echo "error: the page logged the console messages above" >&2
    exit 1
fi

# The rendered DOM must have every part of the report.
timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$dom" 2>/dev/null || true
missing=()
for part in '<section id="graph">' '<svg ' '<section id="article-1">' 'class="m k-' \
    '<section id="entities-1">' '<section id="facts-1">' '<table>' '<td>' \
    '<section id="diagnostics-1">'; do
    if ! grep -qF -- "$part" "$dom"; then
        missing+=("$part")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    printf 'error: the rendered report %s lacks: %s\n' "$report" "${missing[*]}" >&2
    exit 1
fi
n_mentions=$(grep -o 'class="m k-' "$dom" | wc -l)
n_rows=$(grep -o '<tr>' "$dom" | wc -l)
echo "ok: $report renders in Chromium with no console message: $n_mentions highlighted mentions, $((n_rows - 1)) fact rows, screenshot $screenshot"
