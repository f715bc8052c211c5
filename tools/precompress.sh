#!/usr/bin/env bash
# Writes .br and .gz copies beside every compressible file of a build, so servers
# and CDNs can send them without compressing on each request.
set -euo pipefail
find "$1" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
  -o -name '*.json' -o -name '*.svg' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli --force --best --keep "$f"
    gzip --force --best --keep "$f"
  done
