//! `/clinics`: the clinics, grouped by area, with a map. Only what the clinic has
//! published is shown; nothing is filled in.

use std::sync::Arc;

use leptos::prelude::*;

use crate::base;
use crate::components::{
    external_link, Breadcrumbs, JapanMap, JsonLd, PageContent, PageMeta, RawElement,
};
use crate::content::{Clinic, Clinics, Site};
use crate::data::use_content;
use crate::markup::{anchor, escape};
use crate::paths::AppPath;
use crate::structured_data::medical_clinic;

#[component]
pub fn ClinicsPage() -> impl IntoView {
    let source = use_content();
    let content = Resource::new(|| (), move |_| source.site_and_clinics());
    view! {
        <PageContent content render=|(site, clinics)| view! { <ClinicsView site clinics /> } />
    }
}

#[component]
fn ClinicsView(site: Arc<Site>, clinics: Arc<Clinics>) -> impl IntoView {
    let brand = site.brand.name.clone();
    let names = clinics
        .clinics
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join("・");
    let description = format!("{brand}のクリニック紹介({names})。");
    let json_ld = clinics
        .clinics
        .iter()
        .map(|c| {
            let (site, clinic) = (site.clone(), c.clone());
            move || {
                medical_clinic(
                    &site,
                    &clinic,
                    &base::absolute(&AppPath::Clinics.with_anchor(Some(&clinic.id))),
                )
            }
        })
        .collect::<Vec<_>>();
    let areas = clinics
        .areas
        .iter()
        .map(|area| {
            let in_area = clinics
                .clinics
                .iter()
                .filter(|c| c.area == area.id)
                .map(|c| clinic_card(&site, c))
                .collect::<Vec<_>>();
            let heading_id = format!("area-{}", area.id);
            view! {
                <section class="area" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{area.name.clone()}</h2>
                    {in_area}
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=format!("クリニック紹介 | {brand}") description path=AppPath::Clinics />
        <Breadcrumbs trail=vec![("コラム一覧".into(), AppPath::home().path()), ("クリニック紹介".into(), AppPath::Clinics.path())] />
        <h1 tabindex="-1"><span lang="en" class="eyebrow">"Clinic"</span>"クリニック紹介"</h1>
        <JapanMap clinics=clinics.clinics.clone() brand=brand.clone() />
        {areas}
        {json_ld.into_iter().map(|data| view! { <JsonLd data /> }).collect_view()}
    }
}

/// One clinic, with only the fields it has: markup that never changes once drawn.
fn clinic_card(site: &Site, clinic: &Clinic) -> RawElement {
    let mut out = format!(
        "<article id=\"{}\" class=\"clinic\" tabindex=\"-1\"><h3>{} {}</h3>",
        escape(&clinic.id),
        escape(&site.brand.name),
        escape(&clinic.name)
    );
    let facts = [
        ("住所", &clinic.address),
        ("電話番号", &clinic.phone),
        ("診療時間", &clinic.hours),
    ]
    .into_iter()
    .filter_map(|(k, v)| {
        v.as_ref()
            .map(|v| format!("<dt>{k}</dt><dd>{}</dd>", escape(v)))
    })
    .collect::<String>();
    if !facts.is_empty() {
        out.push_str(&format!("<dl class=\"clinic__facts\">{facts}</dl>"));
    }
    if let Some(url) = clinic
        .consultation_url
        .clone()
        .or_else(|| site.brand.consultation_url.clone())
    {
        let label = escape(&format!("{}院の無料相談を予約する", clinic.name));
        out.push_str(&format!(
            "<p>{}</p>",
            anchor(&external_link(url), Some("button"), &label)
        ));
    }
    out.push_str("</article>");
    RawElement(out)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&";

    fn site(consultation_url: Option<&str>) -> Site {
        let mut site: Site =
            serde_json::from_str(include_str!("../../public/content/site.json")).unwrap();
        site.brand.name = HOSTILE.into();
        site.brand.consultation_url = consultation_url.map(Into::into);
        site
    }

    fn clinic() -> Clinic {
        Clinic {
            id: "kyoto".into(),
            name: HOSTILE.into(),
            area: "kansai".into(),
            address: Some(HOSTILE.into()),
            phone: None,
            hours: None,
            location: None,
            consultation_url: None,
        }
    }

    fn card(site: &Site, clinic: &Clinic) -> String {
        Owner::new().with(|| clinic_card(site, clinic).0)
    }

    #[test]
    fn a_clinic_shows_only_its_published_facts_all_as_text() {
        let out = card(&site(None), &clinic());
        assert!(out.starts_with("<article id=\"kyoto\" class=\"clinic\" tabindex=\"-1\">"));
        assert!(!out.contains("<img"), "{out}");
        assert_eq!(out.matches("&lt;img").count(), 3, "{out}");
        assert!(out.contains("<dt>住所</dt>"), "{out}");
        for absent in ["電話番号", "診療時間", "button"] {
            assert!(!out.contains(absent), "{absent}: {out}");
        }
        let bare = card(
            &site(None),
            &Clinic {
                address: None,
                ..clinic()
            },
        );
        assert!(!bare.contains("<dl"), "{bare}");
    }

    #[test]
    fn a_clinic_books_on_its_own_page_else_the_brand_s() {
        let brand = card(&site(Some("https://clinic.example/book")), &clinic());
        assert!(
            brand.contains(
                "<a href=\"https://clinic.example/book\" class=\"button\" rel=\"noopener\">"
            ),
            "{brand}"
        );
        assert!(brand.contains("院の無料相談を予約する</a>"), "{brand}");
        let own = card(
            &site(Some("https://clinic.example/book")),
            &Clinic {
                consultation_url: Some("https://clinic.example/kyoto".into()),
                ..clinic()
            },
        );
        assert!(
            own.contains("href=\"https://clinic.example/kyoto\""),
            "{own}"
        );
    }
}
