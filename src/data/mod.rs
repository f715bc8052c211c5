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

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::content::{files, Article, ArticleSummary, Clinics, Faq, Index, Site};
use crate::paths::AppPath;

#[cfg(not(feature = "browser"))]
mod disk;
#[cfg(feature = "browser")]
mod fetch;

/// How many related articles an article offers.
pub const RELATED: usize = 3;

/// Why content could not be loaded. Shown to readers only as a Japanese message; the
/// detail (`Display`) goes to the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Parses in two steps so broken JSON and JSON of the wrong shape are told apart.
pub fn parse<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, LoadError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::Malformed {
            url: url.to_string(),
            message: e.to_string(),
        })?;
    T::deserialize(value).map_err(|e| LoadError::Shape {
        url: url.to_string(),
        message: e.to_string(),
    })
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
}

/// Titles of the article and section an FAQ answer comes from, by the section's app
/// path (`/column/x#section`).
pub type FaqSources = std::collections::BTreeMap<String, (String, String)>;

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

    fn load<T>(
        &self,
        file: &str,
    ) -> impl Future<Output = Result<Arc<T>, LoadError>> + Send + 'static
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let location = format!("{}/{}", self.root.trim_end_matches('/'), file);
        #[cfg(feature = "browser")]
        return send_wrapper::SendWrapper::new(fetch::load::<T>(location));
        #[cfg(not(feature = "browser"))]
        disk::load::<T>(location)
    }

    pub fn site(&self) -> impl Future<Output = Result<Arc<Site>, LoadError>> + Send + 'static {
        self.load(files::SITE)
    }

    pub fn index(&self) -> impl Future<Output = Result<Arc<Index>, LoadError>> + Send + 'static {
        self.load(files::INDEX)
    }

    pub fn clinics(
        &self,
    ) -> impl Future<Output = Result<Arc<Clinics>, LoadError>> + Send + 'static {
        self.load(files::CLINICS)
    }

    pub fn faq(&self) -> impl Future<Output = Result<Arc<Faq>, LoadError>> + Send + 'static {
        self.load(files::FAQ)
    }

    /// The site with the article summaries: the list, the latest columns, the
    /// embed-code page.
    pub fn site_and_index(
        &self,
    ) -> impl Future<Output = Result<(Arc<Site>, Arc<Index>), LoadError>> + Send + 'static {
        let (site, index) = (self.site(), self.index());
        async move { Ok((site.await?, index.await?)) }
    }

    /// The site with its clinics: the clinics page and the footer.
    pub fn site_and_clinics(
        &self,
    ) -> impl Future<Output = Result<(Arc<Site>, Arc<Clinics>), LoadError>> + Send + 'static {
        let (site, clinics) = (self.site(), self.clinics());
        async move { Ok((site.await?, clinics.await?)) }
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

    /// The article page's data, or `None` for a slug the index does not know: an
    /// unknown article is an answer, not a failure to retry.
    pub fn article_page(
        &self,
        slug: String,
    ) -> impl Future<Output = Result<Option<ArticlePage>, LoadError>> + Send + 'static {
        let this = self.clone();
        async move {
            let (site, index) = (this.site().await?, this.index().await?);
            if !index.articles.iter().any(|a| a.slug == slug) {
                return Ok(None);
            }
            match this.article(&slug).await {
                Ok(article) => Ok(Some(ArticlePage {
                    related: related_articles(&index, &article),
                    site,
                    article,
                })),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        }
    }

    /// The FAQ and the titles of the article sections its answers come from.
    pub fn faq_page(
        &self,
    ) -> impl Future<Output = Result<(Arc<Faq>, Arc<FaqSources>), LoadError>> + Send + 'static {
        let this = self.clone();
        async move {
            let faq = this.faq().await?;
            let mut sources = FaqSources::new();
            for item in faq.groups.iter().flat_map(|g| &g.items) {
                let (slug, section) = (&item.source.article, &item.source.section);
                let key = AppPath::article(slug).with_anchor(Some(section));
                if sources.contains_key(&key) {
                    continue;
                }
                // A source that fails to load only costs its link text, not the FAQ.
                if let Ok(article) = this.article(slug).await {
                    let section = article
                        .toc()
                        .into_iter()
                        .find(|e| &e.id == section)
                        .map(|e| e.title)
                        .unwrap_or_default();
                    sources.insert(key, (article.title.clone(), section));
                }
            }
            Ok((faq, Arc::new(sources)))
        }
    }
}

/// The article's own related list first, then the newest of the same category.
pub fn related_articles(index: &Index, article: &Article) -> Vec<ArticleSummary> {
    let by_slug = |slug: &str| index.articles.iter().find(|a| a.slug == slug).cloned();
    let mut out: Vec<ArticleSummary> = article.related.iter().filter_map(|s| by_slug(s)).collect();
    for a in &index.articles {
        if out.len() >= RELATED {
            break;
        }
        if a.slug != article.slug
            && a.category == article.category
            && !out.iter().any(|o| o.slug == a.slug)
        {
            out.push(a.clone());
        }
    }
    out.truncate(RELATED);
    out
}

/// The content source provided by [`crate::app::App`].
pub fn use_content() -> Content {
    leptos::prelude::expect_context::<Content>()
}

#[cfg(all(test, not(feature = "browser")))]
mod tests {
    use super::*;

    fn bundled() -> Content {
        Content::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/content"))
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
        round_trips(block_on(content.index()).unwrap());
        round_trips(block_on(content.clinics()).unwrap());
        let (faq, sources) = block_on(content.faq_page()).unwrap();
        round_trips(faq);
        round_trips(sources);
        let page = block_on(content.article_page("exosome-side-effects".into()))
            .unwrap()
            .expect("the seed article");
        round_trips(page.article);
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
