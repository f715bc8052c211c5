//! Starting a browser bundle: `csr` renders into an empty page (`trunk serve`),
//! `hydrate` takes over the page the build prerendered for this URL. The patient app
//! (`src/main.rs`) and the marketers' (`src/bin/embed-code.rs`) start the same way.

use leptos::prelude::*;

use crate::data::Content;
use crate::paths::Deployment;

/// Mounts `app` for this page's deployment and content source.
pub fn start<V: IntoView + 'static>(app: fn(Deployment, Content) -> V) {
    console_error_panic_hook::set_once();
    let deployment = crate::base::from_document();
    let content = Content::for_deployment(&deployment);
    #[cfg(feature = "hydrate")]
    if prerendered_for_this_url(&deployment) {
        leptos::mount::hydrate_body(move || app(deployment, content));
        return;
    }
    #[cfg(feature = "hydrate")]
    clear_prerendered_page();
    leptos::mount::mount_to_body(move || app(deployment, content));
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
