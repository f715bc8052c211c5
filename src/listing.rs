//! The column list's state and logic: what `/category/<id>` and `?category=&q=&page=`
//! mean, which articles they select, and how the result is paged. Odd values fall back to sensible ones
//! instead of failing: `page=abc` is page 1, `page=999` the last page, an unknown
//! category shows every article with a notice.

use serde::{Deserialize, Serialize};

pub use crate::content::derived::PAGE_SIZE;
use crate::content::{is_slug, ArticleSummary, Site};
use crate::paths::AppPath;
/// Longer search text is cut, so a pasted essay cannot slow the page down.
pub const MAX_QUERY_CHARS: usize = 100;

/// The list's state as the query string gives it, before it is checked against content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    pub category: Option<String>,
    pub q: String,
    /// 1-based, at least 1.
    pub page: usize,
}

impl ListQuery {
    /// Reads raw query values (each absent when not in the URL).
    pub fn parse(category: Option<&str>, q: Option<&str>, page: Option<&str>) -> Self {
        let category = category
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let q: String = q
            .unwrap_or_default()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        let page = page
            .and_then(|p| p.trim().parse::<usize>().ok())
            .filter(|&p| p >= 1)
            .unwrap_or(1);
        ListQuery { category, q, page }
    }

    /// The query string for this state (without `?`), leaving out defaults and the
    /// category when the path names it.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.category.as_ref().filter(|c| !is_slug(c)) {
            parts.push(format!("category={}", encode(c)));
        }
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }

    /// The app path of the list in this state, e.g. `/category/aga?page=2`: a
    /// category has its own page; a category id no content could have stays a query.
    pub fn path(&self) -> String {
        let list = AppPath::List {
            category: self.category.clone().filter(|c| is_slug(c)),
        };
        match self.to_query_string() {
            qs if qs.is_empty() => list.path(),
            qs => format!("{}?{qs}", list.path()),
        }
    }

    /// The same state on another page.
    pub fn with_page(&self, page: usize) -> Self {
        ListQuery {
            page,
            ..self.clone()
        }
    }
}

/// Percent-encodes a query value (UTF-8), keeping unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// What the list shows for a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// The articles on the current page (for a search, each excerpt is the passage
    /// that matched).
    pub items: Vec<ArticleSummary>,
    /// How many articles match in all.
    pub total: usize,
    /// The page shown, within 1..=pages.
    pub page: usize,
    /// At least 1.
    pub pages: usize,
    /// The category filtered by, if it exists.
    pub category: Option<String>,
    /// A category asked for that does not exist.
    pub unknown_category: Option<String>,
    /// The folded search words, for highlighting.
    pub terms: Vec<String>,
}

/// The category a query filters by if the site has it, else the unknown id asked for.
pub fn resolve_category(site: &Site, query: &ListQuery) -> (Option<String>, Option<String>) {
    match &query.category {
        Some(c) if site.category(c).is_some() => (Some(c.clone()), None),
        Some(c) => (None, Some(c.clone())),
        None => (None, None),
    }
}

/// The page to show of `total` articles, asked for `page`, and how many pages there
/// are: a page past the end is the last one.
pub fn paging(total: usize, page: usize) -> (usize, usize) {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    (page.clamp(1, pages), pages)
}

/// One control of the pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    Page(usize),
    /// Pages left out between two numbers.
    Gap,
}

/// The page numbers to offer: the first, the last, and the current one with its
/// neighbours, with gaps between.
pub fn page_links(current: usize, pages: usize) -> Vec<PageLink> {
    let mut out = Vec::new();
    let mut last = 0;
    for p in 1..=pages {
        let near = p + 1 >= current && p <= current + 1;
        if p == 1 || p == pages || near {
            if last != 0 && p > last + 1 {
                out.push(PageLink::Gap);
            }
            out.push(PageLink::Page(p));
            last = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Brand, Category, Column};

    fn site() -> Site {
        Site {
            schema: None,
            origin: None,
            column: Column {
                label: "Column".into(),
                name: "n".into(),
                description: "d".into(),
            },
            brand: Brand {
                name: "b".into(),
                consultation_url: None,
            },
            categories: ["exosome", "aga", "empty"]
                .iter()
                .map(|id| Category {
                    id: id.to_string(),
                    name: id.to_uppercase(),
                    page: None,
                    self_pay: None,
                    cost: None,
                    unapproved: None,
                })
                .collect(),
            doctors: vec![],
            guides: vec![],
        }
    }

    #[test]
    fn odd_query_values_fall_back() {
        let q = ListQuery::parse(Some("  "), None, Some("-1"));
        assert_eq!(
            q,
            ListQuery {
                category: None,
                q: String::new(),
                page: 1
            }
        );
        assert_eq!(ListQuery::parse(None, None, Some("abc")).page, 1);
        assert_eq!(ListQuery::parse(None, None, Some("0")).page, 1);
        assert_eq!(
            ListQuery::parse(None, None, Some("99999999999999999999999")).page,
            1
        );
        assert_eq!(
            ListQuery::parse(None, Some(&"あ".repeat(500)), None)
                .q
                .chars()
                .count(),
            MAX_QUERY_CHARS
        );
    }

    #[test]
    fn pages_past_the_end_are_the_last_page() {
        assert_eq!(paging(45, 1), (1, 5));
        assert_eq!(paging(45, 999), (5, 5));
        assert_eq!(paging(0, 3), (1, 1));
        assert_eq!(paging(10, 2), (1, 1));
    }

    #[test]
    fn an_unknown_category_is_named_not_filtered_by() {
        let site = site();
        let q = ListQuery::parse(Some("<b>x</b>"), None, None);
        assert_eq!(resolve_category(&site, &q), (None, Some("<b>x</b>".into())));
        let q = ListQuery::parse(Some("aga"), None, None);
        assert_eq!(resolve_category(&site, &q), (Some("aga".into()), None));
    }

    #[test]
    fn query_strings_round_trip_and_leave_out_defaults() {
        assert_eq!(ListQuery::parse(None, None, None).path(), "/");
        let q = ListQuery::parse(Some("glp-1"), Some("副作用 & x"), Some("2"));
        assert_eq!(
            q.to_query_string(),
            "q=%E5%89%AF%E4%BD%9C%E7%94%A8%20%26%20x&page=2"
        );
        assert_eq!(
            q.with_page(1).path(),
            "/category/glp-1?q=%E5%89%AF%E4%BD%9C%E7%94%A8%20%26%20x"
        );
        assert_eq!(
            ListQuery::parse(Some("aga"), None, None).path(),
            "/category/aga"
        );
        // An id no content can have is kept as it was asked, encoded.
        assert_eq!(
            ListQuery::parse(Some("<b>"), None, Some("2")).path(),
            "/?category=%3Cb%3E&page=2"
        );
    }

    #[test]
    fn page_links_keep_ends_and_neighbours() {
        use PageLink::*;
        assert_eq!(page_links(1, 1), vec![Page(1)]);
        assert_eq!(page_links(1, 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(
            page_links(5, 10),
            vec![Page(1), Gap, Page(4), Page(5), Page(6), Gap, Page(10)]
        );
        assert_eq!(page_links(1, 10), vec![Page(1), Page(2), Gap, Page(10)]);
    }
}
