//! `index.json` is generated from the articles (`summarize`), never edited by hand:
//! this writes it, and checks that the committed one is exactly what would be written.

use std::collections::HashMap;

use super::kinds::{pretty_json, FileKind};
use super::report::{child, quote, Report};
use super::{Content, WRITE_INDEX_HINT};
use crate::content::summary::{list_order, summarize};
use crate::content::{files, Article, ArticleSummary, Date, Index};

/// The index entries of these articles, newest first, then by slug.
pub(crate) fn entries<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<ArticleSummary> {
    let mut entries: Vec<ArticleSummary> = articles.into_iter().map(summarize).collect();
    entries.sort_by(|a, b| list_order((a.published, &a.slug), (b.published, &b.slug)));
    entries
}

/// The text of `index.json` for these articles (one per slug), as `--write-index`
/// writes it.
pub fn index_json<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let index = Index {
        schema: Some(FileKind::Index.schema_ref()),
        articles: entries(articles),
    };
    pretty_json(&index)
}

pub(crate) fn check(content: &Content, report: &mut Report) {
    let Some(index) = content.index.as_ref().filter(|_| content.articles_listed) else {
        return;
    };
    let file = files::INDEX;
    let owners = content.owners();
    let expected = entries(owners.values().map(|a| &a.article));
    let expected_by_slug: HashMap<&str, &ArticleSummary> =
        expected.iter().map(|e| (e.slug.as_str(), e)).collect();
    let problems_before = report.diagnostics.len();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in index.articles.iter().enumerate() {
        let slug = entry.slug.as_str();
        let at = format!("/articles/{i}");
        if let Some(first) = seen.get(slug) {
            report.error(
                file,
                &at,
                format!(
                    "duplicate entry for {} (first at /articles/{first}); {WRITE_INDEX_HINT}",
                    quote(slug)
                ),
            );
            continue;
        }
        seen.insert(slug, i);
        match expected_by_slug.get(slug) {
            Some(wanted) => {
                let source = owners[slug].file.as_str();
                for (field, want, found) in differences(wanted, entry) {
                    report.error(
                        file,
                        &child(&at, field),
                        format!(
                            "differs from {source}: expected {want}, found {found}; {WRITE_INDEX_HINT}"
                        ),
                    );
                }
            }
            // An article that cannot be read cannot be summarized; its file says why.
            None if content.unreadable.contains(slug) => {}
            None => report.error(
                file,
                &at,
                format!(
                    "extra entry: no article has the slug {}; {WRITE_INDEX_HINT}",
                    quote(slug)
                ),
            ),
        }
    }
    for e in &expected {
        if !seen.contains_key(e.slug.as_str()) {
            report.error(
                file,
                "/articles",
                format!(
                    "missing entry for {} ({}); {WRITE_INDEX_HINT}",
                    quote(&e.slug),
                    owners[e.slug.as_str()].file
                ),
            );
        }
    }
    // Order matters only once the entries themselves are right.
    if report.diagnostics.len() == problems_before {
        let actual: Vec<&str> = index
            .articles
            .iter()
            .map(|e| e.slug.as_str())
            .filter(|s| expected_by_slug.contains_key(s))
            .collect();
        let wanted: Vec<&str> = expected
            .iter()
            .map(|e| e.slug.as_str())
            .filter(|s| seen.contains_key(s))
            .collect();
        if actual != wanted {
            report.error(
                file,
                "/articles",
                format!("entries are out of order: newest first, then by slug; {WRITE_INDEX_HINT}"),
            );
        }
    }
}

/// The fields in which `found` differs from `wanted`: (field, wanted, found), quoted.
fn differences(
    wanted: &ArticleSummary,
    found: &ArticleSummary,
) -> Vec<(&'static str, String, String)> {
    fn date(d: Option<Date>) -> String {
        d.map_or("none".to_string(), |d| format!("`{d}`"))
    }
    let mut out = Vec::new();
    let mut text = |name, want: &str, got: &str| {
        if want != got {
            out.push((name, quote(want), quote(got)));
        }
    };
    text("title", &wanted.title, &found.title);
    text("category", &wanted.category, &found.category);
    text("supervisor", &wanted.supervisor, &found.supervisor);
    text("excerpt", &wanted.excerpt, &found.excerpt);
    if wanted.published != found.published {
        out.push((
            "published",
            date(Some(wanted.published)),
            date(Some(found.published)),
        ));
    }
    if wanted.updated != found.updated {
        out.push(("updated", date(wanted.updated), date(found.updated)));
    }
    if wanted.reading_minutes != found.reading_minutes {
        out.push((
            "reading_minutes",
            wanted.reading_minutes.to_string(),
            found.reading_minutes.to_string(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Block;

    fn article(slug: &str, published: &str) -> Article {
        Article {
            schema: None,
            slug: slug.into(),
            title: format!("{slug} の題"),
            published: Date::parse(published).unwrap(),
            updated: None,
            category: "c".into(),
            supervisor: "d".into(),
            body: vec![Block::Paragraph {
                text: "本文".into(),
            }],
            related: vec![],
            disclosures: None,
        }
    }

    #[test]
    fn entries_are_newest_first_then_by_slug() {
        let a = [
            article("b", "2024-01-01"),
            article("a", "2024-01-01"),
            article("c", "2025-01-01"),
        ];
        let slugs: Vec<_> = entries(&a).into_iter().map(|e| e.slug).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
    }

    #[test]
    fn the_written_index_names_its_schema_first_and_ends_with_a_newline() {
        let text = index_json(&[article("a", "2024-01-01")]);
        assert!(text.starts_with("{\n  \"$schema\": \"schema/index.schema.json\",\n  \"articles\": [\n    {\n      \"slug\": \"a\","));
        assert!(text.ends_with("}\n"));
        let parsed: Index = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed.articles[0].excerpt, "本文");
    }

    #[test]
    fn a_stale_excerpt_differs_only_there() {
        let a = article("a", "2024-01-01");
        let wanted = summarize(&a);
        let mut found = wanted.clone();
        found.excerpt = String::new();
        let d = differences(&wanted, &found);
        assert_eq!(d, [("excerpt", "`本文`".to_string(), "``".to_string())]);
    }
}
