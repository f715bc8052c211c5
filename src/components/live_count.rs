use leptos::prelude::*;

use super::WhenTypingPauses;

/// A polite live region that speaks a search's count once typing pauses: a screen
/// reader would otherwise queue one count per keystroke, and each update of the region
/// costs a layout. Only a change from one count to another is spoken; the first is
/// already on the page.
#[component]
pub fn LiveCount(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let (spoken, speak) = signal(String::new());
    let speak_later = WhenTypingPauses::new(move || speak.set(text.get_untracked()));
    Effect::new(move |previous: Option<String>| {
        let now = text.get();
        if previous.is_some_and(|p| !p.is_empty() && p != now) {
            speak_later.put_off();
        }
        now
    });
    view! { <p class="visually-hidden" role="status">{spoken}</p> }
}
