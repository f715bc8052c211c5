use leptos::prelude::*;

use super::{CopyButton, RawElement};
use crate::markup::escape;
use crate::share::share_links;

/// Plain share links (no third-party script) and a copy-link button.
#[component]
pub fn ShareLinks(#[prop(into)] url: String, #[prop(into)] title: String) -> impl IntoView {
    let copy_url = url.clone();
    let links = share_links(&url, &title)
        .into_iter()
        .map(|l| {
            RawElement(format!(
                "<li><a class=\"share__link\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">\
                 {}<span class=\"visually-hidden\">でシェア(新しいタブで開きます)</span></a></li>",
                escape(&l.href),
                escape(l.service)
            ))
        })
        .collect::<Vec<_>>();
    // A landing page has its own sharing; an embed does not add another.
    super::embedded().is_none().then(|| {
        view! {
            <section class="share" aria-labelledby="share-heading">
                <h2 id="share-heading" class="share__heading">"この記事をシェアする"</h2>
                <ul class="share__list">
                    {links}
                    <li>
                        <CopyButton
                            text=Signal::stored(copy_url)
                            label="リンクをコピー"
                            class="share__link"
                            fallback="コピーできませんでした。アドレスバーのURLをご利用ください。"
                        />
                    </li>
                </ul>
            </section>
        }
    })
}
