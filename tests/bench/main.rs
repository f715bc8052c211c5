//! `make bench`: prints how fast the release build is for a reader, as medians in
//! headless Chromium with the CPU slowed 4×, how many bytes it ships, and Lighthouse's
//! figures and scores per view beside a plain static copy of the article. Figures,
//! not assertions: timings vary from machine to machine.
//!
//! Needs `dist/`, the synthetic 10,000-article set in `target/synthetic` (the
//! Makefile's `bench` target builds both) and Lighthouse from `tools/` (`tools/setup.sh
//! test` installs it).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[cfg(not(target_arch = "wasm32"))]
mod lighthouse;
#[cfg(not(target_arch = "wasm32"))]
mod run;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    run::main()
}

// Nothing to measure when the test targets are checked for the browser build.
#[cfg(target_arch = "wasm32")]
fn main() {}
