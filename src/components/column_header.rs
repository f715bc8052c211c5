use leptos::prelude::*;

use super::RawElement;
use crate::content::Column;
use crate::markup::escape;

/// The column's masthead: label, name and description line. On the list page the
/// name is the page's heading. Never changes once drawn: one string.
#[component]
pub fn ColumnHeader(column: Column, #[prop(optional)] is_page_heading: bool) -> impl IntoView {
    let name = match is_page_heading {
        true => "h1 class=\"column-header__name\" tabindex=\"-1\"",
        false => "p class=\"column-header__name\"",
    };
    let close = &name[..name.find(' ').unwrap_or(name.len())];
    RawElement(format!(
        "<header class=\"column-header\"><p class=\"column-header__label\" lang=\"en\">{}</p>\
         <{name}>{}</{close}><p class=\"column-header__description\">{}</p></header>",
        escape(&column.label),
        escape(&column.name),
        escape(&column.description)
    ))
}
