//! The app's paths and where it is deployed. [`AppPath`] is the one typed list of the
//! app's pages: links, structured data, the sitemap and the prerenderer build their
//! URLs from it. [`Deployment`] (origin and base path) turns an app path into the
//! href a browser follows or the absolute URL a crawler sees.

use crate::listing::encode;

/// Where the app is deployed: a value the app is given, so one prerender run can
/// render any base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deployment {
    /// e.g. `https://clinic.example`, without a trailing slash; empty when unknown.
    pub origin: String,
    /// `""` at the root, `"/column"` under a sub-path (see [`router_base`]).
    pub router_base: String,
}

impl Deployment {
    pub fn new(origin: &str, base_path: &str) -> Self {
        Deployment {
            origin: origin.trim_end_matches('/').to_string(),
            router_base: router_base(base_path),
        }
    }

    /// The href of an app path such as `/faq` or `/column/x`, for links and navigation.
    pub fn href(&self, app_path: &str) -> String {
        href(&self.router_base, app_path)
    }

    /// The absolute URL of an app path, for canonical links, sharing and structured data.
    pub fn absolute(&self, app_path: &str) -> String {
        format!("{}{}", self.origin, self.href(app_path))
    }

    /// The URL of a content file, e.g. `index.json`.
    pub fn content_url(&self, file: &str) -> String {
        content_url(&self.router_base, file)
    }

    /// The absolute URL of a file at the root of the build (`sitemap.xml`, images).
    pub fn absolute_file(&self, file: &str) -> String {
        format!(
            "{}{}/{}",
            self.origin,
            self.router_base,
            file.trim_start_matches('/')
        )
    }
}

/// The app's pages. Every URL the app makes to one of its pages comes from here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppPath {
    /// The column list, optionally filtered by category.
    List {
        category: Option<String>,
    },
    Article {
        slug: String,
    },
    Clinics,
    Faq,
    EmbedCode,
    EmbedArticle {
        slug: String,
    },
    EmbedFaq,
    EmbedClinics,
    EmbedColumns,
}

/// The release build's browser bundles: readers of the column never download the
/// embed views or the marketers' tools, and readers of a landing page only the embeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The column's views (`src/main.rs`).
    Patients,
    /// The embed views, `/embed/...` (`src/bin/embed-views.rs`).
    Embeds,
    /// The embed-code page (`src/bin/embed-code.rs`).
    Marketers,
}

impl Bundle {
    /// The binary trunk builds it from, which names its files (`embed-views-….wasm`).
    pub fn bin(self) -> &'static str {
        match self {
            Bundle::Patients => "clinic-column",
            Bundle::Embeds => "embed-views",
            Bundle::Marketers => "embed-code",
        }
    }
}

impl AppPath {
    pub fn home() -> Self {
        AppPath::List { category: None }
    }

    pub fn article(slug: &str) -> Self {
        AppPath::Article {
            slug: slug.to_string(),
        }
    }

    pub fn category(id: &str) -> Self {
        AppPath::List {
            category: Some(id.to_string()),
        }
    }

    /// The path under the app's base, e.g. `/column/x`.
    pub fn path(&self) -> String {
        match self {
            AppPath::List { category: None } => "/".into(),
            AppPath::List { category: Some(c) } => format!("/category/{}", encode(c)),
            AppPath::Article { slug } => format!("/column/{}", encode(slug)),
            AppPath::Clinics => "/clinics".into(),
            AppPath::Faq => "/faq".into(),
            AppPath::EmbedCode => "/embed-code".into(),
            AppPath::EmbedArticle { slug } => format!("/embed/column/{}", encode(slug)),
            AppPath::EmbedFaq => "/embed/faq".into(),
            AppPath::EmbedClinics => "/embed/clinics".into(),
            AppPath::EmbedColumns => "/embed/columns".into(),
        }
    }

    /// The path with an in-page anchor, e.g. `/faq#exosome-downtime`.
    pub fn with_anchor(&self, anchor: Option<&str>) -> String {
        match anchor {
            Some(a) if !a.is_empty() => format!("{}#{}", self.path(), encode(a)),
            _ => self.path(),
        }
    }

