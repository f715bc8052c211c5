use leptos::prelude::*;

use crate::base;
use crate::listing::{page_links, ListQuery, PageLink};

/// Previous / numbered / next page links for a list state.
#[component]
pub fn Pagination(query: ListQuery, page: usize, pages: usize) -> impl IntoView {
    (pages > 1).then(|| {
        let link = move |p: usize| base::href(&query.with_page(p).path());
        view! {
            <nav class="pagination" aria-label="ページ送り">
                <ul>
                    {(page > 1).then(|| view! {
                        <li><a href=link(page - 1) rel="prev">"前へ"</a></li>
                    })}
                    {page_links(page, pages)
                        .into_iter()
                        .map(|l| match l {
                            PageLink::Gap => view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
                            PageLink::Page(p) if p == page => view! {
                                <li><a href=link(p) aria-current="page" aria-label=format!("{p}ページ目")>{p}</a></li>
                            }.into_any(),
                            PageLink::Page(p) => view! {
                                <li><a href=link(p) aria-label=format!("{p}ページ目")>{p}</a></li>
                            }.into_any(),
                        })
                        .collect_view()}
                    {(page < pages).then(|| view! {
                        <li><a href=link(page + 1) rel="next">"次へ"</a></li>
                    })}
                </ul>
            </nav>
        }
    })
}
