use leptos::prelude::*;

use super::{AppLink, ExternalLink};
use crate::content::derived::Catalog;
use crate::content::{Clinics, Site};
use crate::data;
use crate::paths::{destination, treatment_destination, AppPath, Destination};

/// The footer of the seed site: guides, treatment menu and clinics by area. Without
/// content (still loading, or failed) it shows only the fixed links.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let source = data::use_content();
    let content = Resource::new(
        || (),
        move |_| {
            let (frame, catalog) = (source.site_and_clinics(), source.site_and_catalog());
            async move {
                let ((site, clinics), (_, catalog)) =
                    futures::future::try_join(frame, catalog).await?;
                Ok::<_, data::LoadError>((site, clinics, catalog))
            }
        },
    );
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        content
                            .await
                            .ok()
                            .map(|(site, clinics, catalog)| footer_content(&site, &clinics, &catalog))
                    })}
                </Suspense>
                <p class="site-footer__fixed">
                    <AppLink to=AppPath::home()>"コラム一覧"</AppLink>
                    " ・ "
                    <AppLink to=AppPath::Faq>"よくある質問"</AppLink>
                    " ・ "
                    <AppLink to=AppPath::Clinics>"クリニック紹介"</AppLink>
                    " ・ "
                    <AppLink to=AppPath::EmbedCode>"コラムを埋め込む(掲載サイトの方へ)"</AppLink>
                </p>
            </div>
        </footer>
    }
}

fn footer_content(site: &Site, clinics: &Clinics, catalog: &Catalog) -> impl IntoView {
    let guides = site
        .guides
        .iter()
        .map(|g| {
            let text = g.title.clone();
            let title = match g.to.as_ref().and_then(destination) {
                Some(Destination::App(p)) => view! { <AppLink to=p>{text}</AppLink> }.into_any(),
                Some(Destination::External(u)) => {
                    view! { <ExternalLink href=u>{text}</ExternalLink> }.into_any()
                }
                None => text.into_any(),
            };
            view! {
                <li class="guide">
                    <p class="guide__title">{title}</p>
                    <p class="guide__description">{g.description.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let menu = site
        .categories
        .iter()
        .map(|c| {
            let name = c.name.clone();
            // A treatment with no page and no articles is named, not linked.
            let entry = match treatment_destination(c, catalog.count(&c.id), 0) {
                Some(Destination::App(to)) => view! { <AppLink to>{name}</AppLink> }.into_any(),
                Some(Destination::External(href)) => {
                    view! { <ExternalLink href>{name}</ExternalLink> }.into_any()
                }
                None => view! { <span>{name}</span> }.into_any(),
            };
            view! { <li>{entry}</li> }
        })
        .collect_view();
    let areas = clinics
        .areas
        .iter()
        .map(|a| {
            let list = clinics
                .clinics
                .iter()
                .filter(|c| c.area == a.id)
                .map(|c| {
                    let name = c.name.clone();
                    view! { <li><AppLink to=AppPath::Clinics.with_anchor(Some(&c.id))>{name}</AppLink></li> }
                })
                .collect_view();
            view! {
                <li>
                    <p class="site-footer__area">{a.name.clone()}</p>
                    <ul>{list}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="site-footer__guides">{guides}</ul>
        <section aria-labelledby="footer-menu-heading">
            <h2 id="footer-menu-heading" class="site-footer__heading">"施術メニュー"</h2>
            <ul class="site-footer__menu">{menu}</ul>
        </section>
        <section aria-labelledby="footer-clinics-heading">
            <h2 id="footer-clinics-heading" class="site-footer__heading">
                <span lang="en">"Clinic"</span> " クリニック紹介"
            </h2>
            <ul class="site-footer__areas">{areas}</ul>
        </section>
    }
}
