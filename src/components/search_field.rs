use leptos::prelude::*;

/// A labelled search box. The caller owns the value (usually the URL's `q`) and is told
/// of each change; submitting does nothing more, as results follow the typing.
#[component]
pub fn SearchField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <form class="search needs-app" role="search" on:submit=|ev| ev.prevent_default()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
        </form>
    }
}
