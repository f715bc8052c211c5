//! The data layer: the only code that knows where content lives and how it arrives.
//!
//! Views ask a [`Content`] for typed values (`site()`, `article_page(slug)`, …) and get
//! either the value or a [`LoadError`] they can show with a retry. The same functions
//! run on both sides: when prerendering they read the content folder from disk, in the
//! browser they fetch it. Views load through `Resource`s, so what a prerendered page
//! was rendered with travels inside it and hydration fetches nothing.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use futures::future::try_join;
use futures::join;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use std::collections::{BTreeSet, HashMap};

use crate::content::derived::{self, Catalog, ListPage, SearchDocs, PAGE_SIZE, SLUG_BLOCK};
use crate::content::summary::summarize;
use crate::content::{files, Article, ArticleSummary, Clinics, Faq, Site};
use crate::listing::{self, ListQuery, Listing};
use crate::search::query_terms;
use crate::search_index::{evaluate, lookup, passage, search_fields, shard_of, term_keys};

#[cfg(not(feature = "browser"))]
mod disk;
#[cfg(feature = "browser")]
mod fetch;

/// Why content could not be loaded. Shown to readers only as a Japanese message; the
/// detail (`Display`) goes to the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "WireError", from = "WireError")]
pub enum LoadError {
    /// The server answered with an error status (404 for an unknown article), or with
    /// a page instead of content (a host answering every path with `index.html`).
    Http { url: String, status: u16 },
    /// No answer: offline, refused, or aborted.
    Network { url: String, message: String },
    /// The file is not JSON.
    Malformed { url: String, message: String },
    /// The file is JSON, but not of the expected shape.
    Shape { url: String, message: String },
}

impl LoadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, LoadError::Http { status: 404, .. })
    }

    pub(crate) fn not_found(url: &str) -> Self {
        LoadError::Http {
            url: url.to_string(),
            status: 404,
        }
    }
}

/// A `LoadError` inside a prerendered page: kind, URL, detail and status as one array.
/// Its decoder is a fraction of the size of the enum's own, in every patient's wasm.
#[derive(Serialize, Deserialize)]
struct WireError(u8, String, String, u16);

impl From<LoadError> for WireError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::Http { url, status } => WireError(0, url, String::new(), status),
            LoadError::Network { url, message } => WireError(1, url, message, 0),
            LoadError::Malformed { url, message } => WireError(2, url, message, 0),
            LoadError::Shape { url, message } => WireError(3, url, message, 0),
        }
    }
}

impl From<WireError> for LoadError {
    fn from(WireError(kind, url, message, status): WireError) -> Self {
        match kind {
            0 => LoadError::Http { url, status },
            1 => LoadError::Network { url, message },
            2 => LoadError::Malformed { url, message },
            _ => LoadError::Shape { url, message },
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Network { url, message } => write!(f, "{url}: network error: {message}"),
            LoadError::Malformed { url, message } => write!(f, "{url}: not valid JSON: {message}"),
            LoadError::Shape { url, message } => write!(f, "{url}: unexpected content: {message}"),
        }
    }
}

/// Parses in one pass, so each content type's decoder exists once in the wasm. Broken
/// JSON and JSON of the wrong shape are told apart: a shape error can be met before a
/// syntax error further on, so the text's syntax alone is then checked too.
pub fn parse<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, LoadError> {
    use serde_json::error::Category;
    serde_json::from_str(text).map_err(|e| {
        let url = url.to_string();
        let broken = match e.classify() {
            Category::Data => serde_json::from_str::<serde::de::IgnoredAny>(text).err(),
            _ => None,
        };
        match (e.classify(), broken) {
            (Category::Data, None) => LoadError::Shape {
                url,
                message: e.to_string(),
            },
            (_, broken) => LoadError::Malformed {
                url,
                message: broken.unwrap_or(e).to_string(),
            },
        }
    })
}

/// Turns a file's bytes into a value.
type Decode<T> = fn(&str, Vec<u8>) -> Result<T, LoadError>;

/// A page where content was expected: a host answering every missing path with its
/// `index.html` has no such file.
fn is_page(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    bytes[start..].starts_with(b"<")
}

