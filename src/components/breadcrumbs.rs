use leptos::prelude::*;

use super::{AppLink, JsonLd, Phrased};
use crate::base;
use crate::structured_data::breadcrumb_list;

/// The trail from the column to the current page; the last crumb is the page itself.
/// Search engines get the same trail as a BreadcrumbList.
#[component]
pub fn Breadcrumbs(
    /// (label, app path) pairs, the current page last (its path is not linked).
    trail: Vec<(String, String)>,
) -> impl IntoView {
    let last = trail.len().saturating_sub(1);
    let deployment = base::use_deployment();
    let data = {
        let trail = trail.clone();
        move || {
            breadcrumb_list(
                &trail
                    .iter()
                    .map(|(name, path)| (name.clone(), deployment.absolute(path)))
                    .collect::<Vec<_>>(),
            )
        }
    };
    // Inside an embed the landing page is the reader's context, not the column's.
    super::embedded().is_none().then(|| {
        view! {
            <JsonLd data />
            <nav class="breadcrumbs" aria-label="パンくずリスト">
                <ol>
                    {trail
                        .into_iter()
                        .enumerate()
                        .map(|(i, (label, path))| {
                            if i == last {
                                view! { <li aria-current="page"><Phrased text=label /></li> }.into_any()
                            } else {
                                view! { <li><AppLink to=path>{label}</AppLink></li> }.into_any()
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
