//! Browser-only services: the console, session storage and the clipboard. Called from
//! effects and event handlers, never while rendering, so every component still renders
//! natively; where a service needs browser-only crates it is gated here, once.

/// A detail for developers and support, never shown to readers.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// A value kept for this visit (sessionStorage), if storage is available.
pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps a value for this visit. Storage may be full or disabled: the value then lasts
/// only as long as the view.
pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

/// Copies text to the clipboard; whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    #[cfg(feature = "browser")]
    {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return false;
        };
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok()
    }
    #[cfg(not(feature = "browser"))]
    {
        let _ = text;
        false
    }
}
