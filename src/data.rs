//! The data layer: the only code that knows where content lives and how it arrives.
//!
//! Views ask for typed content (`site()`, `index()`, `article(slug)`, …) and get either
//! the value or a [`LoadError`] they can show with a retry. Successful loads are cached
//! for the life of the page, so a revisited view does not fetch again; views asking for
//! the same file at once share one request, which is aborted when every view that
//! asked for it has gone.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
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

type Loaded = Arc<dyn Any + Send + Sync>;
type SharedLoad = Shared<LocalBoxFuture<'static, Result<Loaded, LoadError>>>;

/// A request under way, shared by every view that asked for the same file.
struct InFlight {
    load: SharedLoad,
    controller: Option<web_sys::AbortController>,
    /// Views still waiting; the last to go away aborts the request.
    waiting: Rc<Cell<usize>>,
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Loaded>> = RefCell::new(HashMap::new());
    static IN_FLIGHT: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
}

fn cached<T: Send + Sync + 'static>(key: &str) -> Option<Arc<T>> {
    let hit = CACHE.with(|c| c.borrow().get(key).cloned())?;
    hit.downcast::<T>().ok()
}

fn remember<T: Send + Sync + 'static>(key: String, value: Arc<T>) -> Arc<T> {
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
    let (load, waiting, controller) = IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        let entry = m.entry(url.clone()).or_insert_with(|| {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(|c| c.signal());
            let url = url.clone();
            let load = async move {
                let value: T = fetch(&url, signal.as_ref()).await?;
                Ok(Arc::new(value) as Loaded)
            };
            InFlight {
                load: load.boxed_local().shared(),
                controller,
                waiting: Rc::new(Cell::new(0)),
            }
        });
        entry.waiting.set(entry.waiting.get() + 1);
        (
            entry.load.clone(),
            entry.waiting.clone(),
            entry.controller.clone(),
        )
    });
    // If this view goes away first it stops waiting; the last one to go aborts.
    let still_waiting = Rc::new(Cell::new(true));
    let leave = SendWrapper::new((still_waiting.clone(), waiting, controller, url.clone()));
    Owner::on_cleanup(move || {
        let (still_waiting, waiting, controller, url) = leave.take();
        if still_waiting.replace(false) {
            waiting.set(waiting.get().saturating_sub(1));
            if waiting.get() == 0 {
                IN_FLIGHT.with(|m| m.borrow_mut().remove(&url));
                if let Some(c) = controller {
                    c.abort();
                }
            }
        }
    });
    let result = load.await;
    still_waiting.set(false);
    IN_FLIGHT.with(|m| m.borrow_mut().remove(&url));
    let value = result?.downcast::<T>().map_err(|_| LoadError::Shape {
        url: url.clone(),
        message: "the same file was read as two different types".into(),
    })?;
    Ok(remember(url, value))
}

async fn fetch<T: DeserializeOwned>(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<T, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        message: e.to_string(),
    };
    let resp = gloo_net::http::Request::get(url)
        .abort_signal(signal)
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
        Arc::new(listing::searchable(&index.articles)),
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
