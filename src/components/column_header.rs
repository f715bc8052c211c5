use leptos::prelude::*;

use super::RawElement;
use crate::content::Column;
use crate::markup::escape;

/// The column's masthead: label, name and description line. On the list page the
/// name is the page's heading. Never changes once drawn: one string.
#[component]
pub fn ColumnHeader(column: Column, #[prop(optional)] is_page_heading: bool) -> impl IntoView {
    let (tag, focusable) = match is_page_heading {
        true => ("h1", " tabindex=\"-1\""),
        false => ("p", ""),
    };
    RawElement(format!(
        "<header class=\"column-header\"><p class=\"column-header__label\" lang=\"en\">{}</p>\
         <{tag} class=\"column-header__name\"{focusable}>{}</{tag}>\
         <p class=\"column-header__description\">{}</p></header>",
        escape(&column.label),
        escape(&column.name),
        escape(&column.description)
    ))
}
