//! Collapsible sections, modelled on GOV.UK's accordion: a real button with
//! `aria-expanded` in the heading, closed panels kept `hidden="until-found"` so
//! find-in-page and `#hash` links still reach them, a show-all / hide-all control,
//! and the reader's choices remembered for the session, so back/forward restores them.
//! Print styles show every panel.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::Phrased;
use crate::navigation::{decode, scroll_to_id_after_render};

/// The open/closed state of a page's collapsible sections.
#[derive(Clone, Copy)]
pub struct Collapsibles {
    /// Sections the reader has toggled; the rest are in their default state.
    toggled: RwSignal<BTreeMap<String, bool>>,
    default_open: bool,
    /// sessionStorage key under which the reader's choices are kept.
    storage_key: StoredValue<String>,
}

impl Collapsibles {
    /// A set of sections, open or closed by default, remembered under `storage_key`.
    pub fn new(storage_key: String, default_open: bool) -> Self {
        let this = Collapsibles {
            toggled: RwSignal::new(BTreeMap::new()),
            default_open,
            storage_key: StoredValue::new(storage_key),
        };
        // Restore after the first render (rendering itself touches no browser API), and
        // only on back/forward: a fresh load or a reload shows every section as the
        // page sets it, so risk sections are never found closed by a new visit.
        Effect::new(move |_| {
            if !crate::navigation::arrived_by_history() {
                return;
            }
            if let Some(saved) = crate::browser::session_get(&this.storage_key.get_value()) {
                if let Ok(map) = serde_json::from_str::<BTreeMap<String, bool>>(&saved) {
                    this.toggled.set(map);
                }
            }
        });
        this
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.toggled
            .with(|t| t.get(id).copied())
            .unwrap_or(self.default_open)
    }

    pub fn set(&self, id: &str, open: bool) {
        self.toggled.update(|t| {
            t.insert(id.to_string(), open);
        });
        self.save();
    }

    pub fn set_all(&self, ids: &[String], open: bool) {
        self.toggled.update(|t| {
            for id in ids {
                t.insert(id.clone(), open);
            }
        });
        self.save();
    }

    /// Opens the section a `#hash` points into (on arrival and on every change) and
    /// brings the target into view once it is shown. `section_of` names the collapsible
    /// section holding an anchor, if any; other anchors are navigation's to scroll to.
    pub fn open_for_hash(
        self,
        section_of: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
    ) {
        let hash = use_location().hash;
        Effect::new(move |_| {
            let hash = hash.get();
            let Some(id) = hash.strip_prefix('#').filter(|h| !h.is_empty()) else {
                return;
            };
            let id = decode(id);
            if let Some(section) = section_of(&id) {
                self.set(&section, true);
                scroll_to_id_after_render(id);
            }
        });
    }

    pub fn all_open(&self, ids: &[String]) -> bool {
        ids.iter().all(|id| self.is_open(id))
    }

    fn save(&self) {
        let json = self
            .toggled
            .with_untracked(|t| serde_json::to_string(t).unwrap_or_default());
        crate::browser::session_set(&self.storage_key.get_value(), &json);
    }
}

/// One collapsible section: a heading with a toggle button, and its panel.
#[component]
pub fn Collapsible(
    /// The section's anchor; the panel is `{id}-content`.
    #[prop(into)]
    id: String,
    #[prop(into)] title: String,
    /// 2 for an h2, 3 for an h3.
    #[prop(default = 2)]
    level: u8,
    state: Collapsibles,
    /// Optional highlighted title, shown instead of the plain one.
    #[prop(optional, into)]
    title_view: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let panel_id = format!("{id}-content");
    let key = StoredValue::new(id.clone());
    let open = move || state.is_open(&key.get_value());
    let label = move || match &title_view {
        Some(v) => v.run(),
        None => view! { <Phrased text=title.clone() /> }.into_any(),
    };
    let button = view! {
        <button
            type="button"
            class="collapsible__toggle"
            aria-expanded=move || open().to_string()
            aria-controls=panel_id.clone()
            on:click=move |_| state.set(&key.get_value(), !open())
        >
            <span class="collapsible__title">{label}</span>
            <span class="collapsible__state" aria-hidden="true">
                {move || if open() { "閉じる" } else { "開く" }}
            </span>
        </button>
    };
    let heading = if level <= 2 {
        view! { <h2 class="collapsible__heading">{button}</h2> }.into_any()
    } else {
        view! { <h3 class="collapsible__heading">{button}</h3> }.into_any()
    };
    view! {
        <section id=id class="collapsible" class:is-open=open>
            {heading}
            <div
                id=panel_id
                class="collapsible__panel"
                // Find-in-page opens a closed panel before showing the match.
                on:beforematch=move |_: web_sys::Event| state.set(&key.get_value(), true)
                hidden=move || (!open()).then_some("until-found")
            >
                {children()}
            </div>
        </section>
    }
}

/// "すべて開く / すべて閉じる" for a set of sections.
#[component]
pub fn ShowAllToggle(
    state: Collapsibles,
    ids: Vec<String>,
    #[prop(into)] controls: String,
) -> impl IntoView {
    let ids = StoredValue::new(ids);
    let all_open = move || state.all_open(&ids.get_value());
    view! {
        <button
            type="button"
            class="show-all needs-app"
            aria-controls=controls
            aria-expanded=move || all_open().to_string()
            on:click=move |_| state.set_all(&ids.get_value(), !all_open())
        >
            {move || if all_open() { "すべて閉じる" } else { "すべて開く" }}
        </button>
    }
}

/// "すべて開く" for sections that should be read open (an article's risks): offered
/// only while one of them is closed, never as an invitation to close them.
#[component]
pub fn OpenAllButton(
    state: Collapsibles,
    ids: Vec<String>,
    #[prop(into)] controls: String,
) -> impl IntoView {
    let ids = StoredValue::new(ids);
    let some_closed = move || !state.all_open(&ids.get_value());
    let controls = StoredValue::new(controls);
    view! {
        <Show when=some_closed>
            <button
                type="button"
                class="show-all needs-app"
                aria-controls=controls.get_value()
                on:click=move |_| state.set_all(&ids.get_value(), true)
            >
                "閉じた項目をすべて開く"
            </button>
        </Show>
    }
}
