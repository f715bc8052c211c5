use leptos::prelude::*;

/// Copies a text to the clipboard and says, politely to screen readers, whether it worked.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
    #[prop(into)] class: String,
    /// What to say if the browser refuses.
    #[prop(into)]
    fallback: String,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(crate::browser::copy_text(&text).await));
        });
    };
    view! {
        <button type="button" class=format!("{class} needs-app") on:click=copy>{label}</button>
        <span class="copy-status needs-app" role="status">
            {move || match copied.get() {
                Some(true) => "コピーしました。".to_string(),
                Some(false) => fallback.clone(),
                None => String::new(),
            }}
        </span>
    }
}