fn decode_json<T: DeserializeOwned>(url: &str, bytes: Vec<u8>) -> Result<T, LoadError> {
    if is_page(&bytes) {
        return Err(LoadError::not_found(url));
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::Malformed {
        url: url.to_string(),
        message: e.to_string(),
    })?;
    parse(url, &text)
}

/// A binary file (a search shard), as it is.
pub struct Bytes(pub Vec<u8>);

fn decode_bytes(url: &str, bytes: Vec<u8>) -> Result<Bytes, LoadError> {
    // Shards start with a key's length (a small number), never with `<`.
    if is_page(&bytes) {
        return Err(LoadError::not_found(url));
    }
    Ok(Bytes(bytes))
}

/// Where content comes from: the folder the prerenderer reads, or the URL prefix the
/// browser fetches (`/content/`, or `/column/content/` under a sub-path).
#[derive(Clone, Debug)]
pub struct Content {
    root: Arc<str>,
}

/// What the article page shows: the article, the site it belongs to, and the
/// summaries of its related articles (not the whole index).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ArticlePage {
    pub site: Arc<Site>,
    pub article: Arc<Article>,
    pub related: Vec<ArticleSummary>,
    /// How many articles each category holds, for the body's links to them.
    pub catalog: Arc<Catalog>,
}

pub use derived::FaqSources;

impl Content {
    /// Content read from a folder on disk (prerendering, tools).
    #[cfg(not(feature = "browser"))]
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> Self {
        Content {
            root: dir.as_ref().to_string_lossy().into(),
        }
    }

    /// Content fetched from the deployment's `content/` folder.
    #[cfg(feature = "browser")]
    pub fn for_deployment(deployment: &crate::paths::Deployment) -> Self {
        Content {
            root: deployment.content_url("").into(),
        }
    }

    fn location(&self, file: &str) -> String {
        format!("{}/{}", self.root.trim_end_matches('/'), file)
    }

