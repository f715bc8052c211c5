use super::{InPageLink, RawElement};
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
    // The drawing never changes once drawn: one string.
    let mut svg = format!(
        "<svg viewBox=\"0 0 {} {}\" aria-hidden=\"true\" focusable=\"false\">\
         <path class=\"japan-map__land\" d=\"{OUTLINE}\"></path><g class=\"japan-map__leaders\">",
        two_decimals(WIDTH),
        two_decimals(HEIGHT)
    );
    for ((x1, y1), (x2, y2)) in placed.groups.iter().filter_map(|p| p.leader) {
        let [x1, y1, x2, y2] = [x1, y1, x2, y2].map(two_decimals);
        svg.push_str(&format!(
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"></line>"
        ));
    }
    svg.push_str("</g>");
    for p in &placed.groups {
        svg.push_str(&format!(
            "<circle class=\"japan-map__dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"></circle>",
            two_decimals(p.dot.0),
            two_decimals(p.dot.1),
            two_decimals(DOT)
        ));
    }
    svg.push_str("</svg>");
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
                {RawElement(svg)}
                {labels}
            </div>
            <figcaption id="japan-map-caption">
                "クリニック所在地の地図。院名を選ぶと、各院の案内へ移動します。"
                <span class="japan-map__credit">"地図データ: Natural Earth"</span>
            </figcaption>
        </figure>
    }
}
