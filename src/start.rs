//! Starting a browser bundle: `csr` renders into an empty page (`trunk serve`),
//! `hydrate` takes over the page the build prerendered for this URL. The patient app
//! (`src/main.rs`), the embeds' (`src/bin/embed-views.rs`) and the marketers'
//! (`src/bin/embed-code.rs`) start the same way.

use leptos::prelude::*;

use crate::data::Content;
use crate::paths::Deployment;

/// Mounts `app` for this page's deployment and content source, in a task after the one
/// that compiled and instantiated the module, so that neither holds up a reader's tap
/// as long as both would. Then tells the page's loader (`Trunk.toml`) that the app has
/// started, with an `app-started` event.
pub fn start<V: IntoView + 'static>(app: fn(Deployment, Content) -> V) {
    console_error_panic_hook::set_once();
    set_timeout(move || mount(app), std::time::Duration::ZERO);
}

fn mount<V: IntoView + 'static>(app: fn(Deployment, Content) -> V) {
    let deployment = crate::base::from_document();
    let content = Content::for_deployment(&deployment);
    #[cfg(feature = "hydrate")]
    if prerendered_for_this_url(&deployment) {
        // Asynchronous, so that the route's view can wait for a task of its own
        // (`hydration::NextTask`).
        crate::hydration::set_hydrating(true);
        wasm_bindgen_futures::spawn_local(async move {
            let body = document().body().expect("a page has a body");
            leptos::mount::hydrate_from_async(body, move || app(deployment, content))
                .await
                .forget();
            crate::hydration::set_hydrating(false);
            announce_started();
        });
        return;
    }
    #[cfg(feature = "hydrate")]
    clear_prerendered_page();
    leptos::mount::mount_to_body(move || app(deployment, content));
    announce_started();
}

fn announce_started() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("app-started")) {
        let _ = window.dispatch_event(&event);
    }
}

/// Whether the page holds HTML rendered for this very URL. A host's fallback may have
/// served another page's HTML (the list's for an unknown path, `404.html`), and a
/// query may ask for a state the build did not render (`/?q=…`): those are rendered
/// afresh instead of hydrated.
#[cfg(feature = "hydrate")]
fn prerendered_for_this_url(deployment: &Deployment) -> bool {
    use crate::paths::{app_path_of, query_changes_view};
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let stamp = document
        .body()
        .and_then(|b| b.get_attribute(crate::paths::PRERENDERED_ATTRIBUTE));
    let location = document.location();
    let pathname = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let here = app_path_of(&deployment.router_base, &pathname);
    stamp.as_deref() == Some(here.as_str()) && !query_changes_view(&here, &search)
}

/// Removes the prerendered view (keeping the scripts) before rendering afresh.
#[cfg(feature = "hydrate")]
fn clear_prerendered_page() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let mut child = body.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        if node.node_name() != "SCRIPT" {
            let _ = body.remove_child(&node);
        }
    }
}
