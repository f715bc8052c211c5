//! The app shell and the route table (the URL contract).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::base::{self, Deployment};
use crate::components::{SiteFooter, SiteHeader};
use crate::data::Content;
use crate::navigation::{bring_into_view, NavigationEffects};
use crate::pages::{
    ArticlePage, ClinicsPage, ColumnList, EmbedArticle, EmbedClinics, EmbedCodePage, EmbedColumns,
    EmbedFaq, FaqPage, NotFound,
};
use crate::paths::AppPath;

/// The whole app, for a deployment (origin and base path) and a source of content:
/// the same component renders every page at build time and runs it in the browser.
#[component]
pub fn App(deployment: Deployment, content: Content) -> impl IntoView {
    provide_meta_context();
    let router_base = deployment.router_base.clone();
    provide_context(deployment);
    provide_context(content);
    view! {
        <Router base=router_base>
            <Shell />
        </Router>
    }
}

/// The site around the views; embeds (`/embed/...`) get the view alone.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let router_base = base::use_deployment().router_base;
    let site = Memo::new(move |_| {
        let path = crate::paths::app_path_of(&router_base, &location.pathname.get());
        !AppPath::is_embed(&path)
    });
    view! {
        <NavigationEffects />
        <Show when=move || site.get()>
            // A real in-page link (with `<base href>`, a bare `#main` would lead to
            // the root page when the app is not running).
            <a class="skip-link" href=move || format!("{}#main", location.pathname.get()) on:click=skip_to_main>
                "本文へスキップ"
            </a>
            <SiteHeader />
        </Show>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|_| view! { <Unexpected /> }>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=ColumnList />
                    <Route path=path!("/category/:id") view=ColumnList />
                    <Route path=path!("/column/:slug") view=ArticlePage />
                    <Route path=path!("/clinics") view=ClinicsPage />
                    <Route path=path!("/faq") view=FaqPage />
                    <Route path=path!("/embed-code") view=EmbedCodePage />
                    <Route path=path!("/embed/column/:slug") view=EmbedArticle />
                    <Route path=path!("/embed/faq") view=EmbedFaq />
                    <Route path=path!("/embed/clinics") view=EmbedClinics />
                    <Route path=path!("/embed/columns") view=EmbedColumns />
                </Routes>
            </ErrorBoundary>
        </main>
        <Show when=move || site.get()>
            <SiteFooter />
        </Show>
    }
}

/// Moves focus to the main content. Handled here because with `<base href>` a bare
/// `#main` would resolve to the root page.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    ev.stop_propagation();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        bring_into_view(&document, "main");
    }
}

/// Shown if a view fails in a way it did not handle itself.
#[component]
fn Unexpected() -> impl IntoView {
    view! {
        <section class="load-failure" role="alert">
            <h1>"表示中に問題が発生しました"</h1>
            <p>"お手数ですが、ページを再読み込みしてください。"</p>
        </section>
    }
}
