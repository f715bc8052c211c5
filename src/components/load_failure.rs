use leptos::prelude::*;

use crate::data::LoadError;

/// What a view shows when its content could not be loaded: a plain message, the
/// technical detail for support, and a retry button.
#[component]
pub fn LoadFailure(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="load-failure" role="alert">
            <h1>"コンテンツを読み込めませんでした"</h1>
            <p>"通信状況をご確認のうえ、もう一度お試しください。"</p>
            <p class="load-failure__detail">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "再読み込み"
            </button>
        </section>
    }
}
