use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::dom::{Element, Node};
use leptos::tachys::renderer::{CastFrom, Rndr};
use leptos::tachys::view::{Position, PositionState};

use super::app_link::link_to;
use crate::content::ArticleSummary;
use crate::markup;
use crate::paths::AppPath;

/// An article in a list: date, category, title, excerpt and supervising doctor. Built
/// as one string ([`markup::card`]): a list of results redraws on every keystroke, and
/// one write per card costs a fraction of a view per element. Hydration keeps what the
/// page was served with.
#[component]
pub fn ArticleCard(
    summary: ArticleSummary,
    #[prop(into)] category: String,
    #[prop(into)] doctor: String,
    /// Search words to highlight.
    #[prop(optional)]
    terms: Vec<String>,
    /// Whether the title is an h3 (inside a section) rather than an h2.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    CardView(card_inside(&summary, &category, &doctor, &terms, nested))
}

/// A card's inside, for a list that keeps its cards' strings to redraw them unchanged.
pub fn card_inside(
    summary: &ArticleSummary,
    category: &str,
    doctor: &str,
    terms: &[String],
    nested: bool,
) -> String {
    let link = link_to(&AppPath::article(&summary.slug).path());
    markup::card(summary, category, doctor, terms, nested, &link)
}

/// A card from its inside ([`card_inside`]), `<article class="card">` around it,
/// redrawn only when that string changes. With component types erased, an element's
/// attributes are redrawn in full on every redraw (an `inner_html` cleared and parsed
/// again even when unchanged), so the card is a view of its own that compares first.
pub struct CardView(pub String);

pub struct CardViewState {
    inside: String,
    el: Element,
}

const OPEN: &str = r#"<article class="card">"#;
const CLOSE: &str = "</article>";

impl Mountable for CardViewState {
    fn unmount(&mut self) {
        self.el.unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.el.mount(parent, marker)
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.el.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        vec![self.el.clone()]
    }
}

impl Render for CardView {
    type State = CardViewState;

    fn build(self) -> CardViewState {
        let el = Rndr::create_element("article", None);
        Rndr::set_attribute(&el, "class", "card");
        Rndr::set_inner_html(&el, &self.0);
        CardViewState { inside: self.0, el }
    }

    fn rebuild(self, state: &mut CardViewState) {
        if self.0 != state.inside {
            Rndr::set_inner_html(&state.el, &self.0);
            state.inside = self.0;
        }
    }
}

leptos::tachys::no_attrs!(CardView);

impl RenderHtml for CardView {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = OPEN.len() + CLOSE.len();

    fn html_len(&self) -> usize {
        Self::MIN_LENGTH + self.0.len()
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(OPEN);
        buf.push_str(&self.0);
        buf.push_str(CLOSE);
        *position = Position::NextChild;
    }

    // The served card is kept as it is, as for an element with `inner_html`.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> CardViewState {
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        let el = Element::cast_from(cursor.current()).expect("a served card element");
        position.set(Position::NextChild);
        CardViewState { inside: self.0, el }
    }

    fn into_owned(self) -> Self {
        self
    }
}
