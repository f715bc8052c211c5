#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there.
#   tools/setup.sh build   Rust wasm target and standard library source, trunk, wasm-bindgen CLI, wasm-opt, terser, the
#                          Japanese font the share images are drawn with
#   tools/setup.sh test    all of the above, plus Chromium, ChromeDriver, nginx,
#                          brotli and the npm test tools (Lighthouse runs this
#                          Chromium; nothing downloads a browser)
# Everything comes from crates.io, npm or Debian's archive; nothing downloads a binary.
set -euo pipefail

profile=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$root/tools/node_modules/.bin:$cargo_bin:$PATH"

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$root/Cargo.lock")

say() { printf 'setup: %s\n' "$*"; }

# A registry can drop a connection now and then; a download is tried three times.
retry() {
  local n
  for n in 1 2 3; do
    "$@" && return 0
    [ "$n" = 3 ] && break
    say "failed (try $n of 3), trying again in $((n * 15)) s: $*"
    sleep $((n * 15))
  done
  return 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    retry as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive retry as_root apt-get install -y -qq --no-install-recommends "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  retry rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    retry rustup component add "$component"
  fi
done

# trunk builds offline, and the release wasm with a standard library of its own
# (Makefile, WASM_SIZE): the project's dependencies and that library's are fetched
# here, beforehand.
retry cargo fetch --quiet --manifest-path "$root/Cargo.toml"
retry env RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$root/Cargo.toml" \
  -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  retry cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  retry cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi
stamp="$root/tools/node_modules/.installed-from-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$root/tools/package-lock.json" "$stamp"; then
  say "installing npm tools (wasm-opt from binaryen, terser, axe-core, Lighthouse)"
  retry npm ci --prefix "$root/tools" --no-audit --no-fund --loglevel=error
  cp "$root/tools/package-lock.json" "$stamp"
fi

# The share images are drawn at build time with Noto Sans CJK JP.
if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]; then
  say "installing fonts-noto-cjk from Debian (share images)"
  apt_install fonts-noto-cjk
fi

if [ "$profile" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v nginx >/dev/null || missing+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from Debian: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
fi
say "ready ($profile)"
