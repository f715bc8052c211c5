use leptos::prelude::*;

use crate::content::Column;

/// The column's masthead: label, name and description line.
#[component]
pub fn ColumnHeader(column: Column) -> impl IntoView {
    view! {
        <header class="column-header">
            <p class="column-header__label" lang="en">{column.label}</p>
            <p class="column-header__name">{column.name}</p>
            <p class="column-header__description">{column.description}</p>
        </header>
    }
}
