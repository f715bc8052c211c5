//! End-to-end tests: the release build served by nginx on loopback, driven in headless
//! Chromium. Run by `make test` (which builds `dist/` first).
#![cfg(not(target_arch = "wasm32"))]

mod article;
mod clinics;
mod column_list;
mod compliance;
mod data_layer;
mod embed;
mod faq;
mod foundation;
mod harness;
mod prerender;
mod scale;
mod screenshots;
