use super::app_link::link_to;
use super::RawElement;
use crate::content::ArticleSummary;
use crate::markup;
use crate::paths::AppPath;

/// An article in a list (`<li>`): date, category, title (an h3 when `nested` inside a
/// section, else an h2), excerpt and supervising doctor, as one string
/// ([`markup::card`]). Hydration keeps what the page was served with.
pub fn card_item(
    summary: &ArticleSummary,
    category: &str,
    doctor: &str,
    nested: bool,
) -> RawElement {
    RawElement(format!(
        "<li><article class=\"card\">{}</article></li>",
        card_inside(summary, category, doctor, &[], nested)
    ))
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
