use leptos::prelude::*;

use super::app_link::{destination_link, external_link, link_to};
use super::{Collapsible, Collapsibles, RawElement};
use std::collections::HashMap;

use crate::content::{Block, LinkTarget, PriceRow};
use crate::markup::{anchor, escape, phrased, Link};
use crate::paths::{destination, AppPath, Destination};

/// What the body's links need to know beyond the blocks.
pub struct BodyLinks {
    /// Where the consultation call to action leads: a booking URL, else the clinics page.
    pub consultation_url: Option<String>,
    /// Where a link to each category leads (see `paths::treatment_destination`); a link
    /// to a category that leads nowhere is left out.
    pub categories: HashMap<String, Option<Destination>>,
}

/// Renders an article body. Blocks are typed data, so every string renders as text.
/// What never changes once drawn is markup built as a string ([`RawElement`]); only the
/// collapsible (risk) sections are views, for their buttons.
#[component]
pub fn ArticleBody(
    blocks: Vec<Block>,
    state: Collapsibles,
    links: BodyLinks,
    /// Shown just before the first collapsible (risk) section, e.g. the treatment's
    /// disclosures beside its risks.
    #[prop(optional, into)]
    before_risks: Option<ViewFn>,
) -> impl IntoView {
    let first_risk = blocks.iter().position(|b| {
        matches!(
            b,
            Block::Section {
                collapsible: true,
                ..
            }
        )
    });
    blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let before = (Some(i) == first_risk)
                .then(|| before_risks.as_ref().map(|v| v.run()))
                .flatten();
            view! { {before} {block(b, 1, state, &links)} }
        })
        .collect_view()
}

fn block(b: Block, depth: u8, state: Collapsibles, links: &BodyLinks) -> AnyView {
    let views = |blocks: Vec<Block>| {
        blocks
            .into_iter()
            .map(|b| block(b, depth + 1, state, links))
            .collect::<Vec<_>>()
    };
    match b {
        Block::Section {
            id,
            title,
            collapsible: true,
            blocks,
            ..
        } => {
            let inner = views(blocks);
            view! {
                <Collapsible id=id title=title level=depth + 1 state=state>
                    {inner}
                </Collapsible>
            }
            .into_any()
        }
        // A plain section around collapsible ones: a view, to hold theirs.
        Block::Section {
            id, title, blocks, ..
        } if blocks.iter().any(holds_collapsible) => {
            let (class, heading) = section_heading(depth, &title);
            let heading = RawElement(heading);
            let inner = views(blocks);
            view! { <section id=id class=class>{heading}{inner}</section> }.into_any()
        }
        b => {
            let mut html = String::new();
            write_block(&mut html, &b, depth, links);
            // A link that leads nowhere writes nothing.
            match html.is_empty() {
                true => ().into_any(),
                false => RawElement(html).into_any(),
            }
        }
    }
}

fn holds_collapsible(b: &Block) -> bool {
    match b {
        Block::Section {
            collapsible: true, ..
        } => true,
        Block::Section { blocks, .. } => blocks.iter().any(holds_collapsible),
        _ => false,
    }
}

/// A plain section's class and its heading's markup: an h2 at the top, an h3 below.
fn section_heading(depth: u8, title: &str) -> (&'static str, String) {
    let title = phrased(title);
    match depth < 2 {
        true => ("section", format!("<h2>{title}</h2>")),
        false => ("section section--sub", format!("<h3>{title}</h3>")),
    }
}

