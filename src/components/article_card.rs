use leptos::prelude::*;

use super::{AppLink, Highlighted};
use crate::content::ArticleSummary;
use crate::paths::AppPath;

/// An article in a list: date, category, title, excerpt and supervising doctor.
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
    let to = AppPath::article(&summary.slug).path();
    let (title_text, title_terms) = (summary.title.clone(), terms.clone());
    let title = view! {
        <AppLink to>
            <Highlighted text=title_text terms=title_terms phrased=true />
        </AppLink>
    };
    let heading = if nested {
        view! { <h3 class="card__title">{title}</h3> }.into_any()
    } else {
        view! { <h2 class="card__title">{title}</h2> }.into_any()
    };
    view! {
        <article class="card">
            {heading}
            <p class="card__meta">
                <time datetime=summary.published.to_string()>{summary.published.dotted()}</time>
                <span class="badge">{category}</span>
                <span class="card__reading">{format!("約{}分で読めます", summary.reading_minutes)}</span>
            </p>
            <p class="card__excerpt">
                <Highlighted text=summary.excerpt terms=terms />
            </p>
            <p class="card__doctor">"監修: " {doctor} " 先生"</p>
        </article>
    }
}
