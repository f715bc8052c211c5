//! `/`: the column list, with category filter, Japanese-aware search and pages.
//! Its whole state lives in the query string (`category`, `q`, `page`).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::base;
use crate::components::{
    card_inside, card_view, AppLink, ColumnHeader, LiveCount, LoadFailure, PageContent, PageMeta,
    Pagination, SearchField, Skeleton, TypedSearch,
};
use crate::content::derived::Catalog;
use crate::content::{is_slug, Site};
use crate::data::use_content;
use crate::listing::{ListQuery, Listing};
use crate::navigation::use_replace_url;
use crate::paths::AppPath;

#[component]
pub fn ColumnList() -> impl IntoView {
    let query = use_query_map();
    // `/category/<id>` names the category; `/?category=<id>` links keep working.
    let params = use_params_map();
    let in_url = Memo::new(move |_| {
        let from_path = params.with(|p| p.get("id"));
        query.with(|q| {
            let category = from_path.as_deref().or(q.get_str("category"));
            ListQuery::parse(category, q.get_str("q"), q.get_str("page"))
        })
    });
    // The search typed ahead of the URL, which follows once typing pauses.
    let replace_url = use_replace_url();
    let typed = TypedSearch::new(move || in_url.track(), {
        let replace_url = replace_url.clone();
        move |q| {
            let typed = ListQuery {
                q,
                page: 1,
                ..in_url.get_untracked()
            };
            replace_url(&typed.path())
        }
    });
    let state = Memo::new(move |_| match typed.text() {
        Some(q) => ListQuery {
            q,
            page: 1,
            ..in_url.get()
        },
        None => in_url.get(),
    });
    // An old `/?category=<id>` link moves to the category's own page, so paging and
    // search stay on one route.
    Effect::new(move |_| {
        let from_query = params.with(|p| p.get("id").is_none())
            && query.with(|q| q.get_str("category").is_some_and(is_slug));
        if from_query {
            replace_url(&state.get_untracked().path());
        }
    });
    let source = use_content();
    let frame = Resource::new(|| (), move |_| source.site_and_catalog());
    view! {
        <PageContent content=frame render=move |(site, catalog)| view! { <ListView site catalog in_url state typed /> } />
    }
}

