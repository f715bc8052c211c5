//! Component tests, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test components`).
#![cfg(target_arch = "wasm32")]

use clinic_column::components::{card_view, ColumnHeader, LoadFailure};
use clinic_column::content::Column;
use clinic_column::data::LoadError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), view);
    std::mem::forget(handle);
    host
}

#[wasm_bindgen_test]
fn column_header_shows_the_column_as_text() {
    let host = mount(|| {
        view! {
            <ColumnHeader column=Column {
                label: "Column".into(),
                name: "美脱毛コラム".into(),
                description: "<script>alert(1)</script>".into(),
            } />
        }
    });
    let text = host.inner_text();
    assert!(text.contains("美脱毛コラム"), "{text}");
    // Hostile text stays text.
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(host.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn load_failure_offers_a_working_retry() {
    let retries = RwSignal::new(0);
    let host = mount(move || {
        view! {
            <LoadFailure
                error=LoadError::Http { url: "/content/index.json".into(), status: 500 }
                on_retry=move |_| retries.update(|n| *n += 1)
            />
        }
    });
    // Readers get Japanese only; the technical detail goes to the console.
    let text = host.inner_text();
    assert!(text.contains("コンテンツを読み込めませんでした"), "{text}");
    assert!(
        !text.contains("HTTP 500") && !text.contains("index.json"),
        "{text}"
    );
    let button: web_sys::HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    button.click();
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn a_card_is_parsed_again_only_when_its_markup_changes() {
    let inside = RwSignal::new("<h2>一</h2>".to_string());
    let host =
        mount(move || view! { <ul>{move || view! { <li>{card_view(inside.get())}</li> }}</ul> });
    let heading = || host.query_selector(".card h2").unwrap().unwrap();
    let first = heading();
    assert_eq!(first.text_content().as_deref(), Some("一"));
    // The same markup again: the card is left as it is.
    inside.set("<h2>一</h2>".to_string());
    leptos::task::tick().await;
    assert!(heading().is_same_node(Some(&first)));
    // New markup replaces what is inside.
    inside.set("<h2>二</h2>".to_string());
    leptos::task::tick().await;
    assert_eq!(heading().text_content().as_deref(), Some("二"));
    assert!(!heading().is_same_node(Some(&first)));
    assert_eq!(host.inner_html().matches("<article").count(), 1);
}

/// With component types erased, an element's attributes are one erased list. A redraw
/// with the same values leaves them alone, and a changed one is set in place
/// (`vendor/tachys.patch`); Leptos 0.8's own redraw removes and sets them all again.
#[wasm_bindgen_test]
async fn a_redraw_sets_only_the_attributes_that_changed() {
    let (text, label) = (RwSignal::new("一"), RwSignal::new("一件"));
    let host = mount(move || {
        view! {
            <div>
                {move || view! {
                    <p id="status" class="result-count" tabindex="-1" title=label.get()>{text.get()}</p>
                }}
            </div>
        }
    });
    let p = host.query_selector("p").unwrap().unwrap();
    // Set by hand, last: an attribute removed and set again would come after it.
    p.set_attribute("data-mark", "").unwrap();
    let names = || {
        p.get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
            .collect::<Vec<_>>()
    };
    let before = names();
    assert_eq!(before.len(), 5);
    assert_eq!(before.last().map(String::as_str), Some("data-mark"));
    text.set("二");
    leptos::task::tick().await;
    let now = host.query_selector("p").unwrap().unwrap();
    assert!(now.is_same_node(Some(&p)));
    assert_eq!(now.text_content().as_deref(), Some("二"));
    assert_eq!(names(), before);
    label.set("二件");
    leptos::task::tick().await;
    assert_eq!(p.get_attribute("title").as_deref(), Some("二件"));
    assert_eq!(names(), before);
}
