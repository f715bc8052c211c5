use leptos::prelude::*;

use crate::content::Column;

/// The column's masthead: label, name and description line. On the list page the
/// name is the page's heading.
#[component]
pub fn ColumnHeader(column: Column, #[prop(optional)] is_page_heading: bool) -> impl IntoView {
    let name = if is_page_heading {
        view! { <h1 class="column-header__name" tabindex="-1">{column.name}</h1> }.into_any()
    } else {
        view! { <p class="column-header__name">{column.name}</p> }.into_any()
    };
    view! {
        <header class="column-header">
            <p class="column-header__label" lang="en">{column.label}</p>
            {name}
            <p class="column-header__description">{column.description}</p>
        </header>
    }
}
