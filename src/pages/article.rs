//! `/column/:slug`: one doctor-supervised article.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::base;
use crate::components::{
    card_item, doctor_box, ArticleBody, BodyLinks, Breadcrumbs, Collapsibles, InPageLink, JsonLd,
    OpenAllButton, PageContent, PageMeta, Phrased, RawElement, ShareLinks, TreatmentDisclosure,
};
use crate::content::derived::Catalog;
use crate::content::{summary, Article, ArticleSummary, Site, TocEntry};
use crate::data::{use_content, ArticlePage as Page};
use crate::markup::{escape, phrased};
use crate::pages::NotFoundView;
use crate::paths::{treatment_destination, AppPath};
use crate::share::share_image;
use crate::structured_data::medical_web_page;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let source = use_content();
    let content = Resource::new(slug, move |slug| source.article_page(slug));
    view! {
        <PageContent
            content
            lines=8
            render=article_or_not_found
        />
    }
}

fn article_or_not_found(found: Option<Page>) -> AnyView {
    match found {
        Some(Page {
            site,
            article,
            related,
            catalog,
        }) => view! { <ArticleView site article related catalog /> }.into_any(),
        None => view! {
            <NotFoundView title="記事が見つかりません" message="お探しの記事は移動または削除された可能性があります。" />
        }
        .into_any(),
    }
}

#[component]
fn ArticleView(
    site: Arc<Site>,
    article: Arc<Article>,
    related: Vec<ArticleSummary>,
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let links = BodyLinks {
        consultation_url: site.brand.consultation_url.clone(),
        categories: site
            .categories
            .iter()
            .map(|c| {
                let own = usize::from(c.id == article.category);
                (
                    c.id.clone(),
                    treatment_destination(c, catalog.count(&c.id), own),
                )
            })
            .collect(),
    };
    let path = AppPath::article(&article.slug).path();
    let url = base::absolute(&path);
    let category = site
        .category(&article.category)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    // Shown under the title and again after the article.
    let doctor = site.doctor(&article.supervisor).cloned().map(doctor_box);
    let updated = article.updated.unwrap_or(article.published);
    let collapsible_ids = article.collapsible_ids();
    let state = Collapsibles::new(format!("collapsed:{}", article.slug), true);
    // `#side-effects`, or any anchor inside a group, opens that group.
    let for_hash = article.clone();
    state.open_for_hash(move |id| for_hash.collapsible_containing(id));

    let trail = vec![
        ("コラム一覧".to_string(), AppPath::home().path()),
        (
            category.clone(),
            AppPath::category(&article.category).path(),
        ),
        (article.title.clone(), path.clone()),
    ];
    let image = base::use_deployment().absolute_file(&share_image(Some(&article.slug)));
    let json_ld = {
        let (site, article, url) = (site.clone(), article.clone(), url.clone());
        move || medical_web_page(&site, &article, &url, &image)
    };
    let description = summary::excerpt(&article);
    // The guideline's disclosures, near the top and again beside the risks.
    let disclosures = StoredValue::new(site.disclosures(&article));
    let consultation = StoredValue::new(site.brand.consultation_url.clone());
    let disclosure = move |id: &'static str| {
        let d = disclosures.get_value();
        (!d.is_empty()).then(|| {
            view! { <TreatmentDisclosure disclosures=d id consultation_url=consultation.get_value() /> }
        })
    };
    let controls = StoredValue::new(
        collapsible_ids
            .iter()
            .map(|id| format!("{id}-content"))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let risk_ids = StoredValue::new(collapsible_ids.clone());
    let toc = toc_tree(article.toc());
    // Never changes once drawn: one string.
    let header = RawElement(format!(
        "<header class=\"article__header\"><p class=\"article__meta\">\
         <span class=\"badge\">{}</span>\
         <span>公開日 <time datetime=\"{}\">{}</time></span>\
         <span>更新日 <time datetime=\"{}\">{}</time></span></p>\
         <h1 class=\"article__title\" tabindex=\"-1\">{}</h1>\
         <p class=\"article__reading\">この記事は約{}分で読めます</p>{}</header>",
        escape(&category),
        article.published,
        article.published.dotted(),
        updated,
        updated.dotted(),
        phrased(&article.title),
        summary::reading_minutes(&article),
        doctor.clone().unwrap_or_default(),
    ));
    let has_subs = toc.iter().any(|(_, subs)| !subs.is_empty());

    view! {
        <PageMeta
            title=article.title.clone()
            description
            path=path.clone()
            kind="article"
            image_of=article.slug.clone()
        />
        <Breadcrumbs trail />
        <article class="article">
            {header}
            {disclosure("disclosure-top")}
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading" class="toc__heading">"目次"</h2>
                // The numbers are text beside the first line of each entry (list markers
                // sit by the last line of a wrapped link); `role` keeps the list a list.
                <ol role="list">
                    {toc
                        .into_iter()
                        .enumerate()
                        .map(|(n, (top, subs))| {
                            let link = |e: TocEntry| view! { <InPageLink id=e.id><Phrased text=e.title /></InPageLink> };
                            view! {
                                <li class="toc__item">
                                    <span class="toc__number" aria-hidden="true">{format!("{}.", n + 1)}</span>
                                    {link(top)}
                                    {(!subs.is_empty()).then(|| view! {
                                        <ul class="toc__sub" role="list">
                                            {subs.into_iter().map(|e| view! { <li>{link(e)}</li> }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                // On phones the sub-entries fold away so the body starts sooner; this
                // brings them back, without JavaScript (see style/main.css).
                {has_subs.then(|| view! {
                    <label class="toc__more">
                        <input type="checkbox" />
                        "小見出しも表示する"
                    </label>
                })}
            </nav>
            <div class="article__body">
                <ArticleBody
                    blocks=article.body.clone()
                    state
                    links
                    before_risks=move || view! {
                        {disclosure("disclosure-risks")}
                        <OpenAllButton state ids=risk_ids.get_value() controls=controls.get_value() />
                    }
                />
            </div>
            <ShareLinks url=url title=article.title.clone() />
            {doctor.map(RawElement)}
        </article>
        {(!related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">"関連記事"</h2>
                <ul class="article-list">
                    {related
                        .into_iter()
                        .map(|a| {
                            let category = site.category(&a.category).map(|c| c.name.clone()).unwrap_or_default();
                            let doctor = site.doctor(&a.supervisor).map(|d| d.name.clone()).unwrap_or_default();
                            card_item(&a, &category, &doctor, true)
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        <JsonLd data=json_ld />
    }
}

/// Top-level sections, each with its sub-sections.
fn toc_tree(entries: Vec<TocEntry>) -> Vec<(TocEntry, Vec<TocEntry>)> {
    let mut tree: Vec<(TocEntry, Vec<TocEntry>)> = Vec::new();
    for e in entries {
        match tree.last_mut() {
            Some((_, subs)) if e.depth > 1 => subs.push(e),
            _ => tree.push((e, Vec::new())),
        }
    }
    tree
}
