use leptos::prelude::*;

use super::{link_to, JsonLd, RawElement};
use crate::base;
use crate::markup::{anchor, escape, phrased};
use crate::structured_data::breadcrumb_list;

/// The trail from the column to the current page; the last crumb is the page itself.
/// Search engines get the same trail as a BreadcrumbList. Markup that never changes
/// once drawn.
#[component]
pub fn Breadcrumbs(
    /// (label, app path) pairs, the current page last (its path is not linked).
    trail: Vec<(String, String)>,
) -> impl IntoView {
    let last = trail.len().saturating_sub(1);
    let deployment = base::use_deployment();
    let data = {
        let trail = trail.clone();
        move || {
            breadcrumb_list(
                &trail
                    .iter()
                    .map(|(name, path)| (name.clone(), deployment.absolute(path)))
                    .collect::<Vec<_>>(),
            )
        }
    };
    let crumbs = trail
        .iter()
        .enumerate()
        .map(|(i, (label, path))| match i == last {
            true => format!("<li aria-current=\"page\">{}</li>", phrased(label)),
            false => format!("<li>{}</li>", anchor(&link_to(path), None, &escape(label))),
        })
        .collect::<String>();
    let nav = RawElement(format!(
        "<nav class=\"breadcrumbs\" aria-label=\"パンくずリスト\"><ol>{crumbs}</ol></nav>"
    ));
    // Inside an embed the landing page is the reader's context, not the column's.
    super::embedded().is_none().then(|| {
        view! {
            <JsonLd data />
            {nav}
        }
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_crumb_but_the_page_itself_is_a_link_and_all_are_text() {
        let out = Owner::new().with(|| {
            let trail = vec![
                ("コラム一覧".into(), "/".into()),
                ("<b>&</b>".into(), "/?category=x".into()),
                ("<img src=x>".into(), "/column/x".into()),
            ];
            view! { <Breadcrumbs trail /> }.to_html()
        });
        assert!(
            out.contains("<li><a href=\"/\">コラム一覧</a></li>"),
            "{out}"
        );
        assert!(
            out.contains("<li><a href=\"/?category=x\">&lt;b&gt;&amp;&lt;/b&gt;</a></li>"),
            "{out}"
        );
        assert!(
            out.contains("<li aria-current=\"page\"><span>&lt;img"),
            "{out}"
        );
        assert!(out.contains("\"@type\":\"BreadcrumbList\""), "{out}");
        // The page itself is not linked, and no label becomes markup.
        let nav = &out[out.find("<nav").unwrap()..];
        assert!(!nav.contains("/column/x") && !nav.contains("<img"), "{nav}");
    }
}
