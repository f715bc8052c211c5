//! The clinic column: a doctor-supervised web column, as a Leptos single-page app.
//!
//! Pure logic (content model, search, paths) compiles everywhere and is tested
//! natively; the browser app lives behind `target_arch = "wasm32"`.

pub mod content;
pub mod paths;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod base;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod pages;
