//! The app shell and the route table (the URL contract).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::base::{self, Deployment};
use crate::components::{SiteFooter, SiteHeader};
use crate::data::Content;
use crate::hydration::NextTask;
use crate::navigation::{bring_into_view, NavigationEffects};
use crate::pages::{
    ArticlePage, ClinicsPage, ColumnList, EmbedArticle, EmbedClinics, EmbedCodePage, EmbedColumns,
    EmbedFaq, FaqPage, NotFound,
};
use crate::paths::{AppPath, Bundle};

/// The patient app, for a deployment (origin and base path) and a source of content:
/// the same component renders every page at build time and runs it in the browser.
/// The release build leaves the embed views to [`EmbedApp`] and the marketers'
/// embed-code page to [`MarketerApp`], bundles of their own, so readers of the column
/// never download them.
#[component]
pub fn App(deployment: Deployment, content: Content) -> impl IntoView {
    #[cfg(not(feature = "csr"))]
    provide_context(Bundle::Patients);
    root(deployment, content, || {
        shell(|| {
            view! {
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=NextTask(ColumnList) />
                    <Route path=path!("/category/:id") view=NextTask(ColumnList) />
                    <Route path=path!("/column/:slug") view=NextTask(ArticlePage) />
                    <Route path=path!("/clinics") view=NextTask(ClinicsPage) />
                    <Route path=path!("/faq") view=NextTask(FaqPage) />
                    <Route path=path!("/embed-code") view=NextTask(elsewhere::EmbedCodePage) />
                    <Route path=path!("/embed/column/:slug") view=NextTask(elsewhere::EmbedArticle) />
                    <Route path=path!("/embed/faq") view=NextTask(elsewhere::EmbedFaq) />
                    <Route path=path!("/embed/clinics") view=NextTask(elsewhere::EmbedClinics) />
                    <Route path=path!("/embed/columns") view=NextTask(elsewhere::EmbedColumns) />
                </Routes>
            }
        })
    })
}

/// The views the patient app routes to that another bundle runs in the release build.
/// The development app (`csr`) runs every page itself.
mod elsewhere {
    #[cfg(not(feature = "csr"))]
    pub(super) use super::ElsewhereOnTheSite as EmbedArticle;
    #[cfg(not(feature = "csr"))]
    pub(super) use super::ElsewhereOnTheSite as EmbedClinics;
    #[cfg(not(feature = "csr"))]
    pub(super) use super::ElsewhereOnTheSite as EmbedCodePage;
    #[cfg(not(feature = "csr"))]
    pub(super) use super::ElsewhereOnTheSite as EmbedColumns;
    #[cfg(not(feature = "csr"))]
    pub(super) use super::ElsewhereOnTheSite as EmbedFaq;
    #[cfg(feature = "csr")]
    pub(super) use crate::pages::{
        EmbedArticle, EmbedClinics, EmbedCodePage, EmbedColumns, EmbedFaq,
    };
}

/// The embeds' app: the views that landing pages frame (`/embed/...`), without the
/// site around them. Every other path belongs to another bundle.
#[component]
pub fn EmbedApp(deployment: Deployment, content: Content) -> impl IntoView {
    provide_context(Bundle::Embeds);
    root(deployment, content, || {
        frameless(|| {
            view! {
                <Routes fallback=ElsewhereOnTheSite>
                    <Route path=path!("/embed/column/:slug") view=NextTask(EmbedArticle) />
                    <Route path=path!("/embed/faq") view=NextTask(EmbedFaq) />
                    <Route path=path!("/embed/clinics") view=NextTask(EmbedClinics) />
                    <Route path=path!("/embed/columns") view=NextTask(EmbedColumns) />
                </Routes>
            }
        })
    })
}

/// The marketers' app: the embed-code page in the site's frame. Every other path
/// belongs to another bundle, so a link there loads it.
#[component]
pub fn MarketerApp(deployment: Deployment, content: Content) -> impl IntoView {
    provide_context(Bundle::Marketers);
    root(deployment, content, || {
        shell(|| {
            view! {
                <Routes fallback=ElsewhereOnTheSite>
                    <Route path=path!("/embed-code") view=NextTask(EmbedCodePage) />
                </Routes>
            }
        })
    })
}

/// A path served by another bundle. Links there carry `rel="external"` (see
/// `components::rel_for`), so this shows only when a link without it was followed: the
/// page then loads again from the server, once the router has moved to the new URL.
/// On a first load, a host must have answered with the wrong page: it is not found.
#[component]
fn ElsewhereOnTheSite() -> impl IntoView {
    let here = crate::navigation::navigated_within_page();
    if here {
        set_timeout(
            || {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            },
            std::time::Duration::ZERO,
        );
    }
    (!here).then(|| view! { <NotFound /> })
}

fn root<V: IntoView + 'static>(
    deployment: Deployment,
    content: Content,
    page: impl FnOnce() -> V + Send + 'static,
) -> impl IntoView {
    provide_meta_context();
    let router_base = deployment.router_base.clone();
    provide_context(deployment);
    provide_context(content);
    view! { <Router base=router_base>{page()}</Router> }
}

/// The site around the views; embeds (`/embed/...`, which the development app runs
/// too) get the view alone.
fn shell<R: IntoView + 'static>(routes: impl FnOnce() -> R + Send + 'static) -> impl IntoView {
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
        {main(routes)}
        <Show when=move || site.get()>
            <SiteFooter />
        </Show>
    }
}

/// The embeds' bundle has nothing around its views.
fn frameless<R: IntoView + 'static>(routes: impl FnOnce() -> R + Send + 'static) -> impl IntoView {
    view! {
        <NavigationEffects />
        {main(routes)}
    }
}

fn main<R: IntoView + 'static>(routes: impl FnOnce() -> R + Send + 'static) -> impl IntoView {
    view! {
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|_| view! { <Unexpected /> }>{routes()}</ErrorBoundary>
        </main>
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
