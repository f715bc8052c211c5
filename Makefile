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

.PHONY: help setup setup-test serve dist dist-subpath serve-dist test lint content-check \
        test-unit test-wasm test-e2e bench clean

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

# The release build, plus brotli and gzip copies that static hosts and nginx serve as-is.
dist: setup
	trunk build --release --public-url $(PUBLIC_URL) --dist dist
	@tools/precompress.sh dist

# The same build deployed under a sub-path, for the end-to-end tests.
dist-subpath: setup
	trunk build --release --public-url /column/ --dist target/dist-subpath
	@tools/precompress.sh target/dist-subpath

serve-dist: setup-test dist
	@echo "serving dist/ at http://127.0.0.1:$(PORT)$(PUBLIC_URL)"
	tools/nginx.sh dist $(PORT) $(PUBLIC_URL)

lint: setup
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --all-targets -- -D warnings

content-check: target/synthetic/index.json
	cargo run --quiet --bin content-check -- public/content
	cargo run --quiet --release --bin content-check -- --quiet target/synthetic

test-unit:
	cargo test --lib --bins --test content_check

test-wasm: export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/tools/webdriver.json
test-wasm: setup-test
	cargo test $(WASM) --test components

test-e2e: setup-test dist dist-subpath target/synthetic/index.json
	cargo test --test e2e -- --test-threads 2

# Every layer; the end-to-end run comes last so its summary closes the output.
test: setup-test lint content-check test-unit test-wasm test-e2e

# The 10,000-article sample set for scale tests and the benchmark (never served by default).
target/synthetic/index.json:
	cargo run --release --quiet --bin content-synth -- target/synthetic

# Speed and size figures, printed as tables.
bench: setup-test dist target/synthetic/index.json
	cargo test --test bench

clean:
	cargo clean
	rm -rf dist
