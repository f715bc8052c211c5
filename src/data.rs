//! The data layer: the only code that knows where content lives and how it arrives.
//!
//! Views ask for typed content (`site()`, `index()`, `article(slug)`, …) and get either
//! the value or a [`LoadError`] they can show with a retry. Successful loads are cached
//! for the life of the page, so a revisited view does not fetch again; a fetch whose
//! view has gone is aborted.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use crate::content::{files, Article, Clinics, Faq, Index, Site};
use crate::listing::{self, Searchable};
use crate::{base, paths};

/// Why content could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with an error status (404 for an unknown article).
    Http { url: String, status: u16 },
    /// No answer: offline, refused, or aborted.
    Network { url: String, message: String },
    /// The file is not JSON.
    Malformed { url: String, message: String },
    /// The file is JSON, but not of the expected shape.
    Shape { url: String, message: String },
}

impl LoadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, LoadError::Http { status: 404, .. })
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Network { url, message } => write!(f, "{url}: network error: {message}"),
            LoadError::Malformed { url, message } => write!(f, "{url}: not valid JSON: {message}"),
            LoadError::Shape { url, message } => write!(f, "{url}: unexpected content: {message}"),
        }
    }
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Arc<dyn Any + Send + Sync>>> = RefCell::new(HashMap::new());
}

fn cached<T: Send + Sync + 'static>(key: &str) -> Option<Arc<T>> {
    let hit = CACHE.with(|c| c.borrow().get(key).cloned())?;
    hit.downcast::<T>().ok()
}

fn remember<T: Send + Sync + 'static>(key: String, value: T) -> Arc<T> {
    let value = Arc::new(value);
    CACHE.with(|c| c.borrow_mut().insert(key, value.clone()));
    value
}

async fn load<T: DeserializeOwned + Send + Sync + 'static>(
    file: String,
) -> Result<Arc<T>, LoadError> {
    let url = paths::content_url(base::router_base(), &file);
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let value: T = fetch(&url).await?;
    Ok(remember(url, value))
}

async fn fetch<T: DeserializeOwned>(url: &str) -> Result<T, LoadError> {
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    // Abort the request if the view that asked for it goes away first.
    Owner::on_cleanup(move || {
        if let Some(c) = controller.take() {
            c.abort();
        }
    });
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        message: e.to_string(),
    };
    let resp = gloo_net::http::Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(network)?;
    if !resp.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: resp.status(),
        });
    }
    let text = resp.text().await.map_err(network)?;
    parse(url, &text)
}

/// Parses in two steps so broken JSON and JSON of the wrong shape are told apart.
pub fn parse<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, LoadError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::Malformed {
            url: url.to_string(),
            message: e.to_string(),
        })?;
    T::deserialize(value).map_err(|e| LoadError::Shape {
        url: url.to_string(),
        message: e.to_string(),
    })
}

pub async fn site() -> Result<Arc<Site>, LoadError> {
    load(files::SITE.to_string()).await
}

pub async fn index() -> Result<Arc<Index>, LoadError> {
    load(files::INDEX.to_string()).await
}

/// The index prepared for searching, built once per page load.
pub async fn search_index() -> Result<Arc<Vec<Searchable>>, LoadError> {
    const KEY: &str = "search-index";
    if let Some(hit) = cached(KEY) {
        return Ok(hit);
    }
    let index = index().await?;
    Ok(remember(
        KEY.to_string(),
        listing::searchable(&index.articles),
    ))
}

pub async fn clinics() -> Result<Arc<Clinics>, LoadError> {
    load(files::CLINICS.to_string()).await
}

pub async fn faq() -> Result<Arc<Faq>, LoadError> {
    load(files::FAQ.to_string()).await
}

/// One article. An unknown or malformed slug is a 404, never a request for another file.
pub async fn article(slug: String) -> Result<Arc<Article>, LoadError> {
    if !crate::content::is_slug(&slug) {
        return Err(LoadError::Http {
            url: slug,
            status: 404,
        });
    }
    load(files::article(&slug)).await
}