#[component]
fn ListView(
    site: Arc<Site>,
    catalog: Arc<Catalog>,
    in_url: Memo<ListQuery>,
    state: Memo<ListQuery>,
    typed: TypedSearch,
) -> impl IntoView {
    // One request per state: a page of the list, or a search; the frame above stays.
    let results = {
        let (site, catalog, source) = (site.clone(), catalog.clone(), use_content());
        // Untracked: creating the resource reads the state, and the view around must
        // not be rebuilt (losing the search field's focus) when the state changes.
        untrack(|| {
            Resource::new(
                move || state.get(),
                move |query| {
                    let load = source.listing(site.clone(), catalog.clone(), query.clone());
                    async move { load.await.map(|listing| (query, listing)) }
                },
            )
        })
    };
    let column = site.column.clone();
    let description = column.description.clone();
    let site_for_title = site.clone();
    // The head follows the URL, not each keystroke: rebuilding a dozen tags per
    // character would cost more than the search.
    let title = move || {
        let q = in_url.get();
        let mut t = column.name.clone();
        if let Some(c) = q.category.as_ref().and_then(|c| site_for_title.category(c)) {
            t = format!("{}の記事 | {t}", c.name);
        }
        if q.page > 1 {
            t = format!("{t}({}ページ目)", q.page);
        }
        t
    };
    let site = StoredValue::new(site);
    // Read only inside the transition: a read outside it would suspend the whole view
    // (and take the search field's focus) on every keystroke.
    let (shown_text, show_text) = signal(String::new());
    let shown_page = StoredValue::new(None::<usize>);
    let kept = StoredValue::new(Kept::default());
    let on_shown = move |text: &str, page: usize| {
        show_text.set(text.to_string());
        let Some(previous_page) = shown_page.get_value() else {
            shown_page.set_value(Some(page));
            return;
        };
        shown_page.set_value(Some(page));
        // The pager that had focus is gone with the old page: focus moves to the
        // result count, at the top of the new page of results.
        if previous_page != page {
            request_animation_frame(|| crate::navigation::focus_id(RESULTS_STATUS));
        }
    };
    view! {
        {move || view! { <PageMeta title=title() description=description.clone() path=in_url.get().path() /> }}
        <ColumnHeader column=site.with_value(|s| s.column.clone()) is_page_heading=true />
        <CategoryFilter site catalog state in_url />
        <SearchBox state typed />
        // One live region, kept in place, so each new count is announced.
        <LiveCount text=shown_text />
        // The results shown stay until the next ones are ready: typing never blanks them.
        <Transition fallback=|| view! { <Skeleton lines=6 /> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok((query, listing)) => {
                        let text = summary(&site, &listing, &query);
                        on_shown(&text, listing.page);
                        view! {
                            <p id=RESULTS_STATUS class="result-count" tabindex="-1">{text}</p>
                            <Results site listing state=query typing=typed.is_typed() kept />
                        }
                        .into_any()
                    }
                    Err(error) => view! {
                        <LoadFailure error on_retry=move |_| results.refetch() />
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

/// "「副作用」で検索: 12件の記事(1 / 2ページ)".
fn summary(site: &StoredValue<Arc<Site>>, listing: &Listing, state: &ListQuery) -> String {
    let category = listing
        .category
        .as_deref()
        .and_then(|c| site.with_value(|s| s.category(c).map(|c| c.name.clone())));
    let mut summary = format!("{}件の記事", listing.total);
    if let Some(name) = &category {
        summary = format!("「{name}」の{summary}");
    }
    if !state.q.trim().is_empty() {
        summary = format!("「{}」で検索: {summary}", state.q.trim());
    }
    if listing.pages > 1 {
        summary = format!("{summary}({} / {}ページ)", listing.page, listing.pages);
    }
    summary
}

const RESULTS_STATUS: &str = "results-status";

/// The treatment menu as filter links with their counts; "すべて" clears the filter.
/// Categories without articles are left out (unless the URL asks for one), so no
/// chip leads to an empty list.
#[component]
fn CategoryFilter(
    site: StoredValue<Arc<Site>>,
    catalog: Arc<Catalog>,
    state: Memo<ListQuery>,
    in_url: Memo<ListQuery>,
) -> impl IntoView {
    let deployment = StoredValue::new(base::use_deployment());
    // The links keep the search the URL shows, so they change when the URL does, not
    // with each keystroke; the URL catches up as soon as the search field is left.
    let link = move |category: Option<String>| {
        deployment.read_value().href(
            &ListQuery {
                category,
                q: in_url.with(|s| s.q.clone()),
                page: 1,
            }
            .path(),
        )
    };
    // A memo: the category links' `aria-current` stay as they are while the reader types.
    let current = Memo::new(move |_| state.get().category);
    let asked = state.with_untracked(|s| s.category.clone());
    let categories: Vec<_> = site.with_value(|s| {
        s.categories
            .iter()
            .filter(|c| catalog.count(&c.id) > 0 || asked.as_ref() == Some(&c.id))
            .cloned()
            .collect()
    });
    let total = catalog.total;
    view! {
        <nav class="category-filter" aria-label="カテゴリーで絞り込む">
            <ul>
                <li>
                    <a href=move || link(None) aria-current=move || current.with(Option::is_none).then_some("page")>
                        "すべて" <span class="count">{format!("({total})")}</span>
                    </a>
                </li>
                {categories
                    .into_iter()
                    .map(|c| {
                        let id = c.id.clone();
                        let count = catalog.count(&c.id);
                        let selected = {
                            let id = id.clone();
                            move || current.with(|c| c.as_deref() == Some(id.as_str())).then_some("page")
                        };
                        view! {
                            <li>
                                <a href=move || link(Some(id.clone())) aria-current=selected>
                                    {c.name} <span class="count">{format!("({count})")}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The search field. The list follows each keystroke at once; the URL's `q` follows
/// once typing pauses, replaced rather than pushed, so back leaves the search
/// ([`TypedSearch`]).
#[component]
fn SearchBox(state: Memo<ListQuery>, typed: TypedSearch) -> impl IntoView {
    let source = use_content();
    view! {
        <SearchField
            id="column-search"
            label="コラムを検索"
            placeholder="例:えくそそーむ、副作用"
            value=Signal::derive(move || state.get().q)
            on_focus=move |()| leptos::task::spawn_local(source.prepare_search())
            on_change=move |q| typed.typed(q)
            // Leaving the field (for a category link, say) shows the search in the URL
            // at once.
            on_leave=move |()| typed.left()
        />
    }
}

/// Cards laid out with a keystroke's results; the others follow once that frame is on
/// screen. A phone shows one or two cards, and laying out ten cards of Japanese text is
/// most of a keystroke's cost. `.article-list.is-typing` in the style sheet hides the
/// cards after this many.
const CARDS_WITH_KEYSTROKE: usize = 3;

/// The insides of the cards in the page ([`card_inside`]).
type Kept = Vec<String>;

#[component]
fn Results(
    site: StoredValue<Arc<Site>>,
    listing: Listing,
    state: ListQuery,
    /// Drawn for what the reader is typing: the cards below the first few come a
    /// frame later, and cards off screen are not laid out (`is-typed`). Any other
    /// drawing (a page, back, a link) draws and lays out every card at once, so the
    /// scroll position a reader comes back to exists.
    typing: bool,
    kept: StoredValue<Kept>,
) -> impl IntoView {
    let empty = listing.total == 0;
    // A search typed into nothing leaves the last cards in the page, hidden: removing
    // them and building them again a keystroke later costs more than the search, and
    // the same cards patch in place when results come back.
    let cards = if empty && typing {
        kept.get_value()
    } else {
        listing
            .items
            .iter()
            .map(|a| {
                let (category, doctor) = site.with_value(|s| {
                    (
                        s.category(&a.category)
                            .map(|c| c.name.clone())
                            .unwrap_or_default(),
                        s.doctor(&a.supervisor)
                            .map(|d| d.name.clone())
                            .unwrap_or_default(),
                    )
                });
                card_inside(a, &category, &doctor, &listing.terms, false)
            })
            .collect()
    };
    kept.set_value(cards.clone());
    // Every card is built at once and the later ones are hidden by one class on the
    // list, taken off a frame later: showing them is one attribute, where building them
    // then would rebuild the whole list.
    let later = RwSignal::new(typing && !empty && cards.len() > CARDS_WITH_KEYSTROKE);
    if later.get_untracked() {
        // After the frame is painted. A newer keystroke disposes these results first; its
        // own results replace them.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = later.try_set(false);
                },
                Duration::ZERO,
            )
        });
    }
    let items = cards
        .into_iter()
        .map(|inside| view! { <li>{card_view(inside)}</li> })
        .collect_view();
    view! {
        {listing.unknown_category.map(|c| view! {
            <p class="notice">
                "カテゴリー「" {c} "」は見つからなかったため、すべての記事を表示しています。"
            </p>
        })}
        {empty.then(|| {
            // The words searched are in the count just above; left out here, the
            // message stays as it is from one typed word to the next.
            let message = if state.q.trim().is_empty() {
                "このカテゴリーの記事はまだありません。"
            } else {
                "一致する記事は見つかりませんでした。言葉を変えてお試しください。"
            };
            view! {
                <div class="empty">
                    <p>{message}</p>
                    <p><AppLink to=AppPath::home()>"すべての記事を見る"</AppLink></p>
                </div>
            }
        })}
        <ul class="article-list" class:is-typed=typing class:is-typing=later hidden=empty>{items}</ul>
        <Pagination query=state page=listing.page pages=listing.pages />
    }
}
