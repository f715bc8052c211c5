use std::time::Duration;

use leptos::prelude::*;

/// How long typing pauses before a search shows in the URL and its count is spoken.
pub const TYPING_PAUSE: Duration = Duration::from_millis(400);

/// A polite live region that speaks a search's count once typing pauses: a screen
/// reader would otherwise queue one count per keystroke, and each update of the region
/// costs a layout. Only a change from one count to another is spoken; the first is
/// already on the page.
#[component]
pub fn LiveCount(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let (spoken, speak) = signal(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    on_cleanup(cancel);
    Effect::new(move |previous: Option<String>| {
        let now = text.get();
        if previous.is_some_and(|p| !p.is_empty() && p != now) {
            cancel();
            let said = now.clone();
            let later = move || {
                pending.set_value(None);
                speak.set(said);
            };
            pending.set_value(set_timeout_with_handle(later, TYPING_PAUSE).ok());
        }
        now
    });
    view! { <p class="visually-hidden" role="status">{spoken}</p> }
}
