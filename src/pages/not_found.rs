use leptos::prelude::*;
use leptos_router::components::A;

use crate::base;
use crate::components::PageMeta;

/// Any path outside the URL contract.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <NotFoundView title="ページが見つかりません" message="お探しのページは移動または削除された可能性があります。" />
    }
}

/// A not-found message with the ways back into the column.
#[component]
pub fn NotFoundView(title: &'static str, message: &'static str) -> impl IntoView {
    view! {
        <PageMeta title=format!("{title} | 美脱毛コラム") description=message path="/" />
        <section class="not-found">
            <h1 tabindex="-1">{title}</h1>
            <p>{message}</p>
            <ul>
                <li><A href=base::href("/")>"コラム一覧へ"</A></li>
                <li><A href=base::href("/faq")>"よくある質問へ"</A></li>
                <li><A href=base::href("/clinics")>"クリニック紹介へ"</A></li>
            </ul>
        </section>
    }
}
