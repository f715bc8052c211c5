//! Entry point of the browser app: `csr` renders into an empty page (`trunk serve`),
//! `hydrate` takes over the page the build prerendered for this URL.

#[cfg(any(feature = "csr", feature = "hydrate"))]
fn main() {
    use clinic_column::app::App;
    use clinic_column::base;
    use clinic_column::data::Content;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let deployment = base::from_document();
    let content = Content::for_deployment(&deployment);
    #[cfg(feature = "hydrate")]
    let hydrate = prerendered_for_this_url(&deployment);
    let app = move || view! { <App deployment content /> };

    #[cfg(feature = "hydrate")]
    if hydrate {
        leptos::mount::hydrate_body(app);
        return;
    }
    #[cfg(feature = "hydrate")]
    clear_prerendered_page();
    leptos::mount::mount_to_body(app);
}

/// Whether the page holds HTML rendered for this very URL. A host's fallback may have
/// served another page's HTML (the list's for an unknown path, `404.html`), and a
/// query may ask for a state the build did not render (`/?q=…`): those are rendered
/// afresh instead of hydrated.
#[cfg(feature = "hydrate")]
fn prerendered_for_this_url(deployment: &clinic_column::paths::Deployment) -> bool {
    use clinic_column::paths::{app_path_of, query_changes_view};
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let stamp = document
        .body()
        .and_then(|b| b.get_attribute(clinic_column::paths::PRERENDERED_ATTRIBUTE));
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

#[cfg(not(any(feature = "csr", feature = "hydrate")))]
fn main() {
    eprintln!("This is the browser app: serve it with `make serve`, build it with `make dist`.");
    std::process::exit(2);
}
