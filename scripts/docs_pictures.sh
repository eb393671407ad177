#!/usr/bin/env bash
# Remakes the pictures of the README from the bundled sample article:
#   docs/story-beslan.svg   the story view (`extract --format dot`) rendered by Graphviz
#   docs/report-beslan.html the HTML report (`extract --format html`)
#   docs/report-beslan.png  a screenshot of that report in headless Chromium
# Needs Graphviz (`dot`) and Chromium (Debian: apt-get install graphviz chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs target
cargo run -q -- extract -q --format dot -o target/story.dot
# Graphviz writes a generator comment with its version; the rest is the picture.
dot -Tsvg target/story.dot -o docs/story-beslan.svg
cargo run -q -- extract -q --format html -o docs/report-beslan.html
scripts/check_html_report.sh docs/report-beslan.html docs/report-beslan.png
