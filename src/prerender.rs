//! Prerendering: every page rendered to HTML at build time by the same components the
//! browser runs, from the same content files, so crawlers, link previews and readers
//! without JavaScript get the whole page, and the browser build hydrates it.
//!
//! The steps follow Leptos's own static generation: a root owner with a server-side
//! shared context, the request URL and a meta context provided, the app rendered in
//! order (every `Suspense` resolved), then the serialized resource values appended as
//! scripts so hydration starts from the same data without fetching it.

use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::app::{App, EmbedApp, MarketerApp};
use crate::data::Content;
use crate::markup::escape;
use crate::paths::{Bundle, Deployment, PRERENDERED_ATTRIBUTE};

/// trunk's `index.html`, split where the prerendered page goes.
#[derive(Clone, Debug)]
pub struct Template {
    /// Up to and including `</head>`, with the placeholder `<title>` removed (each page
    /// sets its own).
    head: String,
    /// What follows `<body…>`: trunk's scripts.
    body_end: String,
}

impl Template {
    pub fn parse(html: &str) -> Result<Self, String> {
        let body_at = html.find("<body").ok_or("the template has no <body>")?;
        let body_open_end = html[body_at..]
            .find('>')
            .map(|i| body_at + i + 1)
            .ok_or("the template's <body> tag is not closed")?;
        if html[body_at..body_open_end].len() != "<body>".len() {
            return Err("the template's <body> must have no attributes".into());
        }
        let mut head = html[..body_at].to_string();
        if let (Some(a), Some(b)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(a..b + "</title>".len(), "");
        }
        if !head.contains("<!--HEAD-->") {
            return Err("the template's <head> needs a <!--HEAD--> marker".into());
        }
        Ok(Template {
            head,
            body_end: html[body_open_end..].to_string(),
        })
    }

    /// The `<base href>` trunk wrote: the path the build is deployed under.
    pub fn base_href(&self) -> Option<&str> {
        quoted_after(&self.head, "<base href=\"")
    }

    /// The JS glue and the wasm module its loader starts: the loader tag names them
    /// (`data-js`, `data-wasm`; see `Trunk.toml`).
    pub fn bundle_files(&self) -> Result<(String, String), String> {
        let value = |name: &str| {
            quoted_after(&self.body_end, &format!("{name}=\""))
                .map(str::to_string)
                .ok_or(format!(
                    "the template's loader has no {name} (see Trunk.toml)"
                ))
        };
        Ok((value("data-js")?, value("data-wasm")?))
    }

    /// Names the embed views' bundle on the loader, which starts it instead of its own
    /// where the URL is an embed view's: a host answers an unknown embed with a page of
    /// the column (its not-found page, or its fallback page).
    pub fn with_embeds(mut self, (js, wasm): &(String, String)) -> Result<Self, String> {
        let tag = "id=\"app-loader\"";
        let at = self
            .body_end
            .find(tag)
            .ok_or("the template has no app-loader (see Trunk.toml)")?;
        let names = format!(
            " data-embeds-js=\"{}\" data-embeds-wasm=\"{}\"",
            escape(js),
            escape(wasm)
        );
        self.body_end.insert_str(at + tag.len(), &names);
        Ok(self)
    }
}

/// The text from after the first `marker` to the next double quote: an attribute's
/// value, where `marker` ends with `name="`.
fn quoted_after<'a>(html: &'a str, marker: &str) -> Option<&'a str> {
    let at = html.find(marker)? + marker.len();
    let end = html[at..].find('"')?;
    Some(&html[at..at + end])
}

/// Renders one page: `app_path` is the path under the base (`/column/x`), as the
/// router sees it; the file is stamped with it so the browser hydrates it only there.
/// `template` is trunk's page for the bundle that runs it, and the app rendered is
/// that bundle's.
pub async fn render_page(
    template: &Template,
    bundle: Bundle,
    deployment: &Deployment,
    content: &Content,
    app_path: &str,
) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let (meta, meta_out) = ServerMetaContext::new();
    let href = deployment.href(app_path);
    let (d, c) = (deployment.clone(), content.clone());
    let stream = owner.with(move || {
        provide_context(RequestUrl::new(&href));
        provide_context(meta);
        match bundle {
            Bundle::Patients => view! { <App deployment=d content=c /> }.into_any(),
            Bundle::Embeds => view! { <EmbedApp deployment=d content=c /> }.into_any(),
            Bundle::Marketers => view! { <MarketerApp deployment=d content=c /> }.into_any(),
        }
        .into_view()
        .to_html_stream_in_order()
    });
    // Whitespace between `<body>` and the app would break hydration.
    let mut doc = format!(
        "{}<body {PRERENDERED_ATTRIBUTE}=\"{}\">",
        template.head,
        escape(app_path)
    );
    doc.push_str(&stream.collect::<String>().await);
    if let Some(mut data) = owner.shared_context().and_then(|sc| sc.pending_data()) {
        doc.push_str("<script>");
        while let Some(chunk) = data.next().await {
            doc.push_str(&chunk);
        }
        doc.push_str("</script>");
    }
    doc.push_str(&template.body_end);
    let page = meta_out
        .inject_meta_context(futures::stream::iter([doc]))
        .await
        .collect::<String>()
        .await;
    owner.unset();
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(loader: &str) -> Template {
        Template::parse(&format!(
            "<html><head><title>x</title><!--HEAD--></head><body>{loader}</body></html>"
        ))
        .unwrap()
    }

    #[test]
    fn the_column_pages_loader_learns_the_embed_views_bundle() {
        let loader = r#"<script type="module" id="app-loader" data-js="/c/embed-views-1.js" data-wasm="/c/embed-views-1_bg.wasm">start()</script>"#;
        let files = template(loader).bundle_files().unwrap();
        assert_eq!(
            files,
            (
                "/c/embed-views-1.js".into(),
                "/c/embed-views-1_bg.wasm".into()
            )
        );
        let column = template(
            r#"<script type="module" id="app-loader" data-js="/c/clinic-column-2.js" data-wasm="/c/clinic-column-2_bg.wasm">start()</script>"#,
        );
        let column = column.with_embeds(&files).unwrap();
        assert!(column.body_end.starts_with(
            r#"<script type="module" id="app-loader" data-embeds-js="/c/embed-views-1.js" data-embeds-wasm="/c/embed-views-1_bg.wasm" data-js="/c/clinic-column-2.js""#
        ));
        // Its own files are still the ones it names first.
        assert_eq!(column.bundle_files().unwrap().0, "/c/clinic-column-2.js");
    }

    #[test]
    fn the_base_href_is_read_from_the_head() {
        let html = "<html><head><base href=\"/column/\"><!--HEAD--></head><body></body></html>";
        assert_eq!(Template::parse(html).unwrap().base_href(), Some("/column/"));
        assert_eq!(template("").base_href(), None);
    }

    #[test]
    fn a_template_without_the_loader_is_refused() {
        let bare = template("<script>start()</script>");
        assert!(bare.bundle_files().is_err());
        let files = ("a.js".to_string(), "a.wasm".to_string());
        assert!(bare.with_embeds(&files).is_err());
    }
}
