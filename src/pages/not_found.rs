use leptos::prelude::*;

use crate::components::{AppLink, PageMeta};
use crate::paths::AppPath;

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
        <PageMeta title=format!("{title} | 美脱毛コラム") description=message />
        <section class="not-found">
            <h1 tabindex="-1">{title}</h1>
            <p>{message}</p>
            <ul>
                <li><AppLink to=AppPath::home()>"コラム一覧へ"</AppLink></li>
                <li><AppLink to=AppPath::Faq>"よくある質問へ"</AppLink></li>
                <li><AppLink to=AppPath::Clinics>"クリニック紹介へ"</AppLink></li>
            </ul>
        </section>
    }
}
