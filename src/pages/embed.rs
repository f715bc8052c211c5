//! `/embed/...`: the views marketers put on landing pages through `embed.js`. They show
//! the same content as the full views, without the site's header and footer. What the
//! domain requires stays: an embedded article always has its supervising doctor, its
//! dates, and its side-effects and downsides sections, open; no option removes them.

use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{ArticlePage, ClinicsPage, FaqPage};
use crate::components::{card_item, Embedded, PageContent, PageMeta};
use crate::data::{use_content, LoadError};
use crate::embed::{EmbedOptions, Theme};
use crate::paths::AppPath;

/// The message an embed sends its parent page whenever its height changes.
const HEIGHT_MESSAGE: &str = "clinic-column:height";

/// Options, theme and height reporting around an embedded view.
#[component]
fn EmbedFrame(children: Children) -> impl IntoView {
    let query = use_query_map();
    // Categories are checked by the latest-columns view, which knows them.
    let (options, warnings) =
        query.with_untracked(|q| EmbedOptions::parse(|k| q.get_str(k), |_| true));
    provide_context(Embedded {
        utm: options.utm.clone(),
    });
    Effect::new(move |_| {
        for w in &warnings {
            crate::browser::warn(&format!("clinic column embed: {w}"));
        }
        report_height();
    });
    let theme = (options.theme != Theme::Auto).then_some(options.theme.as_str());
    // Only a frame that embed.js sizes may hide its overflow; a plain iframe scrolls.
    let sized = query.with_untracked(|q| q.get_str("sized") == Some("1"));
    let style = options.accent.map(|a| format!("--embed-accent:{a}"));
    view! {
        <Html attr:data-theme=theme attr:data-embed=if sized { "sized" } else { "" } />
        <div id="embed-root" class="embed" style=style>
            {children()}
        </div>
    }
}

/// Posts the content's height to the parent whenever it changes (a section toggled,
/// fonts loaded, the window resized). The document element's own box is measured (its
/// height is its content's), never the window's, so the frame cannot grow by feeding
/// back its own height.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(p)) if p != window => p,
        _ => return,
    };
    let measured = root.clone();
    let send = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys_object(&[("type", HEIGHT_MESSAGE.into()), ("height", height.into())]);
        // The height is not a secret; the loader checks who sent it.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&root);
        std::mem::forget(observer);
    }
    // A frame off-screen may not be rendered, and then its observer stays silent until
    // it is scrolled to: measure on timers too (measuring forces layout), so the frame
    // has its height before the reader gets there.
    for delay in [0, 300, 1000, 3000] {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            send.as_ref().unchecked_ref(),
            delay,
        );
    }
    send.forget();
}

fn js_sys_object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = web_sys::js_sys::Object::new();
    for (k, v) in fields {
        let _ = web_sys::js_sys::Reflect::set(&object, &(*k).into(), v);
    }
    object.into()
}

/// `/embed/column/:slug`
#[component]
pub fn EmbedArticle() -> impl IntoView {
    view! { <EmbedFrame><ArticlePage /></EmbedFrame> }
}

/// `/embed/faq`
#[component]
pub fn EmbedFaq() -> impl IntoView {
    view! { <EmbedFrame><FaqPage /></EmbedFrame> }
}

/// `/embed/clinics`
#[component]
pub fn EmbedClinics() -> impl IntoView {
    view! { <EmbedFrame><ClinicsPage /></EmbedFrame> }
}

/// `/embed/columns?limit=&category=`: the latest columns.
#[component]
pub fn EmbedColumns() -> impl IntoView {
    let query = use_query_map();
    let source = use_content();
    let params = query.get_untracked();
    let content = Resource::new(
        || (),
        move |_| {
            let (source, params) = (source.clone(), params.clone());
            async move {
                let site = source.site().await?;
                let (options, _) =
                    EmbedOptions::parse(|k| params.get_str(k), |c| site.category(c).is_some());
                let items = source.latest(options.category, options.limit).await?;
                Ok::<_, LoadError>((site, items))
            }
        },
    );
    view! {
        <EmbedFrame>
            <PageContent
                content
                render=move |(site, items)| {
                    let (options, warnings) = query.with_untracked(|q| {
                        EmbedOptions::parse(|k| q.get_str(k), |c| site.category(c).is_some())
                    });
                    // Only this view knows the categories; the frame warned about the rest.
                    Effect::new(move |_| {
                        for w in warnings.iter().filter(|w| w.is_category()) {
                            crate::browser::warn(&format!("clinic column embed: {w}"));
                        }
                    });
                    let heading = match options.category.as_ref().and_then(|c| site.category(c)) {
                        Some(c) => format!("{}の新着コラム", c.name),
                        None => "新着コラム".to_string(),
                    };
                    view! {
                        <PageMeta title=heading.clone() description=site.column.description.clone() path=AppPath::home().path() />
                        <h1 class="embed__heading">{heading}</h1>
                        <ul class="article-list">
                            {items
                                .iter()
                                .map(|a| {
                                    let category = site.category(&a.category).map(|c| c.name.clone()).unwrap_or_default();
                                    let doctor = site.doctor(&a.supervisor).map(|d| d.name.clone()).unwrap_or_default();
                                    card_item(a, &category, &doctor, false)
                                })
                                .collect::<Vec<_>>()}
                        </ul>
                    }
                }
            />
        </EmbedFrame>
    }
}
