use leptos::prelude::*;

use super::RawElement;
use crate::base;
use crate::listing::{page_links, ListQuery, PageLink};
use crate::markup::escape;

/// Previous / numbered / next page links for a list state, as one string: the router
/// follows them like any link, and a new page redraws them whole.
#[component]
pub fn Pagination(query: ListQuery, page: usize, pages: usize) -> impl IntoView {
    (pages > 1).then(|| RawElement(pagination(&query, page, pages)))
}

fn pagination(query: &ListQuery, page: usize, pages: usize) -> String {
    let link = |p: usize| escape(&base::href(&query.with_page(p).path()));
    let mut out = String::from("<nav class=\"pagination\" aria-label=\"ページ送り\"><ul>");
    if page > 1 {
        out.push_str(&format!(
            "<li><a href=\"{}\" rel=\"prev\">前へ</a></li>",
            link(page - 1)
        ));
    }
    for l in page_links(page, pages) {
        out.push_str(&match l {
            PageLink::Gap => "<li class=\"pagination__gap\" aria-hidden=\"true\">…</li>".into(),
            PageLink::Page(p) => format!(
                "<li><a href=\"{}\"{} aria-label=\"{p}ページ目\">{p}</a></li>",
                link(p),
                if p == page {
                    " aria-current=\"page\""
                } else {
                    ""
                }
            ),
        });
    }
    if page < pages {
        out.push_str(&format!(
            "<li><a href=\"{}\" rel=\"next\">次へ</a></li>",
            link(page + 1)
        ));
    }
    out.push_str("</ul></nav>");
    out
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_current_page_is_marked_and_the_query_is_kept_escaped() {
        let query = ListQuery {
            q: "\"><img src=x>&".into(),
            ..ListQuery::default()
        };
        let out = Owner::new().with(|| pagination(&query, 2, 3));
        assert!(
            out.contains("rel=\"prev\">前へ") && out.contains("rel=\"next\">次へ"),
            "{out}"
        );
        assert!(
            out.contains("aria-current=\"page\" aria-label=\"2ページ目\">2</a>"),
            "{out}"
        );
        assert_eq!(out.matches("aria-current").count(), 1, "{out}");
        assert!(!out.contains("<img"), "{out}");
        let first = Owner::new().with(|| pagination(&ListQuery::default(), 1, 3));
        assert!(!first.contains("前へ") && first.contains("次へ"), "{first}");
    }
}
