use leptos::prelude::*;

use super::{AppLink, Collapsible, Collapsibles, ExternalLink, Phrased};
use std::collections::HashMap;

use crate::content::{Block, LinkTarget, PriceRow};
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
    let cta = StoredValue::new(links);
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
            view! { {before} {block(b, 1, state, cta)} }
        })
        .collect_view()
}

fn block(b: Block, depth: u8, state: Collapsibles, cta: StoredValue<BodyLinks>) -> AnyView {
    match b {
        Block::Section {
            id,
            title,
            collapsible,
            blocks,
            ..
        } => {
            let level = depth + 1;
            let inner = move || {
                blocks
                    .into_iter()
                    .map(|b| block(b, depth + 1, state, cta))
                    .collect_view()
            };
            if collapsible {
                view! {
                    <Collapsible id=id title=title level=level state=state>
                        {inner()}
                    </Collapsible>
                }
                .into_any()
            } else if level <= 2 {
                view! {
                    <section id=id class="section">
                        <h2><Phrased text=title /></h2>
                        {inner()}
                    </section>
                }
                .into_any()
            } else {
                view! {
                    <section id=id class="section section--sub">
                        <h3><Phrased text=title /></h3>
                        {inner()}
                    </section>
                }
                .into_any()
            }
        }
        Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Link { text, to } => match match &to {
            LinkTarget::Category(id) => cta.with_value(|l| l.categories.get(id).cloned().flatten()),
            _ => destination(&to),
        } {
            Some(Destination::App(path)) => view! {
                <p class="more-link"><AppLink to=path>{text}</AppLink></p>
            }
            .into_any(),
            Some(Destination::External(url)) => view! {
                <p class="more-link"><ExternalLink href=url>{text}</ExternalLink></p>
            }
            .into_any(),
            // A treatment with nowhere to go: the link is left out.
            None if matches!(to, LinkTarget::Category(_)) => ().into_any(),
            // Never render a link content could abuse; keep the words.
            None => view! { <p>{text}</p> }.into_any(),
        },
        Block::PriceTable { caption, rows } => price_table(caption, rows),
        Block::Consultation { text } => {
            let link = match cta.with_value(|l| l.consultation_url.clone()) {
                Some(url) => view! {
                    <ExternalLink href=url class="button">"無料相談を予約する"</ExternalLink>
                }
                .into_any(),
                None => view! {
                    <AppLink to=AppPath::Clinics class="button">"お近くのクリニックを探す"</AppLink>
                }
                .into_any(),
            };
            view! {
                <aside class="consultation" aria-label="無料相談のご案内">
                    <p>{text}</p>
                    {link}
                </aside>
            }
            .into_any()
        }
    }
}

fn price_table(caption: Option<String>, rows: Vec<PriceRow>) -> AnyView {
    view! {
        <table class="price-table">
            {caption.map(|c| view! { <caption>{c}</caption> })}
            <thead>
                <tr><th scope="col">"施術"</th><th scope="col">"料金(税込)"</th><th scope="col">"備考"</th></tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| view! {
                        <tr>
                            <th scope="row">{r.item.clone()}</th>
                            <td>{r.price_label()}</td>
                            <td>{r.note.unwrap_or_default()}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