/// Writes a block holding no collapsible section as markup, every string escaped.
fn write_block(out: &mut String, b: &Block, depth: u8, links: &BodyLinks) {
    match b {
        Block::Section {
            id, title, blocks, ..
        } => {
            let (class, heading) = section_heading(depth, title);
            out.push_str(&format!(
                "<section id=\"{}\" class=\"{class}\">{heading}",
                escape(id)
            ));
            for b in blocks {
                write_block(out, b, depth + 1, links);
            }
            out.push_str("</section>");
        }
        Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>", escape(text))),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for i in items {
                out.push_str(&format!("<li>{}</li>", escape(i)));
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Link { text, to } => {
            let text = escape(text);
            let leads_to = match to {
                LinkTarget::Category(id) => links.categories.get(id).cloned().flatten(),
                _ => destination(to),
            };
            let link = match leads_to {
                Some(to) => destination_link(to),
                // A treatment with nowhere to go: the link is left out.
                None if matches!(to, LinkTarget::Category(_)) => return,
                // Never render a link content could abuse; keep the words.
                None => return out.push_str(&format!("<p>{text}</p>")),
            };
            out.push_str(&format!(
                "<p class=\"more-link\">{}</p>",
                anchor(&link, None, &text)
            ));
        }
        Block::PriceTable { caption, rows } => write_price_table(out, caption.as_deref(), rows),
        Block::Consultation { text } => {
            let (link, label): (Link, _) = match &links.consultation_url {
                Some(url) => (external_link(url.clone()), "無料相談を予約する"),
                None => (
                    link_to(&AppPath::Clinics.path()),
                    "お近くのクリニックを探す",
                ),
            };
            out.push_str(&format!(
                "<aside class=\"consultation\" aria-label=\"無料相談のご案内\"><p>{}</p>{}</aside>",
                escape(text),
                anchor(&link, Some("button"), label)
            ));
        }
    }
}

fn write_price_table(out: &mut String, caption: Option<&str>, rows: &[PriceRow]) {
    out.push_str("<table class=\"price-table\">");
    if let Some(c) = caption {
        out.push_str(&format!("<caption>{}</caption>", escape(c)));
    }
    out.push_str(
        "<thead><tr><th scope=\"col\">施術</th><th scope=\"col\">料金(税込)</th>\
         <th scope=\"col\">備考</th></tr></thead><tbody>",
    );
    for r in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            escape(&r.item),
            escape(&r.price_label()),
            escape(r.note.as_deref().unwrap_or_default()),
        ));
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> BodyLinks {
        BodyLinks {
            consultation_url: None,
            categories: HashMap::new(),
        }
    }

    #[test]
    fn blocks_become_markup_with_every_string_escaped() {
        let hostile = "<img src=x onerror=alert(1)>\"&";
        let section = Block::Section {
            id: "a\"b".into(),
            title: hostile.into(),
            collapsible: false,
            topic: None,
            blocks: vec![
                Block::Paragraph {
                    text: hostile.into(),
                },
                Block::List {
                    ordered: true,
                    items: vec![hostile.into()],
                },
                Block::PriceTable {
                    caption: Some(hostile.into()),
                    rows: vec![PriceRow {
                        item: hostile.into(),
                        yen: 12000,
                        note: None,
                    }],
                },
            ],
        };
        let mut out = String::new();
        write_block(&mut out, &section, 1, &links());
        assert!(!out.contains("<img"), "{out}");
        assert_eq!(out.matches("&lt;img").count(), 5, "{out}");
        assert!(out.starts_with("<section id=\"a&quot;b\" class=\"section\"><h2><span>"));
        assert!(
            out.contains("<ol><li>") && out.contains("<td>12,000円</td><td></td>"),
            "{out}"
        );
        assert!(out.ends_with("</tbody></table></section>"), "{out}");
    }

    #[test]
    fn a_sub_section_is_an_h3_and_only_collapsible_ones_need_a_view() {
        let sub = Block::Section {
            id: "s".into(),
            title: "副作用".into(),
            collapsible: false,
            topic: None,
            blocks: vec![],
        };
        let mut out = String::new();
        write_block(&mut out, &sub, 2, &links());
        assert_eq!(
            out,
            "<section id=\"s\" class=\"section section--sub\"><h3><span>副作用</span></h3></section>"
        );
        assert!(!holds_collapsible(&sub));
        let outer = Block::Section {
            id: "o".into(),
            title: "o".into(),
            collapsible: false,
            topic: None,
            blocks: vec![Block::Section {
                id: "c".into(),
                title: "c".into(),
                collapsible: true,
                topic: None,
                blocks: vec![],
            }],
        };
        assert!(holds_collapsible(&outer));
    }
}
