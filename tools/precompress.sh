#!/usr/bin/env bash
# Writes .br and .gz copies beside every compressible file of a build, so servers
# and CDNs can send them without compressing on each request. Files go to each tool in
# batches, two at a time: a build of 10,000 articles has tens of thousands of files.
set -euo pipefail
files() {
  find "$1" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
    -o -name '*.json' -o -name '*.svg' -o -name '*.xml' -o -name '*.txt' -o -name '*.bin' \) -print0
}
files "$1" | xargs -0 -r -n 200 -P 2 brotli --force --best --keep
files "$1" | xargs -0 -r -n 200 -P 2 gzip --force --best --keep
