use leptos::prelude::*;

use super::{destination_link, link_to, RawElement};
use crate::content::derived::Catalog;
use crate::content::{Clinics, Site};
use crate::data;
use crate::markup::{anchor, escape};
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
                {fixed_links()}
            </div>
        </footer>
    }
}

/// A link to where content points, or its words alone when it leads nowhere.
fn link_or_text(to: Option<Destination>, text: &str) -> String {
    let text = escape(text);
    match to {
        Some(to) => anchor(&destination_link(to), None, &text),
        None => text,
    }
}

/// The footer's content-driven parts: markup that never changes once drawn.
fn footer_content(
    site: &Site,
    clinics: &Clinics,
    catalog: &Catalog,
) -> (RawElement, RawElement, RawElement) {
    let guides = site
        .guides
        .iter()
        .map(|g| {
            format!(
                "<li class=\"guide\"><p class=\"guide__title\">{}</p>\
                 <p class=\"guide__description\">{}</p></li>",
                link_or_text(g.to.as_ref().and_then(destination), &g.title),
                escape(&g.description)
            )
        })
        .collect::<String>();
    // A treatment with no page and no articles is named, not linked.
    let menu = site
        .categories
        .iter()
        .map(|c| {
            let to = treatment_destination(c, catalog.count(&c.id), 0);
            match to {
                Some(_) => format!("<li>{}</li>", link_or_text(to, &c.name)),
                None => format!("<li><span>{}</span></li>", escape(&c.name)),
            }
        })
        .collect::<String>();
    let areas = clinics
        .areas
        .iter()
        .map(|a| {
            let list = clinics
                .clinics
                .iter()
                .filter(|c| c.area == a.id)
                .map(|c| {
                    let to = AppPath::Clinics.with_anchor(Some(&c.id));
                    format!(
                        "<li>{}</li>",
                        link_or_text(Some(Destination::App(to)), &c.name)
                    )
                })
                .collect::<String>();
            format!(
                "<li><p class=\"site-footer__area\">{}</p><ul>{list}</ul></li>",
                escape(&a.name)
            )
        })
        .collect::<String>();
    (
        RawElement(format!("<ul class=\"site-footer__guides\">{guides}</ul>")),
        RawElement(format!(
            "<section aria-labelledby=\"footer-menu-heading\">\
             <h2 id=\"footer-menu-heading\" class=\"site-footer__heading\">施術メニュー</h2>\
             <ul class=\"site-footer__menu\">{menu}</ul></section>"
        )),
        RawElement(format!(
            "<section aria-labelledby=\"footer-clinics-heading\">\
             <h2 id=\"footer-clinics-heading\" class=\"site-footer__heading\">\
             <span lang=\"en\">Clinic</span> クリニック紹介</h2>\
             <ul class=\"site-footer__areas\">{areas}</ul></section>"
        )),
    )
}

/// The links shown with or without content.
fn fixed_links() -> RawElement {
    let links = [
        (AppPath::home(), "コラム一覧"),
        (AppPath::Faq, "よくある質問"),
        (AppPath::Clinics, "クリニック紹介"),
        (AppPath::EmbedCode, "コラムを埋め込む(掲載サイトの方へ)"),
    ]
    .map(|(to, text)| anchor(&link_to(&to.path()), None, text));
    RawElement(format!(
        "<p class=\"site-footer__fixed\">{}</p>",
        links.join(" ・ ")
    ))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&";

    fn parts(catalog: &Catalog) -> Vec<String> {
        let mut site: Site =
            serde_json::from_str(include_str!("../../public/content/site.json")).unwrap();
        let mut clinics: Clinics =
            serde_json::from_str(include_str!("../../public/content/clinics.json")).unwrap();
        site.guides[0].title = HOSTILE.into();
        clinics.clinics[0].name = HOSTILE.into();
        Owner::new().with(|| {
            let (guides, menu, areas) = footer_content(&site, &clinics, catalog);
            vec![guides.0, menu.0, areas.0]
        })
    }

    #[test]
    fn guides_treatments_and_clinics_are_text_linked_where_they_lead_somewhere() {
        let exosome = Catalog {
            total: 1,
            counts: [("exosome".to_string(), 1)].into(),
        };
        let [guides, menu, areas] = <[String; 3]>::try_from(parts(&exosome)).unwrap();
        // A guide without a page is its title alone; one with a page is a link.
        assert!(
            guides.contains("<p class=\"guide__title\">&lt;img"),
            "{guides}"
        );
        assert!(
            guides.contains("<a href=\"/faq\">よくある質問</a>"),
            "{guides}"
        );
        // A treatment with articles links to its list; one without is named only.
        assert!(
            menu.contains("<li><a href=\"/category/exosome\">エクソソーム</a></li>"),
            "{menu}"
        );
        assert!(menu.contains("<li><span>ダーマペン</span></li>"), "{menu}");
        assert!(areas.contains("<a href=\"/clinics#"), "{areas}");
        for part in [&guides, &menu, &areas] {
            assert!(!part.contains("<img"), "{part}");
        }
        assert!(areas.contains("&lt;img"), "{areas}");
    }

    #[test]
    fn the_fixed_links_lead_to_the_four_pages() {
        let fixed = Owner::new().with(|| fixed_links().0);
        for to in ["/", "/faq", "/clinics", "/embed-code"] {
            assert!(
                fixed.contains(&format!("<a href=\"{to}\">")),
                "{to}: {fixed}"
            );
        }
    }
}
