use leptos::prelude::*;

use crate::data::LoadError;

/// What a view shows when its content could not be loaded: a plain message in
/// Japanese and a retry button. The technical detail goes to the console, for support.
#[component]
pub fn LoadFailure(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let detail = error.to_string();
    Effect::new(move |_| crate::browser::warn(&detail));
    view! {
        <section class="load-failure" role="alert">
            <h1>"コンテンツを読み込めませんでした"</h1>
            <p>"通信状況をご確認のうえ、もう一度お試しください。"</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "再読み込み"
            </button>
        </section>
    }
}
