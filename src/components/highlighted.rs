use leptos::prelude::*;

use crate::markup::highlighted;

/// Text with the parts matching the search words wrapped in `<mark>`; when `phrased`
/// (titles and headings), with `<wbr>` where a line may break between phrases. The
/// markup is built as one escaped string ([`highlighted`]): hydration keeps what the
/// page was served with, and a redraw is one write.
#[component]
pub fn Highlighted(
    #[prop(into)] text: String,
    #[prop(into)] terms: Vec<String>,
    #[prop(optional)] phrased: bool,
) -> impl IntoView {
    view! { <span inner_html=highlighted(&text, &terms, phrased)></span> }
}

/// A title or heading with `<wbr>` between its phrases (see [`crate::phrases`]).
#[component]
pub fn Phrased(#[prop(into)] text: String) -> impl IntoView {
    view! { <span inner_html=highlighted(&text, &[], true)></span> }
}
