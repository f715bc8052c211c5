//! The app shell and the route table (the URL contract).

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::base;
use crate::pages::{ArticlePage, ColumnList, NotFound};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Html attr:lang="ja" />
        <Router base=base::router_base()>
            <a class="skip-link" href="#main">"本文へスキップ"</a>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=ColumnList />
                    <Route path=path!("/column/:slug") view=ArticlePage />
                </Routes>
            </main>
        </Router>
    }
}
