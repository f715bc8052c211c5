use super::InPageLink;
use leptos::prelude::*;

use crate::content::Clinic;
use crate::japan_map::{outline_path, project, HEIGHT, ISLANDS, WIDTH};

/// An inline SVG map of Japan with a linked marker per clinic.
#[component]
pub fn JapanMap(clinics: Vec<Clinic>, #[prop(into)] brand: String) -> impl IntoView {
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let others: Vec<(String, f64, f64)> = clinics
        .iter()
        .filter_map(|c| c.location.as_ref().map(|l| (c.id.clone(), l.lat, l.lon)))
        .collect();
    // The outline is decoration; the markers are ordinary links placed over it, so
    // they are focusable and read like any other link.
    view! {
        <figure class="japan-map" aria-labelledby="japan-map-caption">
            <div class="japan-map__canvas">
                <svg viewBox=view_box aria-hidden="true" focusable="false">
                    {ISLANDS.iter().map(|i| view! { <path d=outline_path(i) /> }).collect_view()}
                </svg>
                {clinics
                    .into_iter()
                    .filter_map(|c| {
                        let at = c.location.clone()?;
                        let (x, y) = project(at.lat, at.lon);
                        let style = format!("left:{:.2}%;top:{:.2}%", x / WIDTH * 100.0, y / HEIGHT * 100.0);
                        let label = format!("{} {}", brand, c.name);
                        Some(view! {
                            <InPageLink id=c.id.clone() class=marker_class(&c.id, &others) style label>
                                <span aria-hidden="true">{c.name}</span>
                            </InPageLink>
                        })
                    })
                    .collect_view()}
            </div>
            <figcaption id="japan-map-caption">"クリニック所在地の地図。地図上の院名を選ぶと、各院の案内へ移動します。"</figcaption>
        </figure>
    }
}

/// Markers whose label would run into a neighbour to the east put it on the left.
fn marker_class(id: &str, all: &[(String, f64, f64)]) -> &'static str {
    if crate::japan_map::label_on_left(id, all) {
        "japan-map__marker japan-map__marker--left"
    } else {
        "japan-map__marker"
    }
}
