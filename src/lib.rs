//! The clinic column: a doctor-supervised web column, as a Leptos single-page app.
//!
//! Pure logic (content model, search, paths) compiles everywhere and is tested
//! natively; the browser app lives behind `target_arch = "wasm32"`.

pub mod content;
pub mod embed;
pub mod japan_map;
pub mod listing;
pub mod paths;
pub mod search;
pub mod share;
pub mod structured_data;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod base;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod navigation;
#[cfg(target_arch = "wasm32")]
pub mod pages;
