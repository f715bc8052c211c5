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
                prop:value=move || value.get()
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
