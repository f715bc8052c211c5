//! What a multi-page site gives for free and a single-page app must do itself: move
//! focus to the new view's heading after a client-side navigation (so screen readers
//! announce it), and restore the scroll position on back/forward.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// The scroll position each URL of this session was left at.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// The last scroll seen, and on which URL.
    static LAST: RefCell<(String, f64)> = const { RefCell::new((String::new(), 0.0)) };
    /// A position to restore once the view arriving by back/forward is tall enough.
    static PENDING: RefCell<Option<f64>> = const { RefCell::new(None) };
    /// Whether the current view was reached by back/forward (`None`: not yet known).
    static BY_HISTORY: RefCell<Option<bool>> = const { RefCell::new(None) };
    /// Whether a click or a history traversal happened since the page loaded.
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the reader reached this view by back/forward (in the app, or by the
/// browser's history into a new page load), rather than by a link, a reload or a
/// typed URL: a reader's choices of the visit (closed sections) come back only then.
pub fn arrived_by_history() -> bool {
    BY_HISTORY.with(|b| *b.borrow()).unwrap_or_else(|| {
        let traversal = web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.get_entries_by_type("navigation"))
            .and_then(|entries| {
                let entry = entries.get(0);
                web_sys::js_sys::Reflect::get(&entry, &"type".into())
                    .ok()?
                    .as_string()
            })
            .is_some_and(|t| t == "back_forward");
        BY_HISTORY.with(|b| *b.borrow_mut() = Some(traversal));
        traversal
    })
}

/// How many animation frames (about 15 s) to wait for the new view's content, which
/// may come over a slow phone connection.
const MAX_FRAMES: u32 = 900;

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Whether this page has shown another view before (a link was followed or history
/// traversed), as opposed to the view the page was loaded with.
pub fn navigated_within_page() -> bool {
    NAVIGATED.with(|n| n.get())
}

/// Installs the listeners; renders nothing.
#[component]
pub fn NavigationEffects() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        // Positions are saved when a navigation starts: later scroll events may come
        // from the old page shrinking under the new view.
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
            LAST.with(|l| *l.borrow_mut() = (href(), scroll_y()));
        });
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            POSITIONS.with(|p| p.borrow_mut().insert(href(), scroll_y()));
            BY_HISTORY.with(|b| *b.borrow_mut() = Some(false));
            NAVIGATED.with(|n| n.set(true));
        });
        let _ = window.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        on_click.forget();
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
            BY_HISTORY.with(|b| *b.borrow_mut() = Some(true));
            NAVIGATED.with(|n| n.set(true));
            let (left, y) = LAST.with(|l| l.borrow().clone());
            POSITIONS.with(|p| p.borrow_mut().insert(left, y));
            let saved = POSITIONS.with(|p| p.borrow().get(&href()).copied());
            PENDING.with(|p| *p.borrow_mut() = saved);
        });
        on_cleanup(move || {
            on_scroll.remove();
            on_pop.remove();
        });
    });

    // A new page: focus its heading and scroll once it has rendered. The same page:
    // a back/forward restores its position; a new `#hash` brings its target into view
    // and focus. On the first load only a `#hash` needs help, because the browser
    // looked for it before the content arrived.
    Effect::new(move |previous: Option<(String, String, String)>| {
        let (path, search, hash) = (
            location.pathname.get(),
            location.search.get(),
            location.hash.get(),
        );
        match &previous {
            Some((p, _, _)) if *p != path => after_render(0, true, hash.clone()),
            Some((_, s, h)) if *s != search || *h != hash => {
                if let Some(y) = PENDING.with(|p| p.borrow_mut().take()) {
                    request_animation_frame(move || scroll_to(y));
                } else if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
                    scroll_to_id_after_render(decode(id));
                }
            }
            None if !hash.is_empty() => after_render(0, false, hash.clone()),
            _ => {}
        }
        (path, search, hash)
    });
}

fn after_render(frame: u32, focus_heading: bool, hash: String) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let heading = document.query_selector("main h1").ok().flatten();
        let loading = document
            .query_selector("main [aria-busy='true']")
            .ok()
            .flatten()
            .is_some();
        if (heading.is_none() || loading) && frame < MAX_FRAMES {
            return after_render(frame + 1, focus_heading, hash);
        }
        if focus_heading {
            if let Some(h) = heading {
                focus_without_scrolling(&h);
            }
        }
        if let Some(y) = PENDING.with(|p| p.borrow_mut().take()) {
            scroll_to(y);
        } else if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            bring_into_view(&document, &decode(id));
        }
    });
}

fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

fn focus_without_scrolling(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Scrolls to an element and moves focus there, as following a link to it should, so
/// keyboard and screen-reader users continue from the target.
pub fn bring_into_view(document: &web_sys::Document, id: &str) {
    if let Some(el) = document.get_element_by_id(id) {
        el.scroll_into_view();
        if !el.has_attribute("tabindex") && el.dyn_ref::<web_sys::HtmlAnchorElement>().is_none() {
            let _ = el.set_attribute("tabindex", "-1");
        }
        focus_without_scrolling(&el);
    }
}

/// Decodes a `#fragment` as the browser does for element ids.
pub fn decode(s: &str) -> String {
    web_sys::js_sys::decode_uri_component(s)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| s.to_string())
}

/// Replaces the current URL with an app path without a new history entry or a scroll:
/// for state that changes as the reader types, so back leaves the view, not each letter.
pub fn use_replace_url() -> impl Fn(&str) + Clone {
    let navigate = use_navigate();
    let deployment = crate::base::use_deployment();
    move |app_path: &str| {
        navigate(
            &deployment.href(app_path),
            NavigateOptions {
                resolve: false,
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    }
}

/// Moves focus to an element (e.g. a result count that replaces the control that had it).
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Brings an element into view and focus once the current update has rendered (e.g.
/// a section that was just opened).
pub fn scroll_to_id_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            bring_into_view(&document, &id);
        }
    });
}
