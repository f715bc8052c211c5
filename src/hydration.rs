//! Whether the browser is taking over the prerendered page right now (`hydrate` only),
//! and the one place where that take-over pauses: the site around a view hydrates in
//! one task, the view in the next, so neither holds up a reader's tap for long.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::ChooseView;

#[cfg(feature = "hydrate")]
thread_local! {
    static HYDRATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while the prerendered page is being hydrated; always false natively and in
/// the development app.
pub fn hydrating() -> bool {
    #[cfg(feature = "hydrate")]
    return HYDRATING.get();
    #[cfg(not(feature = "hydrate"))]
    false
}

/// Marks the start and the end of hydration (`src/start.rs`).
#[cfg(feature = "hydrate")]
pub(crate) fn set_hydrating(on: bool) {
    HYDRATING.set(on);
}

/// A route's view that, while hydrating, waits for the next task before it is hydrated.
/// The router awaits `preload` before it hydrates a route; elsewhere it is immediate.
#[derive(Clone)]
pub struct NextTask<F>(pub F);

impl<F, V> ChooseView for NextTask<F>
where
    F: Fn() -> V + Send + Clone + 'static,
    V: IntoView + 'static,
{
    async fn choose(self) -> AnyView {
        (self.0)().into_any()
    }

    fn preload(&self) -> impl Future<Output = ()> {
        let wait = hydrating();
        async move {
            if wait {
                next_task().await;
            }
        }
    }
}

/// Resolves in a later task of the browser's event loop.
async fn next_task() {
    let (done, task) = futures::channel::oneshot::channel();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::ZERO,
    );
    let _ = task.await;
}
