//! Content fetched in the browser. Successful loads are cached for the life of the
//! page, so a revisited view does not fetch again; views asking for the same file at
//! once share one request, which is aborted when every view that asked for it has gone.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use super::{Decode, LoadError};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;

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

/// Decodes a file's bytes into the type its caller asked for, behind `Any`.
type DecodeAny = Box<dyn FnOnce(&str, Vec<u8>) -> Result<Loaded, LoadError>>;

pub async fn load<T: Send + Sync + 'static>(
    url: String,
    decode: Decode<T>,
) -> Result<Arc<T>, LoadError> {
    let decode: DecodeAny = Box::new(move |url, bytes| Ok(Arc::new(decode(url, bytes)?) as Loaded));
    let loaded = load_any(url.clone(), decode).await?;
    loaded.downcast::<T>().map_err(|_| LoadError::Shape {
        url,
        message: "the same file was read as two different types".into(),
    })
}

/// The loading itself, once for every type: the typed `load` above only decodes and
/// downcasts, so the wasm carries one copy of this and not one per content type.
fn load_any(url: String, decode: DecodeAny) -> LocalBoxFuture<'static, Result<Loaded, LoadError>> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&url).cloned()) {
        return async move { Ok(hit) }.boxed_local();
    }
    let (load, waiting, controller) = IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        let entry = m.entry(url.clone()).or_insert_with(|| {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(|c| c.signal());
            let url = url.clone();
            let load = async move { decode(&url, fetch(&url, signal.as_ref()).await?) };
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
    async move {
        let result = load.await;
        still_waiting.set(false);
        IN_FLIGHT.with(|m| m.borrow_mut().remove(&url));
        let value = result?;
        CACHE.with(|c| c.borrow_mut().insert(url, value.clone()));
        Ok(value)
    }
    .boxed_local()
}

async fn fetch(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<Vec<u8>, LoadError> {
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
    // A host that answers every missing path with its `index.html` (status 200) has
    // no such file: a page is not content.
    let is_page = resp
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("html"));
    if is_page {
        return Err(LoadError::not_found(url));
    }
    resp.binary().await.map_err(network)
}
