use super::InPageLink;
use leptos::prelude::*;

use crate::content::Clinic;
use crate::japan_map::{layout, two_decimals, Rect, DOT, FONT, HEIGHT, OUTLINE, WIDTH};

/// An inline SVG map of Japan with a linked label per clinic.
#[component]
pub fn JapanMap(clinics: Vec<Clinic>, #[prop(into)] brand: String) -> impl IntoView {
    let located: Vec<(Clinic, f64, f64)> = clinics
        .into_iter()
        .filter_map(|c| {
            let at = c.location.clone()?;
            Some((c, at.lat, at.lon))
        })
        .collect();
    let markers: Vec<(&str, f64, f64)> = located
        .iter()
        .map(|(c, lat, lon)| (c.name.as_str(), *lat, *lon))
        .collect();
    let placed = layout(&markers);
    // Map units as percentages of the canvas, which keeps the SVG's proportions.
    let percent = |v: f64, of: f64| format!("{}%", two_decimals(v / of * 100.0));
    let box_style = |r: &Rect| {
        format!(
            "left:{};top:{};width:{};height:{}",
            percent(r.x, WIDTH),
            percent(r.y, HEIGHT),
            percent(r.width, WIDTH),
            percent(r.height, HEIGHT),
        )
    };
    let leaders = placed
        .groups
        .iter()
        .filter_map(|p| p.leader)
        .map(|((x1, y1), (x2, y2))| {
            let [x1, y1, x2, y2] = [x1, y1, x2, y2].map(two_decimals);
            view! { <line x1=x1 y1=y1 x2=x2 y2=y2 /> }
        })
        .collect_view();
    let dots = placed
        .groups
        .iter()
        .map(|p| {
            let (cx, cy) = (two_decimals(p.dot.0), two_decimals(p.dot.1));
            view! { <circle class="japan-map__dot" cx=cx cy=cy r=two_decimals(DOT) /> }
        })
        .collect_view();
    let labels = located
        .iter()
        .zip(&placed.labels)
        .map(|((c, _, _), rect)| {
            let (label, name) = (format!("{} {}", brand, c.name), c.name.clone());
            view! {
                <InPageLink id=c.id.clone() class="japan-map__label" style=box_style(rect) label>
                    <span aria-hidden="true">{name}</span>
                </InPageLink>
            }
        })
        .collect_view();
    // The drawing is decoration; the labels are ordinary links placed over it, so they
    // are focusable and read like any other link, and the list below holds the same.
    view! {
        <figure class="japan-map" aria-labelledby="japan-map-caption">
            // Label text in container units: the font size as a share of the width.
            <div class="japan-map__canvas" style=format!("--font:{}", two_decimals(FONT / WIDTH * 100.0))>
                <svg viewBox=format!("0 0 {} {}", two_decimals(WIDTH), two_decimals(HEIGHT)) aria-hidden="true" focusable="false">
                    <path class="japan-map__land" d=OUTLINE />
                    <g class="japan-map__leaders">{leaders}</g>
                    {dots}
                </svg>
                {labels}
            </div>
            <figcaption id="japan-map-caption">
                "クリニック所在地の地図。院名を選ぶと、各院の案内へ移動します。"
                <span class="japan-map__credit">"地図データ: Natural Earth"</span>
            </figcaption>
        </figure>
    }
}
