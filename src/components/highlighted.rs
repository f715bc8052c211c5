use leptos::prelude::*;

use crate::search::highlight;

/// Text with the parts matching the search words wrapped in `<mark>`.
#[component]
pub fn Highlighted(#[prop(into)] text: String, #[prop(into)] terms: Vec<String>) -> impl IntoView {
    highlight(&text, &terms)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
