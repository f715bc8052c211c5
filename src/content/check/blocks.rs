//! Walks an article with the JSON pointer of everything in it, so a rule can name
//! the exact field it is about (`/body/3/blocks/0/text`).

use super::report::child;
use crate::content::{Article, Block};

/// A block, where it is, and its section depth (1 = top level of the body).
pub(crate) struct Placed<'a> {
    pub pointer: String,
    pub depth: usize,
    pub block: &'a Block,
}

/// Every block of the body, depth first.
pub(crate) fn blocks(article: &Article) -> Vec<Placed<'_>> {
    fn go<'a>(blocks: &'a [Block], base: &str, depth: usize, out: &mut Vec<Placed<'a>>) {
        for (i, block) in blocks.iter().enumerate() {
            let pointer = child(base, i);
            if let Block::Section { blocks, .. } = block {
                let inner = child(&pointer, "blocks");
                out.push(Placed {
                    pointer,
                    depth,
                    block,
                });
                go(blocks, &inner, depth + 1, out);
            } else {
                out.push(Placed {
                    pointer,
                    depth,
                    block,
                });
            }
        }
    }
    let mut out = Vec::new();
    go(&article.body, "/body", 1, &mut out);
    out
}

/// One piece of reader-visible text.
pub(crate) struct Text<'a> {
    pub pointer: String,
    /// What it is, for messages: "title", "paragraph", "list item", …
    pub what: &'static str,
    pub text: &'a str,
}

/// Every piece of reader-visible text of the article, title first.
pub(crate) fn texts(article: &Article) -> Vec<Text<'_>> {
    let mut out = vec![Text {
        pointer: "/title".into(),
        what: "title",
        text: &article.title,
    }];
    fn push<'a>(out: &mut Vec<Text<'a>>, pointer: String, what: &'static str, text: &'a str) {
        out.push(Text {
            pointer,
            what,
            text,
        });
    }
    for placed in blocks(article) {
        let at = |field: &str| child(&placed.pointer, field);
        match placed.block {
            Block::Section { title, .. } => push(&mut out, at("title"), "section title", title),
            Block::Paragraph { text } => push(&mut out, at("text"), "paragraph", text),
            Block::Consultation { text } => push(&mut out, at("text"), "consultation text", text),
            Block::Link { text, .. } => push(&mut out, at("text"), "link text", text),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    push(&mut out, child(&at("items"), i), "list item", item);
                }
            }
            Block::PriceTable { caption, rows } => {
                if let Some(caption) = caption {
                    push(&mut out, at("caption"), "caption", caption);
                }
                for (i, row) in rows.iter().enumerate() {
                    let row_at = child(&at("rows"), i);
                    push(&mut out, child(&row_at, "item"), "price item", &row.item);
                    if let Some(note) = &row.note {
                        push(&mut out, child(&row_at, "note"), "note", note);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_follow_the_json_layout() {
        let article: Article = serde_json::from_value(serde_json::json!({
            "slug": "a", "title": "題", "published": "2024-01-02", "category": "c",
            "supervisor": "d",
            "body": [
                {"type": "paragraph", "text": "p"},
                {"type": "section", "id": "s", "title": "見出し", "blocks": [
                    {"type": "list", "items": ["x", "y"]},
                    {"type": "price_table", "caption": "c", "rows": [{"item": "i", "yen": 1, "note": "n"}]}
                ]}
            ]
        }))
        .unwrap();
        let placed: Vec<_> = blocks(&article)
            .iter()
            .map(|p| (p.pointer.clone(), p.depth))
            .collect();
        assert_eq!(
            placed,
            [
                ("/body/0".to_string(), 1),
                ("/body/1".to_string(), 1),
                ("/body/1/blocks/0".to_string(), 2),
                ("/body/1/blocks/1".to_string(), 2),
            ]
        );
        let texts: Vec<_> = texts(&article)
            .iter()
            .map(|t| format!("{} {} {}", t.pointer, t.what, t.text))
            .collect();
        assert_eq!(
            texts,
            [
                "/title title 題",
                "/body/0/text paragraph p",
                "/body/1/title section title 見出し",
                "/body/1/blocks/0/items/0 list item x",
                "/body/1/blocks/0/items/1 list item y",
                "/body/1/blocks/1/caption caption c",
                "/body/1/blocks/1/rows/0/item price item i",
                "/body/1/blocks/1/rows/0/note note n",
            ]
        );
    }
}