    fn load_with<T: Send + Sync + 'static>(
        &self,
        file: &str,
        decode: Decode<T>,
    ) -> impl Future<Output = Result<Arc<T>, LoadError>> + Send + 'static {
        let location = self.location(file);
        #[cfg(feature = "browser")]
        return send_wrapper::SendWrapper::new(fetch::load::<T>(location, decode));
        #[cfg(not(feature = "browser"))]
        disk::load::<T>(location, decode)
    }

    fn load<T>(
        &self,
        file: &str,
    ) -> impl Future<Output = Result<Arc<T>, LoadError>> + Send + 'static
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        self.load_with(file, decode_json::<T>)
    }

    pub fn site(&self) -> impl Future<Output = Result<Arc<Site>, LoadError>> + Send + 'static {
        self.load(files::SITE)
    }

    pub fn clinics(
        &self,
    ) -> impl Future<Output = Result<Arc<Clinics>, LoadError>> + Send + 'static {
        self.load(files::CLINICS)
    }

    /// Every article's summary: for the build (routes, sitemap, feed), never a view.
    #[cfg(not(feature = "browser"))]
    pub fn index(
        &self,
    ) -> impl Future<Output = Result<Arc<crate::content::Index>, LoadError>> + Send + 'static {
        self.load(files::INDEX)
    }

    // Loads start when first awaited, so the views' pairs are awaited together: one
    // round trip, not one per file.

    /// The site with its article counts: the list's frame and the category menus.
    pub fn site_and_catalog(
        &self,
    ) -> impl Future<Output = Result<(Arc<Site>, Arc<Catalog>), LoadError>> + Send + 'static {
        try_join(self.site(), self.load(derived::files::CATALOG))
    }

    /// The site with its clinics: the clinics page and the footer.
    pub fn site_and_clinics(
        &self,
    ) -> impl Future<Output = Result<(Arc<Site>, Arc<Clinics>), LoadError>> + Send + 'static {
        try_join(self.site(), self.clinics())
    }

    /// One article. A malformed slug is a 404, never a request for another file.
    pub fn article(
        &self,
        slug: &str,
    ) -> impl Future<Output = Result<Arc<Article>, LoadError>> + Send + 'static {
        let load = crate::content::is_slug(slug).then(|| self.load(&files::article(slug)));
        let slug = slug.to_string();
        async move {
            match load {
                Some(load) => load.await,
                None => Err(LoadError::not_found(&slug)),
            }
        }
    }

    /// The article page's data, or `None` for an article that does not exist: an
    /// unknown article is an answer, not a failure to retry. Its related articles were
    /// chosen at build time; nothing about other articles is fetched.
    pub fn article_page(
        &self,
        slug: String,
    ) -> impl Future<Output = Result<Option<ArticlePage>, LoadError>> + Send + 'static {
        // A malformed slug asks for nothing at all.
        let loads = crate::content::is_slug(&slug).then(|| {
            (
                self.article(&slug),
                self.load::<Vec<ArticleSummary>>(&derived::files::related(&slug)),
                self.site(),
                self.load::<Catalog>(derived::files::CATALOG),
            )
        });
        async move {
            let Some((article, related, site, catalog)) = loads else {
                return Ok(None);
            };
            // All four at once: a request waits for none of the others' answers.
            let (article, related, site, catalog) = join!(article, related, site, catalog);
            let article = match article {
                Ok(article) => article,
                Err(e) if e.is_not_found() => return Ok(None),
                Err(e) => return Err(e),
            };
            let related = match related {
                Ok(related) => related.as_ref().clone(),
                // An article newer than the derived files has no related list yet.
                Err(e) if e.is_not_found() => Vec::new(),
                Err(e) => return Err(e),
            };
            Ok(Some(ArticlePage {
                site: site?,
                article,
                related,
                catalog: catalog?,
            }))
        }
    }

    /// The FAQ and the titles of the article sections its answers come from.
    pub fn faq_page(
        &self,
    ) -> impl Future<Output = Result<(Arc<Faq>, Arc<FaqSources>), LoadError>> + Send + 'static {
        let faq = self.load(files::FAQ);
        let sources = self.load(derived::files::FAQ_SOURCES);
        async move {
            let (faq, sources) = join!(faq, sources);
            // Without the titles the answers still link to their sources.
            Ok((faq?, sources.unwrap_or_default()))
        }
    }

    /// The newest `limit` articles, of one category or of all: the first page of the
    /// list, then as many of the next pages as exist and are needed.
    pub fn latest(
        &self,
        category: Option<String>,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<ArticleSummary>, LoadError>> + Send + 'static {
        let this = self.clone();
        async move {
            let page =
                |p| this.load::<ListPage>(&derived::files::list_page(category.as_deref(), p));
            let first = page(1).await?;
            let wanted = limit.div_ceil(PAGE_SIZE).min(first.pages);
            let rest = futures::future::join_all((2..=wanted).map(page)).await;
            let mut out = first.articles.clone();
            for p in rest {
                out.extend(p?.articles.iter().cloned());
            }
            out.truncate(limit);
            Ok(out)
        }
    }

    /// What the list shows for a query: a page of the list as the build wrote it, or
    /// the results of a search through the index shards its words need.
    pub fn listing(
        &self,
        site: Arc<Site>,
        catalog: Arc<Catalog>,
        query: ListQuery,
    ) -> impl Future<Output = Result<Listing, LoadError>> + Send + 'static {
        let this = self.clone();
        async move {
            let (category, unknown_category) = listing::resolve_category(&site, &query);
            let terms = query_terms(&query.q);
            let found = if terms.is_empty() {
                None
            } else {
                Some(this.search(&terms, category.as_deref()).await?)
            };
            let total = match (&found, &category) {
                (Some(hits), _) => hits.len(),
                (None, Some(c)) => catalog.count(c),
                (None, None) => catalog.total,
            };
            let (page, pages) = listing::paging(total, query.page);
            let items = match found {
                _ if total == 0 => Vec::new(),
                None => {
                    let file = derived::files::list_page(category.as_deref(), page);
                    this.load::<ListPage>(&file).await?.articles.clone()
                }
                Some(hits) => {
                    let shown: Vec<u32> = hits
                        .into_iter()
                        .skip((page - 1) * PAGE_SIZE)
                        .take(PAGE_SIZE)
                        .collect();
                    this.results(&shown, &terms).await?
                }
            };
            Ok(Listing {
                items,
                total,
                page,
                pages,
                category,
                unknown_category,
                terms,
            })
        }
    }

    /// Loads what every search needs first (the index's list of documents), so that a
    /// reader's first keystroke waits for one round of requests fewer. Errors are left
    /// to the search itself to report.
    pub fn prepare_search(&self) -> impl Future<Output = ()> + Send + 'static {
        let meta = self.load::<SearchDocs>(derived::files::SEARCH_DOCS);
        async move {
            let _ = meta.await;
        }
    }

    /// The documents matching every term, best first, within a category if given.
    async fn search(
        &self,
        terms: &[String],
        category: Option<&str>,
    ) -> Result<Vec<u32>, LoadError> {
        let meta = self.load::<SearchDocs>(derived::files::SEARCH_DOCS).await?;
        let keys: BTreeSet<String> = terms
            .iter()
            .flat_map(|t| term_keys(t))
            .map(|(k, _)| k)
            .collect();
        let shards: BTreeSet<u32> = keys.iter().map(|k| shard_of(k, meta.shards)).collect();
        let loads = shards.iter().map(|&s| {
            let file = derived::files::search_shard(s);
            let load = self.load_with(&file, decode_bytes);
            async move { (s, file, load.await) }
        });
        let mut files = HashMap::new();
        for (shard, file, bytes) in futures::future::join_all(loads).await {
            files.insert(shard, (file, bytes?));
        }
        let mut entries = HashMap::new();
        for key in keys {
            let (file, bytes) = &files[&shard_of(&key, meta.shards)];
            let entry = lookup(&bytes.0, &key).ok_or_else(|| LoadError::Malformed {
                url: self.location(file),
                message: "damaged search index".into(),
            })?;
            entries.insert(key, entry);
        }
        let wanted = category.map(|c| meta.categories.iter().position(|m| m == c));
        let in_category = |doc: u32| match wanted {
            None => true,
            Some(w) => {
                w.is_some_and(|w| meta.doc_categories.get(doc as usize) == Some(&(w as u16)))
            }
        };
        Ok(evaluate(terms, &entries)
            .into_iter()
            .map(|hit| hit.doc)
            .filter(|&doc| in_category(doc))
            .collect())
    }

    /// The list entries of these documents, each with the passage that matched.
    async fn results(
        &self,
        docs: &[u32],
        terms: &[String],
    ) -> Result<Vec<ArticleSummary>, LoadError> {
        let blocks: BTreeSet<usize> = docs.iter().map(|&d| d as usize / SLUG_BLOCK).collect();
        let loads = blocks.iter().map(|&b| {
            let load = self.load::<Vec<String>>(&derived::files::slug_block(b));
            async move { (b, load.await) }
        });
        let mut slugs = HashMap::new();
        for (block, loaded) in futures::future::join_all(loads).await {
            slugs.insert(block, loaded?);
        }
        let articles = docs.iter().map(|&d| {
            let slug = slugs[&(d as usize / SLUG_BLOCK)]
                .get(d as usize % SLUG_BLOCK)
                .cloned()
                .unwrap_or_default();
            self.article(&slug)
        });
        futures::future::join_all(articles)
            .await
            .into_iter()
            .map(|article| {
                let article = article?;
                let mut summary = summarize(&article);
                if let Some(passage) = passage(&search_fields(&article), terms) {
                    summary.excerpt = passage;
                }
                Ok(summary)
            })
            .collect()
    }
}

