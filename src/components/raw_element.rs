use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::dom::{Element, Node};
use leptos::tachys::renderer::{CastFrom, Rndr};
use leptos::tachys::view::{Position, PositionState};

use wasm_bindgen::JsCast;

/// One element given as its markup, built as a string from escaped text (see
/// [`crate::markup`]), for the parts of a page that never change once drawn: an
/// article's body, a card, the footer. A view tree costs code per shape in the wasm and
/// a node per element at run time; this costs one parse. Hydration keeps what the page
/// was served with, and a redraw replaces the element only when its markup changed.
#[derive(Clone, PartialEq)]
pub struct RawElement(pub String);

impl RawElement {
    fn create(&self) -> Element {
        // A template parses any element, a table row as well as a section.
        let template =
            Rndr::create_element("template", None).unchecked_into::<web_sys::HtmlTemplateElement>();
        template.set_inner_html(&self.0);
        template
            .content()
            .first_element_child()
            .unwrap_or_else(|| Rndr::create_element("span", None))
    }
}

pub struct RawElementState {
    drawn: RawElement,
    el: Element,
}

impl Mountable for RawElementState {
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

impl Render for RawElement {
    type State = RawElementState;

    fn build(self) -> RawElementState {
        RawElementState {
            el: self.create(),
            drawn: self,
        }
    }

    fn rebuild(self, state: &mut RawElementState) {
        if self == state.drawn {
            return;
        }
        let el = self.create();
        let _ = state.el.replace_with_with_node_1(&el);
        state.el = el;
        state.drawn = self;
    }
}

leptos::tachys::no_attrs!(RawElement);

impl RenderHtml for RawElement {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn html_len(&self) -> usize {
        self.0.len()
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
        buf.push_str(&self.0);
        *position = Position::NextChild;
    }

    // The served element is kept as it is, as for an element with `inner_html`.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> RawElementState {
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        let el = Element::cast_from(cursor.current()).expect("a served element");
        position.set(Position::NextChild);
        RawElementState { drawn: self, el }
    }

    fn into_owned(self) -> Self {
        self
    }
}
