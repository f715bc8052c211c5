use leptos::prelude::*;

use crate::share::share_links;

/// Plain share links (no third-party script) and a copy-link button.
#[component]
pub fn ShareLinks(#[prop(into)] url: String, #[prop(into)] title: String) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy_url = url.clone();
    let copy = move |_| {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            copied.set(Some(false));
            return;
        };
        let promise = clipboard.write_text(&copy_url);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="share__heading">"この記事をシェアする"</h2>
            <ul class="share__list">
                {share_links(&url, &title)
                    .into_iter()
                    .map(|l| view! {
                        <li>
                            <a class="share__link" href=l.href target="_blank" rel="noopener noreferrer">
                                {l.service}
                                <span class="visually-hidden">"でシェア(新しいタブで開きます)"</span>
                            </a>
                        </li>
                    })
                    .collect_view()}
                <li>
                    <button type="button" class="share__link" on:click=copy>"リンクをコピー"</button>
                </li>
            </ul>
            <p class="share__status" role="status">
                {move || match copied.get() {
                    Some(true) => "リンクをコピーしました。",
                    Some(false) => "コピーできませんでした。アドレスバーのURLをご利用ください。",
                    None => "",
                }}
            </p>
        </section>
    }
}
