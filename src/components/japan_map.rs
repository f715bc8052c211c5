use leptos::prelude::*;
use leptos_router::components::A;

use crate::content::Clinic;
use crate::japan_map::{outline_path, project, HEIGHT, ISLANDS, WIDTH};

/// An inline SVG map of Japan with a linked marker per clinic.
#[component]
pub fn JapanMap(clinics: Vec<Clinic>, #[prop(into)] brand: String) -> impl IntoView {
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let location = leptos_router::hooks::use_location();
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
                        let path = location.pathname;
                        let id = c.id.clone();
                        Some(view! {
                            <A href=move || format!("{}#{}", path.get(), id) scroll=false attr:class="japan-map__marker" attr:style=style attr:aria-label=label>
                                <span aria-hidden="true">{c.name}</span>
                            </A>
                        })
                    })
                    .collect_view()}
            </div>
            <figcaption id="japan-map-caption">"クリニック所在地の地図。地図上の院名を選ぶと、各院の案内へ移動します。"</figcaption>
        </figure>
    }
}
