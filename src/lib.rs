//! The clinic column: a doctor-supervised web column, as a Leptos single-page app.
//!
//! Everything compiles on every side. The features say what runs where: `csr` for
//! development (`trunk serve`), `hydrate` for the release wasm, `ssr` for the native
//! prerenderer. Pure logic (content model, search, paths, structured data) has no
//! browser types; browser-only services live in [`browser`], file reading in the data
//! layer's disk source.

#![recursion_limit = "256"]

pub mod content;
pub mod discovery;
pub mod embed;
pub mod japan_map;
pub mod listing;
pub mod markup;
pub mod paths;
pub mod phrases;
mod phrases_model;
pub mod search;
pub mod search_index;
pub mod share;
pub mod structured_data;

pub mod app;
pub mod base;
pub mod browser;
pub mod components;
pub mod data;
pub mod hydration;
pub mod navigation;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "ssr")]
pub mod share_image;
#[cfg(any(feature = "csr", feature = "hydrate"))]
pub mod start;
