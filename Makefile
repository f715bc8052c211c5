# The project's commands. The first two are all a newcomer needs:
#   make serve   install what is missing, then serve the app for development
#   make test    install what is missing, then run every test layer
SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/tools/node_modules/.bin:$(CARGO_BIN):$(PATH)
# Build artefacts are reused between runs; only what changed is rebuilt.
export CARGO_TERM_COLOR ?= never

PUBLIC_URL ?= /
PORT ?= 8081
WASM := --target wasm32-unknown-unknown
# The native side (prerenderer, content tools, unit tests) is built once, with `ssr`.
NATIVE := --features ssr
# The site's origin for canonical URLs, share images, the sitemap and the feed: set
# SITE_ORIGIN for a real deployment (or `origin` in site.json). Local builds and tests
# use a placeholder.
test test-e2e dist-subpath dist-synthetic bench: export SITE_ORIGIN ?= https://clinic.example
serve-dist: export SITE_ORIGIN ?= http://127.0.0.1:$(PORT)

.PHONY: help setup setup-test serve dist dist-subpath dist-synthetic serve-dist test lint content-check \
        test-unit test-wasm test-e2e bench map-outline clean

help:
	@echo "make serve        install what is missing, serve the app at http://127.0.0.1:8080/"
	@echo "make test         install what is missing, run every test layer"
	@echo "make dist         release build into dist/ (PUBLIC_URL=/column/ for a sub-path)"
	@echo "make serve-dist   serve the release build with nginx at http://127.0.0.1:$(PORT)/"

setup:
	@tools/setup.sh build

setup-test:
	@tools/setup.sh test

serve: setup
	trunk serve --address 127.0.0.1

# The release build: the hydrating wasm, every page prerendered beside it, and brotli
# and gzip copies that static hosts and nginx serve as-is.
dist: setup
	$(call release,dist,$(PUBLIC_URL))

# The same build deployed under a sub-path, for the end-to-end tests.
dist-subpath: setup
	$(call release,target/dist-subpath,/column/)

# The release build on the 10,000-article sample set: the same build with the sample
# content in place of public/content (for the benchmark; never deployed).
dist-synthetic: setup target/synthetic/index.json
	$(call release,target/dist-synthetic,/,target/synthetic)

# The release wasm is built with a standard library of its own (rust-src), cut for size:
# a panic stops the module at once, without a message (index.html tells the reader),
# and panic locations and `{:?}` output are left out. About 23 KB brotli less. These
# are unstable compiler settings, allowed on this stable toolchain by RUSTC_BOOTSTRAP;
# the rustflags repeat .cargo/config.toml's, which a target's rustflags replace.
WASM_SIZE := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"

# $(call release,DIR,PUBLIC_URL[,CONTENT]): CONTENT replaces the bundled content.
# The embed views and the embed-code page are bundles of their own
# (src/bin/embed-views.rs, src/bin/embed-code.rs): trunk builds each from a copy of
# index.html naming its binary, and that page becomes the prerenderer's template for
# its pages. Then the names each module imports from its glue are shortened
# (tools/shorten-imports.mjs), and the glue is minified with terser (trunk's own
# minifier would also strip the prerenderer's markers from index.html).
OTHER_BUNDLES := embed-views embed-code
define release
	$(WASM_SIZE) trunk build --release --features hydrate --public-url $(2) --dist $(1)
	@for bin in $(OTHER_BUNDLES); do out=target/bundle-$$bin-$(notdir $(1)); \
	  sed "s/data-bin=\"clinic-column\"/data-bin=\"$$bin\"/" index.html > .bundle-$$bin-$(notdir $(1)).html \
	  && echo "trunk build ($$bin)" \
	  && $(WASM_SIZE) trunk build .bundle-$$bin-$(notdir $(1)).html --release --features hydrate --public-url $(2) --dist $$out \
	  && cp $$out/$$bin-* $(1)/ && cp $$out/index.html $(1)/.template-$$bin.html \
	  && rm -rf $$out .bundle-$$bin-$(notdir $(1)).html || exit 1; done
	@for wasm in $(1)/*_bg.wasm; do js="$${wasm%_bg.wasm}.js"; \
	  node tools/shorten-imports.mjs "$$wasm" "$$js" \
	  && terser "$$js" --module --compress --mangle --output "$$js.min" && mv "$$js.min" "$$js" || exit 1; done
	$(if $(3),rm -rf $(1)/content && cp -r $(3) $(1)/content && rm -f $(1)/content/.content-synth)
	cargo run --quiet $(NATIVE) --bin prerender -- $(1)
	@tools/precompress.sh $(1)
endef

serve-dist: setup-test dist
	@echo "serving dist/ at http://127.0.0.1:$(PORT)$(PUBLIC_URL)"
	tools/nginx.sh dist $(PORT) $(PUBLIC_URL)

# The clinic map's coastline, regenerated from Natural Earth (npm world-atlas).
map-outline: setup
	cargo run --quiet $(NATIVE) --bin map-outline -- tools/node_modules/world-atlas/countries-50m.json src/japan_map_outline.rs

lint: setup
	cargo fmt --all -- --check
	cargo clippy $(NATIVE) --all-targets -- -D warnings
	cargo clippy $(WASM) --features csr --lib --bins -- -D warnings
	cargo clippy $(WASM) --features hydrate --all-targets -- -D warnings

content-check: target/synthetic/index.json
	cargo run --quiet $(NATIVE) --bin content-check -- public/content
	cargo run --quiet $(NATIVE) --bin content-check -- --quiet target/synthetic

test-unit:
	cargo test $(NATIVE) --lib --bins --test content_check

test-wasm: export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/tools/webdriver.json
test-wasm: setup-test
	cargo test $(WASM) --features hydrate --test components

test-e2e: setup-test dist dist-subpath target/synthetic/index.json
	cargo test $(NATIVE) --test e2e -- --test-threads 2

# Every layer; the end-to-end run comes last so its summary closes the output.
test: setup-test lint content-check test-unit test-wasm test-e2e

# The 10,000-article sample set for scale tests and the benchmark (never served by default).
target/synthetic/index.json:
	cargo run --quiet $(NATIVE) --bin content-synth -- target/synthetic

# Speed and size figures and Lighthouse scores (tools/lighthouse.mjs), printed as tables.
# The release build of the sample set is timed here; the benchmark prints the time.
bench: setup-test dist target/synthetic/index.json
	@command -v twiggy >/dev/null || cargo install --locked twiggy
	@start=$$(date +%s.%N); $(MAKE) --no-print-directory dist-synthetic > target/dist-synthetic.log 2>&1 \
	  || { cat target/dist-synthetic.log; exit 1; }; \
	  awk -v s=$$start -v e=$$(date +%s.%N) 'BEGIN { printf "%.1f\n", e - s }' > target/dist-synthetic.seconds
	cargo test $(NATIVE) --test bench

clean:
	cargo clean
	rm -rf dist
