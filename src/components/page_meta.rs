use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::base;

/// A view's document title, description, canonical URL and Open Graph tags.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// The canonical app path, e.g. `/column/x`.
    #[prop(into)]
    path: String,
    /// `article` for articles, `website` otherwise.
    #[prop(default = "website")]
    kind: &'static str,
) -> impl IntoView {
    let url = base::absolute(&path);
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:type" content=kind />
        <Meta property="og:url" content=url />
        <Meta property="og:locale" content="ja_JP" />
        <Meta property="og:site_name" content="美脱毛コラム" />
        <Meta name="twitter:card" content="summary" />
    }
}

/// Structured data for search engines, as a JSON-LD script.
#[component]
pub fn JsonLd(data: serde_json::Value) -> impl IntoView {
    view! { <script type="application/ld+json">{crate::structured_data::script_text(&data)}</script> }
}
