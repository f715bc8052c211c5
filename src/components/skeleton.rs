use leptos::prelude::*;

/// Placeholder blocks while content loads; screen readers hear "読み込み中".
#[component]
pub fn Skeleton(#[prop(default = 3)] lines: usize) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-busy="true">
            <span class="visually-hidden">"読み込み中…"</span>
            <div class="skeleton__title" aria-hidden="true"></div>
            {(0..lines).map(|_| view! { <div class="skeleton__line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
