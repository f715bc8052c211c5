//! Where the app is deployed: its origin and base path (`/` or a sub-path such as
//! `/column/`, from the `<base href>` the build writes). Read once at start-up by
//! `main`, so components never touch the browser while rendering; a prerenderer can
//! set its own.

use std::sync::OnceLock;

use crate::paths;

/// The deployment the app runs in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deployment {
    /// e.g. `https://clinic.example`; empty when unknown.
    pub origin: String,
    /// `""` at the root, `"/column"` under a sub-path.
    pub router_base: String,
}

impl Deployment {
    /// Reads the deployment from the current document.
    pub fn from_document() -> Self {
        let window = web_sys::window();
        let base_path = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|u| u.pathname())
            .unwrap_or_else(|| "/".into());
        Deployment {
            origin: window
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default(),
            router_base: paths::router_base(&base_path),
        }
    }
}

static DEPLOYMENT: OnceLock<Deployment> = OnceLock::new();

/// Sets the deployment, once, before the app mounts.
pub fn init(deployment: Deployment) {
    let _ = DEPLOYMENT.set(deployment);
}

fn current() -> &'static Deployment {
    DEPLOYMENT.get_or_init(Deployment::default)
}

/// The router base: `""` at the root, `"/column"` under a sub-path.
pub fn router_base() -> &'static str {
    &current().router_base
}

/// The href of an app path such as `/faq` or `/column/x`, for links and navigation.
pub fn href(app_path: &str) -> String {
    paths::href(router_base(), app_path)
}

/// The absolute URL of an app path, for canonical links, sharing and structured data.
pub fn absolute(app_path: &str) -> String {
    format!("{}{}", current().origin, href(app_path))
}
