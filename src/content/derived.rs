//! Files derived from the content at build time, so that each view fetches only what
//! it shows, however many articles there are: the list in pages (whole and per
//! category), category counts, each article's related articles, the titles the FAQ
//! links to, and the search index in shards. Written under `derived/` in the content
//! folder by `content-check --write-index` and by the build; never edited by hand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::summary::{list_order, summarize};
use super::{Article, ArticleSummary, Faq, Site};
use crate::paths::AppPath;
use crate::search_index::{search_fields, Builder};

/// Articles per list page.
pub const PAGE_SIZE: usize = 10;
/// How many related articles an article offers.
pub const RELATED: usize = 3;
/// Slugs per file of the search's document table.
pub const SLUG_BLOCK: usize = 256;

/// Where each derived file lives inside the content folder.
pub mod files {
    pub const DIR: &str = "derived";
    pub const CATALOG: &str = "derived/catalog.json";
    pub const FAQ_SOURCES: &str = "derived/faq-sources.json";
    pub const SEARCH_DOCS: &str = "derived/search/meta.json";

    /// Page `page` (from 1) of the whole list, or of one category's.
    pub fn list_page(category: Option<&str>, page: usize) -> String {
        format!("{DIR}/lists/{}/{page}.json", category.unwrap_or("all"))
    }

    pub fn related(slug: &str) -> String {
        format!("{DIR}/related/{slug}.json")
    }

    /// A shard of the search index.
    pub fn search_shard(shard: u32) -> String {
        format!("{DIR}/search/shards/{shard}.bin")
    }

    pub fn slug_block(block: usize) -> String {
        format!("{DIR}/search/slugs/{block}.json")
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    /// Articles in the whole list (all pages).
    pub total: usize,
    pub page: usize,
    /// At least 1.
    pub pages: usize,
    pub articles: Vec<ArticleSummary>,
}

/// How many articles there are, in all and per category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub total: usize,
    /// Every category of `site.json`, with 0 for those without articles.
    pub counts: BTreeMap<String, usize>,
}

impl Catalog {
    pub fn count(&self, category: &str) -> usize {
        self.counts.get(category).copied().unwrap_or(0)
    }
}

/// What a search needs besides the shards: how many there are, and each document's
/// category (documents are numbered in list order, newest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocs {
    pub shards: u32,
    pub categories: Vec<String>,
    /// Index into `categories`, per document.
    pub doc_categories: Vec<u16>,
}

/// Titles of the article and section an FAQ answer comes from, by the section's app
/// path (`/column/x#section`).
pub type FaqSources = BTreeMap<String, (String, String)>;

/// Every derived file, by its path in the content folder.
pub fn derive(site: &Site, faq: Option<&Faq>, articles: &[Article]) -> Vec<(String, Vec<u8>)> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by(|a, b| list_order((a.published, &a.slug), (b.published, &b.slug)));
    let summaries: Vec<ArticleSummary> = sorted.iter().map(|a| summarize(a)).collect();
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    fn json<T: Serialize>(out: &mut Vec<(String, Vec<u8>)>, path: String, value: &T) {
        out.push((
            path,
            serde_json::to_vec(value).expect("derived files serialize"),
        ));
    }

    let mut counts = BTreeMap::new();
    for scope in std::iter::once(None).chain(site.categories.iter().map(|c| Some(&c.id))) {
        let list: Vec<&ArticleSummary> = summaries
            .iter()
            .filter(|s| scope.is_none_or(|c| &s.category == c))
            .collect();
        if let Some(c) = scope {
            counts.insert(c.clone(), list.len());
        }
        let pages = list.len().div_ceil(PAGE_SIZE).max(1);
        for page in 1..=pages {
            let articles = list
                .iter()
                .skip((page - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|s| (*s).clone())
                .collect();
            let file = ListPage {
                total: list.len(),
                page,
                pages,
                articles,
            };
            json(
                &mut out,
                files::list_page(scope.map(String::as_str), page),
                &file,
            );
        }
    }
    let catalog = Catalog {
        total: summaries.len(),
        counts,
    };
    json(&mut out, files::CATALOG.into(), &catalog);

    for article in &sorted {
        json(
            &mut out,
            files::related(&article.slug),
            &related(&summaries, article),
        );
    }
    json(
        &mut out,
        files::FAQ_SOURCES.into(),
        &faq.map(|f| faq_sources(f, &sorted)).unwrap_or_default(),
    );

    let mut builder = Builder::default();
    for article in &sorted {
        builder.add(&search_fields(article));
    }
    let (shards, shard_files) = builder.finish();
    let docs = SearchDocs {
        shards,
        categories: site.categories.iter().map(|c| c.id.clone()).collect(),
        doc_categories: sorted
            .iter()
            .map(|a| {
                site.categories
                    .iter()
                    .position(|c| c.id == a.category)
                    .unwrap_or(usize::from(u16::MAX)) as u16
            })
            .collect(),
    };
    json(&mut out, files::SEARCH_DOCS.into(), &docs);
    for (block, slugs) in sorted.chunks(SLUG_BLOCK).enumerate() {
        let slugs: Vec<&str> = slugs.iter().map(|a| a.slug.as_str()).collect();
        json(&mut out, files::slug_block(block), &slugs);
    }
    for (shard, bytes) in shard_files.into_iter().enumerate() {
        out.push((files::search_shard(shard as u32), bytes));
    }
    out
}

/// The article's own related list first, then the newest of the same category.
pub fn related(summaries: &[ArticleSummary], article: &Article) -> Vec<ArticleSummary> {
    let by_slug = |slug: &str| summaries.iter().find(|a| a.slug == slug).cloned();
    let mut out: Vec<ArticleSummary> = article
        .related
        .iter()
        .filter(|s| **s != article.slug)
        .filter_map(|s| by_slug(s))
        .collect();
    for a in summaries {
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

fn faq_sources(faq: &Faq, articles: &[&Article]) -> FaqSources {
    let mut sources = FaqSources::new();
    for item in faq.groups.iter().flat_map(|g| &g.items) {
        let (slug, section) = (&item.source.article, &item.source.section);
        // A source that does not exist only costs its link text; the checker reports it.
        let Some(article) = articles.iter().find(|a| &a.slug == slug) else {
            continue;
        };
        let section_title = article
            .toc()
            .into_iter()
            .find(|e| &e.id == section)
            .map(|e| e.title)
            .unwrap_or_default();
        sources.insert(
            AppPath::article(slug).with_anchor(Some(section)),
            (article.title.clone(), section_title),
        );
    }
    sources
}
