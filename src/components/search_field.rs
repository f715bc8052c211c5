use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled search box. The caller owns the value (usually the URL's `q`) and is told
/// of each change; submitting does nothing more, as results follow the typing.
#[component]
pub fn SearchField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    /// Told when the field gets focus, before the reader types.
    #[prop(optional, into)]
    on_focus: Option<Callback<()>>,
    /// Told when the reader leaves the field or submits it.
    #[prop(optional, into)]
    on_leave: Option<Callback<()>>,
) -> impl IntoView {
    let leave = move || {
        if let Some(f) = on_leave {
            f.run(())
        }
    };
    // Text typed before the app took over the prerendered page (a slow phone): the field
    // keeps it through hydration, and it counts as typed once the page is the app's.
    let early =
        StoredValue::new(typed_before_hydration(&id).filter(|text| *text != value.get_untracked()));
    if let Some(text) = early.get_value() {
        let started = window_event_listener_untyped("app-started", move |_| {
            early.set_value(None);
            on_change.run(text.clone());
        });
        on_cleanup(move || started.remove());
    }
    view! {
        <form class="search needs-app" role="search" on:submit=move |ev| {
            ev.prevent_default();
            leave();
        }>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=placeholder
                prop:value=move || {
                    let value = value.get();
                    early.try_get_value().flatten().unwrap_or(value)
                }
                on:blur=move |_| leave()
                on:focus=move |_| {
                    if let Some(f) = on_focus {
                        f.run(())
                    }
                }
                // While an input method composes (romaji on the way to かな and 漢字) the
                // text is not what the reader means yet: search once it is committed.
                on:input=move |ev| {
                    let composing = ev
                        .dyn_ref::<web_sys::InputEvent>()
                        .is_some_and(|e| e.is_composing());
                    if !composing {
                        on_change.run(event_target_value(&ev))
                    }
                }
                on:compositionend=move |ev| on_change.run(event_target_value(&ev))
            />
        </form>
    }
}

/// What the field with this id holds while the prerendered page is being hydrated.
fn typed_before_hydration(id: &str) -> Option<String> {
    if !crate::hydration::hydrating() {
        return None;
    }
    document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|input| input.value())
        .filter(|text| !text.is_empty())
}
