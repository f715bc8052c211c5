use leptos::prelude::*;

use crate::phrases::cut;
use crate::search::highlight;

/// Text with the parts matching the search words wrapped in `<mark>`; when `phrased`
/// (titles and headings), with `<wbr>` where a line may break between phrases.
#[component]
pub fn Highlighted(
    #[prop(into)] text: String,
    #[prop(into)] terms: Vec<String>,
    #[prop(optional)] phrased: bool,
) -> impl IntoView {
    let pieces = highlight(&text, &terms);
    let pieces = if phrased {
        cut(pieces)
    } else {
        pieces.into_iter().map(|(t, m)| (t, m, false)).collect()
    };
    pieces
        .into_iter()
        .map(|(piece, marked, wbr)| match (marked, wbr) {
            (true, true) => view! { <wbr /><mark>{piece}</mark> }.into_any(),
            (true, false) => view! { <mark>{piece}</mark> }.into_any(),
            (false, true) => view! { <wbr />{piece} }.into_any(),
            (false, false) => piece.into_any(),
        })
        .collect_view()
}

/// A title or heading with `<wbr>` between its phrases (see [`crate::phrases`]).
#[component]
pub fn Phrased(#[prop(into)] text: String) -> impl IntoView {
    // Plain text and `<wbr>` pairs: one static view type, no boxed views (a page's
    // headings and contents hold a few hundred phrases).
    let mut phrases = crate::phrases::phrases(&text)
        .into_iter()
        .map(str::to_string);
    let first = phrases.next().unwrap_or_default();
    let rest: Vec<String> = phrases.collect();
    view! { {first} {rest.into_iter().map(|p| view! { <wbr />{p} }).collect_view()} }
}
