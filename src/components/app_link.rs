use leptos::prelude::*;

use crate::base;
use crate::embed::with_utm;
use crate::markup::{Link, NEW_TAB};
use crate::paths::{AppPath, Bundle, Destination};

/// Present when a view is rendered inside an embed on another site. Links then open
/// the full site in a new tab (never inside the landing page's frame), tagged with
/// the embed's UTM parameters.
#[derive(Clone, Debug, Default)]
pub struct Embedded {
    pub utm: Vec<(String, String)>,
}

/// Whether the current view is inside an embed.
pub fn embedded() -> Option<Embedded> {
    use_context::<Embedded>()
}

/// `rel="external"` for a link to a page another bundle runs (see [`AppPath::bundle`]):
/// the router leaves it to the browser, which loads that page and its bundle. The
/// development app runs every page and provides no bundle.
pub fn rel_for(to: &str) -> Option<&'static str> {
    use_context::<Bundle>()
        .filter(|running| *running != AppPath::bundle_of(to))
        .map(|_| "external")
}

/// Where a link to an app path such as `/column/x` leads and how it opens.
pub fn link_to(to: &str) -> Link {
    match embedded() {
        Some(e) => Link {
            href: with_utm(&base::absolute(to), &e.utm),
            rel: Some("noopener"),
            new_tab: true,
        },
        // A plain anchor: the router still handles the click, and unlike <A> it does not
        // mark every link under `/` (or with a query) as the current page.
        None => Link {
            href: base::href(to),
            rel: rel_for(to),
            new_tab: false,
        },
    }
}

/// A link to an app path such as `/column/x` or `/clinics#kyoto`.
#[component]
pub fn AppLink(
    #[prop(into)] to: String,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    anchor(link_to(&to), class, children)
}

/// A link to another site, e.g. a booking page; inside an embed it carries the UTM
/// parameters and opens in a new tab.
#[component]
pub fn ExternalLink(
    #[prop(into)] href: String,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    anchor(external_link(href), class, children)
}

/// Where content points ([`Destination`]) as a link: in the app, or to another site.
pub fn destination_link(to: Destination) -> Link {
    match to {
        Destination::App(path) => link_to(&path),
        Destination::External(url) => external_link(url),
    }
}

/// How a link to another site opens: see [`ExternalLink`].
pub fn external_link(href: String) -> Link {
    match embedded() {
        Some(e) => Link {
            href: with_utm(&href, &e.utm),
            rel: Some("noopener"),
            new_tab: true,
        },
        None => Link {
            href,
            rel: Some("noopener"),
            new_tab: false,
        },
    }
}

/// The anchor both link components draw; one opening a new tab says so.
fn anchor(link: Link, class: Option<String>, children: Children) -> impl IntoView {
    let Link { href, rel, new_tab } = link;
    view! {
        <a href=href class=class target=new_tab.then_some("_blank") rel=rel>
            {children()}
            {new_tab.then_some(view! { <span class="visually-hidden">{NEW_TAB}</span> })}
        </a>
    }
}

/// A link to a place on the current page (table of contents, map markers), on whichever
/// path the page is shown. Inside an embed it replaces the history entry, so the
/// landing page's Back button is not filled with the embed's anchors.
#[component]
pub fn InPageLink(
    #[prop(into)] id: String,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] style: Option<String>,
    #[prop(optional, into)] label: Option<String>,
    children: Children,
) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname;
    view! {
        <a
            href=move || format!("{}#{}", path.get(), id)
            class=class
            style=style
            aria-label=label
            data-noscroll=""
            prop:replace=embedded().is_some()
        >
            {children()}
        </a>
    }
}
