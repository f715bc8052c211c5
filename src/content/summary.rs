//! Derives an article's list entry from its body, so `index.json` can be generated and
//! checked rather than kept in step by hand.

use std::cmp::Ordering;

use super::model::{Article, ArticleSummary, Block};
use super::Date;

/// The list's order, for the index and every derived list: newest first, then by slug,
/// so articles of the same day never swap places between builds.
pub fn list_order(a: (Date, &str), b: (Date, &str)) -> Ordering {
    b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1))
}

/// Excerpts stop at about this many characters.
const EXCERPT_CHARS: usize = 110;
/// Japanese reading speed used for the reading-time estimate, characters per minute.
const CHARS_PER_MINUTE: usize = 500;

/// The list entry for an article.
pub fn summarize(article: &Article) -> ArticleSummary {
    ArticleSummary {
        slug: article.slug.clone(),
        title: article.title.clone(),
        published: article.published,
        updated: article.updated,
        category: article.category.clone(),
        supervisor: article.supervisor.clone(),
        excerpt: excerpt(article),
        reading_minutes: reading_minutes(article),
    }
}

/// Every piece of reader-visible text in the body, in reading order.
pub fn body_texts(article: &Article) -> Vec<&str> {
    let mut out = Vec::new();
    for (_, block) in article.walk() {
        match block {
            Block::Section { title, .. } => out.push(title.as_str()),
            Block::Paragraph { text } | Block::Consultation { text } | Block::Link { text, .. } => {
                out.push(text)
            }
            Block::List { items, .. } => out.extend(items.iter().map(String::as_str)),
            Block::PriceTable { caption, rows } => {
                out.extend(caption.as_deref());
                for r in rows {
                    out.push(&r.item);
                    out.extend(r.note.as_deref());
                }
            }
        }
    }
    out
}

/// The body's opening paragraphs, verbatim, cut at a character boundary with "…".
pub fn excerpt(article: &Article) -> String {
    let mut text = String::new();
    for (_, block) in article.walk() {
        if let Block::Paragraph { text: p } = block {
            text.push_str(p);
            if text.chars().count() > EXCERPT_CHARS {
                break;
            }
        }
    }
    truncate(&text, EXCERPT_CHARS)
}

/// Cuts `s` to at most `max` characters, marking a cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
    }
}

/// Minutes to read the title and body, at least one.
pub fn reading_minutes(article: &Article) -> u32 {
    let chars: usize = std::iter::once(article.title.as_str())
        .chain(body_texts(article))
        .map(|t| t.chars().count())
        .sum();
    chars.div_ceil(CHARS_PER_MINUTE).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Date;

    fn article(body: Vec<Block>) -> Article {
        Article {
            schema: None,
            slug: "a".into(),
            title: "題".into(),
            published: Date::parse("2024-01-02").unwrap(),
            updated: None,
            category: "c".into(),
            supervisor: "d".into(),
            body,
            related: vec![],
            disclosures: None,
        }
    }

    fn para(t: &str) -> Block {
        Block::Paragraph { text: t.into() }
    }

    #[test]
    fn excerpt_takes_paragraphs_in_order_and_cuts_on_characters() {
        let long = "あ".repeat(200);
        let a = article(vec![Block::Section {
            id: "s".into(),
            title: "見出し".into(),
            collapsible: false,
            topic: None,
            blocks: vec![para("最初。"), para(&long)],
        }]);
        let e = excerpt(&a);
        assert!(e.starts_with("最初。あ"));
        assert!(e.ends_with('…'));
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(excerpt(&article(vec![para("短い。")])), "短い。");
    }

    #[test]
    fn reading_time_counts_all_text() {
        assert_eq!(reading_minutes(&article(vec![])), 1);
        assert_eq!(reading_minutes(&article(vec![para(&"字".repeat(1200))])), 3);
    }
}