/// The content source provided by [`crate::app::App`].
pub fn use_content() -> Content {
    leptos::prelude::expect_context::<Content>()
}

#[cfg(all(test, not(feature = "browser")))]
mod tests {
    use super::*;

    #[test]
    fn load_errors_travel_inside_a_page_as_they_were() {
        for e in [
            LoadError::not_found("/content/articles/x.json"),
            LoadError::Network {
                url: "/a".into(),
                message: "refused".into(),
            },
            LoadError::Malformed {
                url: "/b".into(),
                message: "EOF".into(),
            },
            LoadError::Shape {
                url: "/c".into(),
                message: "missing field".into(),
            },
        ] {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(
                serde_json::from_str::<LoadError>(&text).unwrap(),
                e,
                "{text}"
            );
        }
    }

    #[test]
    fn broken_json_and_json_of_the_wrong_shape_are_told_apart() {
        let kind = |text: &str| match parse::<Catalog>("c.json", text) {
            Ok(_) => "ok",
            Err(LoadError::Malformed { .. }) => "malformed",
            Err(LoadError::Shape { .. }) => "shape",
            Err(_) => "other",
        };
        assert_eq!(kind(r#"{ "total": 3, "counts": {} }"#), "ok");
        assert_eq!(kind(r#"{ "total": "3", "counts": {} }"#), "shape");
        assert_eq!(kind(r#"{ "total": 3, "#), "malformed");
        // The wrong type comes first, the broken syntax after it: still broken JSON.
        assert_eq!(kind(r#"{ "total": [ "#), "malformed");
        assert_eq!(kind(""), "malformed");
    }

    /// The bundled content with its derived files written afresh, in a folder of its
    /// own: the tests need no earlier build.
    fn bundled() -> Content {
        static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
        let dir = DIR.get_or_init(|| {
            let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content");
            let to =
                std::env::temp_dir().join(format!("clinic-column-data-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&to);
            std::fs::create_dir_all(to.join(files::ARTICLES_DIR)).unwrap();
            for file in [files::SITE, files::CLINICS, files::FAQ, files::INDEX] {
                std::fs::copy(from.join(file), to.join(file)).unwrap();
            }
            for entry in std::fs::read_dir(from.join(files::ARTICLES_DIR)).unwrap() {
                let entry = entry.unwrap();
                std::fs::copy(
                    entry.path(),
                    to.join(files::ARTICLES_DIR).join(entry.file_name()),
                )
                .unwrap();
            }
            crate::content::check::write_index(&to).expect("the bundled content is readable");
            to
        });
        Content::from_dir(dir)
    }

    /// What a prerendered page carries must read back as the same value, or hydration
    /// would fetch and draw the page again.
    fn round_trips<T: Serialize + serde::de::DeserializeOwned + fmt::Debug + PartialEq>(v: T) {
        let json = serde_json::to_string(&v).unwrap();
        let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(back, v);
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        futures::executor::block_on(f)
    }

    #[test]
    fn every_page_s_data_survives_serialization() {
        let content = bundled();
        let site = block_on(content.site()).unwrap();
        round_trips(site.clone());
        let (_, catalog) = block_on(content.site_and_catalog()).unwrap();
        round_trips(catalog.clone());
        let listing =
            block_on(content.listing(site.clone(), catalog, ListQuery::parse(None, None, None)))
                .unwrap();
        assert_eq!(listing.items.len(), 1);
        round_trips(listing);
        round_trips(block_on(content.clinics()).unwrap());
        let (faq, sources) = block_on(content.faq_page()).unwrap();
        round_trips(faq);
        round_trips(sources);
        let page = block_on(content.article_page("exosome-side-effects".into()))
            .unwrap()
            .expect("the seed article");
        round_trips(page.article);
    }

    /// The bundled content, searched through its built index: words of the body find
    /// the seed article, with the passage that matched.
    #[test]
    fn searches_read_the_index_shards() {
        let content = bundled();
        let (site, catalog) = block_on(content.site_and_catalog()).unwrap();
        let search = |q: &str| {
            let query = ListQuery::parse(None, Some(q), None);
            block_on(content.listing(site.clone(), catalog.clone(), query)).unwrap()
        };
        for q in ["献血", "アナフィラキシー", "ダウンタイム", "ｴｸｿｿｰﾑ 副作用"]
        {
            let l = search(q);
            assert_eq!(l.total, 1, "{q}");
            assert_eq!(l.items[0].slug, "exosome-side-effects");
            let first = crate::search::query_terms(q).remove(0);
            assert!(
                crate::search::fold(&l.items[0].excerpt)
                    .text
                    .contains(&first),
                "{q}: {}",
                l.items[0].excerpt
            );
        }
        assert_eq!(search("けんけつ").total, 0);
        // Asking for more than there are reads only the pages that exist.
        assert_eq!(block_on(content.latest(None, 50)).unwrap().len(), 1);
        assert!(block_on(content.latest(Some("aga".into()), 5))
            .unwrap()
            .is_empty());
        let query = ListQuery::parse(Some("aga"), Some("献血"), None);
        let l = block_on(content.listing(site.clone(), catalog.clone(), query)).unwrap();
        assert_eq!(l.total, 0);
    }

    #[test]
    fn unknown_and_malformed_slugs_are_not_found_answers() {
        let content = bundled();
        assert!(block_on(content.article_page("no-such-article".into()))
            .unwrap()
            .is_none());
        assert!(block_on(content.article_page("../site".into()))
            .unwrap()
            .is_none());
    }
}
