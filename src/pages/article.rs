use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::{ColumnHeader, LoadFailure};
use crate::data;

/// `/column/:slug`: one article.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let content = LocalResource::new(move || {
        let slug = slug();
        async move { Ok::<_, data::LoadError>((data::site().await?, data::article(slug).await?)) }
    });
    view! {
        <Suspense fallback=|| view! { <p class="skeleton" aria-busy="true">"読み込み中…"</p> }>
            {move || Suspend::new(async move {
                match content.await {
                    Ok((site, article)) => view! {
                        <Title text=article.title.clone() />
                        <ColumnHeader column=site.column />
                        <article class="article">
                            <h1 class="article__title">{article.title}</h1>
                        </article>
                    }.into_any(),
                    Err(error) => view! {
                        <LoadFailure error on_retry=move |_| content.refetch() />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
