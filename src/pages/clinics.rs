//! `/clinics`: the clinics, grouped by area, with a map. Only what the clinic has
//! published is shown; nothing is filled in.

use std::sync::Arc;

use leptos::prelude::*;

use crate::base;
use crate::components::{Breadcrumbs, ExternalLink, JapanMap, JsonLd, PageContent, PageMeta};
use crate::content::{Clinic, Clinics, Site};
use crate::data::use_content;
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
            let in_area: Vec<Clinic> = clinics.clinics.iter().filter(|c| c.area == area.id).cloned().collect();
            let heading_id = format!("area-{}", area.id);
            let site = site.clone();
            view! {
                <section class="area" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{area.name.clone()}</h2>
                    {in_area.into_iter().map(|c| view! { <ClinicCard site=site.clone() clinic=c /> }).collect_view()}
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

/// One clinic, with only the fields it has.
#[component]
fn ClinicCard(site: Arc<Site>, clinic: Clinic) -> impl IntoView {
    let facts: Vec<(&'static str, String)> = [
        ("住所", clinic.address.clone()),
        ("電話番号", clinic.phone.clone()),
        ("診療時間", clinic.hours.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    let consultation = clinic
        .consultation_url
        .clone()
        .or_else(|| site.brand.consultation_url.clone());
    view! {
        <article id=clinic.id.clone() class="clinic" tabindex="-1">
            <h3>{site.brand.name.clone()} " " {clinic.name.clone()}</h3>
            {(!facts.is_empty()).then(|| view! {
                <dl class="clinic__facts">
                    {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
            })}
            {match consultation {
                Some(url) => view! {
                    <p><ExternalLink href=url class="button">{format!("{}院の無料相談を予約する", clinic.name)}</ExternalLink></p>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </article>
    }
}