    /// Which browser bundle runs this page in the release build.
    pub fn bundle(&self) -> Bundle {
        Self::bundle_of(&self.path())
    }

    /// Which bundle runs an app path such as `/embed-code?x#y`.
    pub fn bundle_of(app_path: &str) -> Bundle {
        let path = app_path.split(['?', '#']).next().unwrap_or_default();
        if path.trim_end_matches('/') == AppPath::EmbedCode.path() {
            Bundle::Marketers
        } else if AppPath::is_embed(path) {
            Bundle::Embeds
        } else {
            Bundle::Patients
        }
    }

    /// Whether this page is an embed view (shown without the site's header and footer).
    pub fn is_embed(path: &str) -> bool {
        path.starts_with("/embed/")
    }

    /// Every page the build prerendered, given the articles' slugs and the categories'
    /// ids: the list, each category's list, each article, clinics, FAQ, the embed-code
    /// page and every embed view.
    pub fn prerendered<'a>(
        slugs: impl IntoIterator<Item = &'a str> + Clone,
        categories: impl IntoIterator<Item = &'a str>,
    ) -> Vec<AppPath> {
        let mut out = vec![AppPath::home()];
        out.extend(categories.into_iter().map(AppPath::category));
        out.extend(slugs.clone().into_iter().map(AppPath::article));
        out.extend([AppPath::Clinics, AppPath::Faq, AppPath::EmbedCode]);
        out.extend(slugs.into_iter().map(|s| AppPath::EmbedArticle {
            slug: s.to_string(),
        }));
        out.extend([
            AppPath::EmbedFaq,
            AppPath::EmbedClinics,
            AppPath::EmbedColumns,
        ]);
        out
    }

    /// Whether search engines should index the page (embeds and tools are not pages
    /// a patient should land on from a search).
    pub fn indexable(&self) -> bool {
        matches!(
            self,
            AppPath::List { .. } | AppPath::Article { .. } | AppPath::Clinics | AppPath::Faq
        )
    }
}

/// The `<body>` attribute naming the app path a prerendered page was rendered for.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";

