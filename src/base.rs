//! The deployment the app was given (see [`Deployment`]), as context: components ask
//! for hrefs and absolute URLs here, never from a process-wide setting, so one
//! prerender run can render any base.

use leptos::prelude::*;

pub use crate::paths::Deployment;

/// The deployment provided by [`crate::app::App`].
pub fn use_deployment() -> Deployment {
    use_context::<Deployment>().unwrap_or_default()
}

/// The href of an app path such as `/faq` or `/column/x`, for links. Call it while
/// rendering; handlers capture [`use_deployment`] first.
pub fn href(app_path: &str) -> String {
    use_deployment().href(app_path)
}

/// The absolute URL of an app path, for canonical links, sharing and structured data.
pub fn absolute(app_path: &str) -> String {
    use_deployment().absolute(app_path)
}

/// Reads the deployment from the current document: its origin and the `<base href>`
/// the build writes.
#[cfg(feature = "browser")]
pub fn from_document() -> Deployment {
    let window = web_sys::window();
    let base_path = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_else(|| "/".into());
    let origin = window
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    Deployment::new(&origin, &base_path)
}
