use leptos::prelude::*;

use super::app_link::link_to;
use super::RawElement;
use crate::content::ArticleSummary;
use crate::markup;
use crate::paths::AppPath;

/// An article in a list: date, category, title, excerpt and supervising doctor. Built
/// as one string ([`markup::card`]): a list of results redraws on every keystroke, and
/// one write per card costs a fraction of a view per element. Hydration keeps what the
/// page was served with.
#[component]
pub fn ArticleCard(
    summary: ArticleSummary,
    #[prop(into)] category: String,
    #[prop(into)] doctor: String,
    /// Search words to highlight.
    #[prop(optional)]
    terms: Vec<String>,
    /// Whether the title is an h3 (inside a section) rather than an h2.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    card_view(card_inside(&summary, &category, &doctor, &terms, nested))
}

/// A card's inside, for a list that keeps its cards' strings to redraw them unchanged.
pub fn card_inside(
    summary: &ArticleSummary,
    category: &str,
    doctor: &str,
    terms: &[String],
    nested: bool,
) -> String {
    let link = link_to(&AppPath::article(&summary.slug).path());
    markup::card(summary, category, doctor, terms, nested, &link)
}

/// A card from its inside ([`card_inside`]): `<article class="card">` around it, redrawn
/// only when that string changes.
pub fn card_view(inside: String) -> RawElement {
    RawElement(format!("<article class=\"card\">{inside}</article>"))
}
