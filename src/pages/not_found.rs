use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::base;

/// Any path outside the URL contract.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="ページが見つかりません | 美脱毛コラム" />
        <section class="not-found">
            <h1>"ページが見つかりません"</h1>
            <p>"お探しのページは移動または削除された可能性があります。"</p>
            <ul>
                <li><A href=base::href("/")>"コラム一覧へ"</A></li>
            </ul>
        </section>
    }
}
