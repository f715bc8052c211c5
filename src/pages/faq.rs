//! `/faq`: questions by group, as an accordion with show-all / hide-all, a deep link
//! per question (`/faq#id` opens it), and Japanese-aware search.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::base;
use crate::components::{
    embedded, AppLink, Breadcrumbs, Collapsible, Collapsibles, Highlighted, JsonLd, LiveCount,
    PageContent, PageMeta, Phrased, SearchField, ShowAllToggle, TypedSearch,
};
use crate::content::{Faq, FaqItem};
use crate::data::{use_content, FaqSources as Sources};
use crate::listing::{encode, MAX_QUERY_CHARS};
use crate::navigation::use_replace_url;
use crate::paths::AppPath;
use crate::search::{fold, query_terms};
use crate::structured_data::faq_page;

#[component]
pub fn FaqPage() -> impl IntoView {
    let source = use_content();
    let content = Resource::new(|| (), move |_| source.faq_page());
    view! {
        <PageContent content lines=8 render=|(faq, sources)| view! { <FaqView faq sources /> } />
    }
}

#[component]
fn FaqView(faq: Arc<Faq>, sources: Arc<Sources>) -> impl IntoView {
    let query = use_query_map();
    let in_url = Memo::new(move |_| query.with(|m| m.get_str("q").unwrap_or_default().to_string()));
    // The search typed ahead of the URL, which follows once typing pauses.
    let replace_url = use_replace_url();
    let typed = TypedSearch::new(
        move || in_url.track(),
        move |q| {
            replace_url(&if q.trim().is_empty() {
                AppPath::Faq.path()
            } else {
                format!("{}?q={}", AppPath::Faq.path(), encode(&q))
            })
        },
    );
    let q = Memo::new(move |_| {
        let q = typed.text().unwrap_or_else(|| in_url.get());
        q.chars().take(MAX_QUERY_CHARS).collect::<String>()
    });
    let terms = Memo::new(move |_| query_terms(&q.get()));
    let state = Collapsibles::new("faq-open".into(), false);
    let ids: Vec<String> = faq
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.id.clone()))
        .collect();
    let controls = ids
        .iter()
        .map(|id| format!("{id}-content"))
        .collect::<Vec<_>>()
        .join(" ");

    // `/faq#question-id` opens that question.
    let known = ids.clone();
    state.open_for_hash(move |id| known.iter().any(|k| k == id).then(|| id.to_string()));

    let faq_for_count = faq.clone();
    let count = Memo::new(move |_| {
        let t = terms.get();
        faq_for_count
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .filter(|i| item_matches(i, &t))
            .count()
    });
    let groups = faq
        .groups
        .iter()
        .map(|g| {
            let items = g.items.clone();
            let heading_id = format!("group-{}", g.id);
            let title = g.title.clone();
            let sources = sources.clone();
            let any_visible = {
                let items = items.clone();
                move || items.iter().any(|i| item_matches(i, &terms.get()))
            };
            view! {
                <section class="faq-group" aria-labelledby=heading_id.clone() hidden=move || !any_visible()>
                    <h2 id=heading_id.clone()><Phrased text=title /></h2>
                    {items
                        .into_iter()
                        .map(|item| view! { <FaqEntry item sources=sources.clone() state terms /> })
                        .collect_view()}
                </section>
            }
        })
        .collect_view();

    let count_text = Signal::derive(move || {
        if q.get().trim().is_empty() {
            format!("{}件の質問", count.get())
        } else {
            format!("「{}」に一致する質問: {}件", q.get().trim(), count.get())
        }
    });

    view! {
        <PageMeta
            title="よくある質問 | 美脱毛コラム"
            description="患者様からよくいただく質問をご紹介します。"
            path=AppPath::Faq
        />
        <Breadcrumbs trail=vec![("コラム一覧".into(), AppPath::home().path()), ("よくある質問".into(), AppPath::Faq.path())] />
        <JsonLd data={
            let faq = faq.clone();
            move || faq_page(&faq, &base::absolute(&AppPath::Faq.path()))
        } />
        <h1 tabindex="-1">"よくある質問"</h1>
        <p class="lead">"患者様からよくいただく質問をご紹介します。回答の出典となる記事の該当箇所へのリンクも掲載しています。"</p>
        {(embedded().is_none()).then(|| view! { <SearchField
            id="faq-search"
            label="質問を検索"
            placeholder="例:だうんたいむ、献血"
            value=q
            on_change=move |value| typed.typed(value)
            on_leave=move |()| typed.left()
        /> })}
        <div class="faq-toolbar">
            <p class="result-count">{count_text}</p>
            <ShowAllToggle state ids controls />
        </div>
        <LiveCount text=count_text />
        {move || (count.get() == 0).then(|| view! {
            <div class="empty">
                <p>"一致する質問は見つかりませんでした。言葉を変えてお試しください。"</p>
                <p><AppLink to=AppPath::Faq>"すべての質問を見る"</AppLink></p>
            </div>
        })}
        {groups}
    }
}

fn item_matches(item: &FaqItem, terms: &[String]) -> bool {
    terms.is_empty()
        || fold(&format!("{}\n{}", item.question, item.answer.join("\n"))).matches_all(terms)
}

#[component]
fn FaqEntry(
    item: FaqItem,
    sources: Arc<Sources>,
    state: Collapsibles,
    terms: Memo<Vec<String>>,
) -> impl IntoView {
    let matches = {
        let item = item.clone();
        Memo::new(move |_| item_matches(&item, &terms.get()))
    };
    // While searching, matching answers are shown open.
    let id = item.id.clone();
    Effect::new(move |_| {
        if !terms.get().is_empty() && matches.get() {
            state.set(&id, true);
        }
    });
    let source = AppPath::article(&item.source.article).with_anchor(Some(&item.source.section));
    let (article_title, section_title) = sources.get(&source).cloned().unwrap_or_default();
    let question = item.question.clone();
    let answer = item.answer.clone();
    view! {
        <div class="faq-item" hidden=move || !matches.get()>
            <Collapsible
                id=item.id.clone()
                title=item.question.clone()
                level=3
                state
                title_view=move || view! { <Highlighted text=question.clone() terms=terms.get() phrased=true /> }.into_any()
            >
                {answer
                    .iter()
                    .map(|p| {
                        let p = p.clone();
                        view! { <p>{move || view! { <Highlighted text=p.clone() terms=terms.get() /> }}</p> }
                    })
                    .collect_view()}
                <p class="faq-item__source">
                    "出典: "
                    <AppLink to=source>
                        {if article_title.is_empty() { "記事の該当箇所".to_string() } else if section_title.is_empty() { format!("「{article_title}」") } else { format!("「{article_title}」より「{section_title}」") }}
                    </AppLink>
                </p>
                <p class="faq-item__permalink">
                    <AppLink to=AppPath::Faq.with_anchor(Some(&item.id))>"この質問へのリンク"</AppLink>
                </p>
            </Collapsible>
        </div>
    }
}
