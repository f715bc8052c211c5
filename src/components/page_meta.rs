use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::base;
use crate::share::{share_image, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH};

/// A view's document title, description, canonical URL, Open Graph and Twitter tags:
/// in the prerendered HTML for crawlers and link previews, and kept current by the app.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// The canonical app path, e.g. `/column/x`; `None` for a page that is not one
    /// (not found), which gets no canonical URL and is kept out of search results.
    #[prop(optional, into)]
    path: Option<String>,
    /// `article` for articles, `website` otherwise.
    #[prop(default = "website")]
    kind: &'static str,
    /// The article whose share image this page uses; the column's own otherwise.
    #[prop(optional, into)]
    image_of: Option<String>,
) -> impl IntoView {
    let deployment = base::use_deployment();
    let url = path.as_deref().map(|p| deployment.absolute(p));
    let image = deployment.absolute_file(&share_image(image_of.as_deref()));
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        {match url {
            Some(url) => view! {
                <Link rel="canonical" href=url.clone() />
                <Meta property="og:url" content=url />
            }
            .into_any(),
            None => view! { <Meta name="robots" content="noindex" /> }.into_any(),
        }}
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:type" content=kind />
        <Meta property="og:locale" content="ja_JP" />
        <Meta property="og:site_name" content="美脱毛コラム" />
        <Meta property="og:image" content=image />
        <Meta property="og:image:width" content=SHARE_IMAGE_WIDTH.to_string() />
        <Meta property="og:image:height" content=SHARE_IMAGE_HEIGHT.to_string() />
        <Meta name="twitter:card" content="summary_large_image" />
    }
}

/// Structured data for search engines, as a JSON-LD script in the prerendered page.
/// Crawlers read a page as its URL serves it, so the browser never builds the data: it
/// keeps the prerendered script while hydrating, and a view it renders afresh has none.
#[component]
pub fn JsonLd<F>(data: F) -> impl IntoView
where
    F: FnOnce() -> serde_json::Value + 'static,
{
    #[cfg(feature = "ssr")]
    let script = Some(view! {
        <script type="application/ld+json">{crate::structured_data::script_text(&data())}</script>
    });
    #[cfg(not(feature = "ssr"))]
    let script = {
        drop(data);
        crate::hydration::hydrating()
            .then(|| view! { <script type="application/ld+json"></script> })
    };
    script
}
