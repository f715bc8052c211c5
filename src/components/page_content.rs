use std::sync::Arc;

use leptos::prelude::*;

use super::{LoadFailure, Skeleton};
use crate::data::LoadError;

/// What every page does with its content: a skeleton while it loads, then the view,
/// or a clear failure with a retry that loads it again. The content is a `Resource`:
/// a prerendered page carries its value, so hydration renders the same view at once.
#[component]
pub fn PageContent<T, V, F>(
    content: Resource<Result<T, LoadError>>,
    /// How many skeleton lines to show while loading.
    #[prop(default = 6)]
    lines: usize,
    /// Renders the loaded content.
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let render = Arc::new(render);
    view! {
        <Suspense fallback=move || view! { <Skeleton lines /> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match content.await {
                        Ok(value) => render(value).into_any(),
                        Err(error) => view! {
                            <LoadFailure error on_retry=move |_| content.refetch() />
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
