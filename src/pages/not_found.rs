use leptos::prelude::*;
use leptos_router::components::A;

use crate::base;
use crate::components::PageMeta;

/// Any path outside the URL contract.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageMeta title="ページが見つかりません | 美脱毛コラム" description="お探しのページは見つかりませんでした。" path="/" />
        <section class="not-found">
            <h1 tabindex="-1">"ページが見つかりません"</h1>
            <p>"お探しのページは移動または削除された可能性があります。"</p>
            <ul>
                <li><A href=base::href("/")>"コラム一覧へ"</A></li>
                <li><A href=base::href("/faq")>"よくある質問へ"</A></li>
                <li><A href=base::href("/clinics")>"クリニック紹介へ"</A></li>
            </ul>
        </section>
    }
}