/// The app path of a browser pathname under a router base, without a trailing slash
/// (`/column/column/x/` under `/column` → `/column/x`; the base itself → `/`).
pub fn app_path_of(router_base: &str, pathname: &str) -> String {
    let rest = pathname.strip_prefix(router_base).unwrap_or(pathname);
    let trimmed = rest.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

impl From<AppPath> for String {
    fn from(p: AppPath) -> String {
        p.path()
    }
}

/// Where a prerendered page's file lives in the build: `/` → `index.html`,
/// `/column/x` → `column/x/index.html`, so every static host serves it at its
/// pretty URL, with or without a trailing slash.
pub fn prerendered_file(app_path: &str) -> String {
    let trimmed = app_path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// Whether a browser URL's query asks for a state the build did not render, so the
/// prerendered HTML cannot be hydrated as it is. Views that read no query (articles,
/// clinics, FAQ without a search) hydrate whatever tracking parameters the URL has.
pub fn query_changes_view(app_path: &str, query: &str) -> bool {
    let keys = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split('=').next().unwrap_or_default());
    let read: fn(&str) -> bool = match app_path {
        "/" => |k| matches!(k, "category" | "q" | "page"),
        p if p.starts_with("/category/") => |k| matches!(k, "category" | "q" | "page"),
        "/faq" => |k| k == "q",
        p if AppPath::is_embed(p) => crate::embed::is_option_key,
        _ => |_| false,
    };
    keys.into_iter().any(read)
}

/// The router base for a deployment path: no trailing slash, empty at the root.
///
/// `"/"` → `""`, `"/column/"` → `"/column"`, `"/a/b"` → `"/a/b"`.
pub fn router_base(base_path: &str) -> String {
    let trimmed = base_path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// The URL of a content file under a base path.
pub fn content_url(base_path: &str, file: &str) -> String {
    format!(
        "{}/content/{}",
        router_base(base_path),
        file.trim_start_matches('/')
    )
}

/// The browser URL of an app path (e.g. `/faq`) under a router base (see `router_base`).
pub fn href(router_base: &str, app_path: &str) -> String {
    if app_path == "/" && !router_base.is_empty() {
        format!("{router_base}/")
    } else {
        format!("{router_base}{app_path}")
    }
}

/// Where a content link leads: an app path, or an external https URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    App(String),
    External(String),
}

/// Maps a content link to where it leads. Anything but https is refused (None), so
/// content can never produce a `javascript:` or `data:` link.
pub fn destination(to: &crate::content::LinkTarget) -> Option<Destination> {
    use crate::content::LinkTarget;
    Some(match to {
        LinkTarget::Category(id) => Destination::App(AppPath::category(id).path()),
        LinkTarget::Article(a) => {
            Destination::App(AppPath::article(&a.slug).with_anchor(a.section.as_deref()))
        }
        LinkTarget::Faq(f) => Destination::App(AppPath::Faq.with_anchor(f.item.as_deref())),
        LinkTarget::Clinics(c) => {
            Destination::App(AppPath::Clinics.with_anchor(c.clinic.as_deref()))
        }
        LinkTarget::Url(url) if url.starts_with("https://") => Destination::External(url.clone()),
        LinkTarget::Url(_) => return None,
    })
}

/// Where a treatment (a category) leads from a menu or a content link: the clinic's
/// page about it when `site.json` gives one, else its list of articles when that holds
/// more than the `own` articles the reader is already reading, else nowhere (plain
/// text, or nothing), so no menu ends at an empty list or a list of the same article.
pub fn treatment_destination(
    category: &crate::content::Category,
    articles: usize,
    own: usize,
) -> Option<Destination> {
    match &category.page {
        Some(url) if url.starts_with("https://") => Some(Destination::External(url.clone())),
        _ if articles > own => Some(Destination::App(AppPath::category(&category.id).path())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FaqLink, LinkTarget, SectionLink};

    #[test]
    fn each_page_runs_its_own_bundle() {
        for path in [
            "/embed-code",
            "/embed-code/",
            "/embed-code?kind=faq",
            "/embed-code#x",
        ] {
            assert_eq!(AppPath::bundle_of(path), Bundle::Marketers, "{path}");
        }
        for path in [
            "/embed/faq",
            "/embed/column/x?theme=dark",
            "/embed/clinics#kyoto",
            "/embed/columns",
        ] {
            assert_eq!(AppPath::bundle_of(path), Bundle::Embeds, "{path}");
        }
        for path in [
            "/",
            "/embed",
            "/embeds/faq",
            "/embed-codes",
            "/column/embed-code",
            "/faq?q=embed-code",
        ] {
            assert_eq!(AppPath::bundle_of(path), Bundle::Patients, "{path}");
        }
        assert_eq!(AppPath::EmbedCode.bundle(), Bundle::Marketers);
        assert_eq!(AppPath::EmbedFaq.bundle(), Bundle::Embeds);
        assert_eq!(AppPath::Faq.bundle(), Bundle::Patients);
    }

    #[test]
    fn treatments_lead_to_their_page_or_to_more_than_the_reader_has() {
        let mut c = crate::content::Category {
            id: "exosome".into(),
            name: "エクソソーム".into(),
            page: None,
            self_pay: None,
            cost: None,
            unapproved: None,
        };
        assert_eq!(treatment_destination(&c, 0, 0), None);
        assert_eq!(treatment_destination(&c, 1, 1), None);
        assert_eq!(
            treatment_destination(&c, 2, 1),
            Some(Destination::App("/category/exosome".into()))
        );
        c.page = Some("https://clinic.example/exosome".into());
        assert_eq!(
            treatment_destination(&c, 0, 0),
            Some(Destination::External(
                "https://clinic.example/exosome".into()
            ))
        );
        c.page = Some("javascript:alert(1)".into());
        assert_eq!(treatment_destination(&c, 0, 0), None);
    }

    #[test]
    fn content_links_map_to_app_paths_and_only_https() {
        let d = |t: LinkTarget| destination(&t);
        assert_eq!(
            d(LinkTarget::Category("exosome".into())),
            Some(Destination::App("/category/exosome".into()))
        );
        assert_eq!(
            d(LinkTarget::Article(SectionLink {
                slug: "a".into(),
                section: Some("side-effects".into())
            })),
            Some(Destination::App("/column/a#side-effects".into()))
        );
        assert_eq!(
            d(LinkTarget::Faq(FaqLink { item: None })),
            Some(Destination::App("/faq".into()))
        );
        assert_eq!(
            d(LinkTarget::Url("https://x.example/".into())),
            Some(Destination::External("https://x.example/".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "http://x.example/",
            "data:text/html,x",
            "//x.example",
        ] {
            assert_eq!(d(LinkTarget::Url(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn router_base_has_no_trailing_slash() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base(""), "");
        assert_eq!(router_base("/column/"), "/column");
        assert_eq!(router_base("/a/b"), "/a/b");
        assert_eq!(router_base("column/"), "/column");
    }

    #[test]
    fn hrefs_carry_the_base() {
        assert_eq!(href("", "/"), "/");
        assert_eq!(href("", "/faq"), "/faq");
        assert_eq!(href("/column", "/"), "/column/");
        assert_eq!(href("/column", "/column/x?q=1#a"), "/column/column/x?q=1#a");
    }

    #[test]
    fn deployments_make_hrefs_absolute_urls_and_content_urls() {
        let d = Deployment::new("https://clinic.example/", "/column/");
        assert_eq!(d.href("/"), "/column/");
        assert_eq!(d.absolute("/faq"), "https://clinic.example/column/faq");
        assert_eq!(d.content_url("site.json"), "/column/content/site.json");
        assert_eq!(
            d.absolute_file("sitemap.xml"),
            "https://clinic.example/column/sitemap.xml"
        );
        let root = Deployment::new("https://clinic.example", "/");
        assert_eq!(root.absolute("/"), "https://clinic.example/");
    }

    #[test]
    fn app_paths_are_encoded_and_carry_anchors() {
        assert_eq!(AppPath::home().path(), "/");
        assert_eq!(AppPath::category("aga").path(), "/category/aga");
        assert_eq!(
            AppPath::article("x").with_anchor(Some("side-effects")),
            "/column/x#side-effects"
        );
        assert_eq!(AppPath::Faq.with_anchor(None), "/faq");
        let all = AppPath::prerendered(["a", "b"], ["aga"]);
        assert!(all.contains(&AppPath::EmbedArticle { slug: "b".into() }));
        assert!(all.contains(&AppPath::category("aga")));
        assert_eq!(all.len(), 12);
    }

    #[test]
    fn browser_paths_map_to_app_paths() {
        assert_eq!(app_path_of("", "/"), "/");
        assert_eq!(app_path_of("", "/faq/"), "/faq");
        assert_eq!(app_path_of("/column", "/column/"), "/");
        assert_eq!(app_path_of("/column", "/column"), "/");
        assert_eq!(app_path_of("/column", "/column/column/x"), "/column/x");
    }

    #[test]
    fn prerendered_files_live_at_pretty_urls() {
        assert_eq!(prerendered_file("/"), "index.html");
        assert_eq!(prerendered_file("/column/x"), "column/x/index.html");
        assert_eq!(prerendered_file("/embed/faq"), "embed/faq/index.html");
    }

    #[test]
    fn only_queries_a_view_reads_keep_it_from_hydrating() {
        assert!(query_changes_view("/", "?q=x"));
        assert!(query_changes_view("/", "page=2"));
        assert!(!query_changes_view("/", "?utm_source=lp"));
        assert!(query_changes_view("/category/aga", "?page=2"));
        assert!(!query_changes_view("/category/aga", ""));
        assert!(!query_changes_view("/column/x", "?q=x&utm_source=lp"));
        assert!(query_changes_view("/faq", "?q=x"));
        assert!(query_changes_view("/embed/faq", "?theme=dark"));
        assert!(!query_changes_view("/clinics", ""));
    }

    #[test]
    fn content_urls_follow_the_base() {
        assert_eq!(content_url("/", "index.json"), "/content/index.json");
        assert_eq!(
            content_url("/column/", "articles/x.json"),
            "/column/content/articles/x.json"
        );
    }
}
