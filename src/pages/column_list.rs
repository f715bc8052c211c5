use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::{ColumnHeader, LoadFailure};
use crate::{base, data};

/// `/`: the column list.
#[component]
pub fn ColumnList() -> impl IntoView {
    let content = LocalResource::new(|| async {
        Ok::<_, data::LoadError>((data::site().await?, data::index().await?))
    });
    view! {
        <Suspense fallback=|| view! { <p class="skeleton" aria-busy="true">"読み込み中…"</p> }>
            {move || Suspend::new(async move {
                match content.await {
                    Ok((site, index)) => view! {
                        <Title text=site.column.name.clone() />
                        <ColumnHeader column=site.column />
                        <h1 class="visually-hidden">"コラム一覧"</h1>
                        <ul class="article-list">
                            {index.articles.into_iter().map(|a| view! {
                                <li><A href=base::href(&format!("/column/{}", a.slug))>{a.title}</A></li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! {
                        <LoadFailure error on_retry=move |_| content.refetch() />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
