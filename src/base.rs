//! Where the app is deployed, read once from the document's `<base href>` (which the
//! build writes from `PUBLIC_URL`), and the hrefs of app paths under it.

use std::sync::OnceLock;

use crate::paths;

static ROUTER_BASE: OnceLock<String> = OnceLock::new();

/// The router base: `""` at the root, `"/column"` under a sub-path.
pub fn router_base() -> &'static str {
    ROUTER_BASE.get_or_init(|| {
        let path = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|u| u.pathname())
            .unwrap_or_else(|| "/".into());
        paths::router_base(&path)
    })
}

/// The href of an app path such as `/faq` or `/column/x`, for links and navigation.
pub fn href(app_path: &str) -> String {
    paths::href(router_base(), app_path)
}

/// The absolute URL of an app path, for canonical links, sharing and structured data.
pub fn absolute(app_path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", href(app_path))
}
