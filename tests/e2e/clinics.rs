//! `/clinics`: clinics by area, the map, and nothing made up.

use serde_json::Value;

use crate::harness::App;

#[tokio::test]
async fn clinics_are_grouped_by_area_with_a_map_and_no_invented_details() {
    let app = App::launch().await;
    app.open("/clinics").await;
    assert_eq!(
        app.texts(".area h2").await,
        ["関東エリア", "東海エリア", "関西エリア", "九州エリア"]
    );
    let ids = app
        .js("return [...document.querySelectorAll('.clinic')].map(c => c.id)")
        .await;
    assert_eq!(
        ids,
        serde_json::json!(["shinjuku", "nagoya", "kyoto", "fukuoka"])
    );
    app.wait_text("#kyoto h3", "リアラクリニック 京都").await;
    // The seed gives no address, phone or hours: none are shown.
    assert_eq!(app.count(".clinic__facts").await, 0);
    let page = app.text("main").await;
    assert!(
        !page.contains("TEL") && !page.contains("電話番号"),
        "{page}"
    );
    // One map marker per clinic, each linking to its anchor.
    let markers = app.js("return [...document.querySelectorAll('.japan-map a')].map(a => a.getAttribute('href'))").await;
    assert_eq!(
        markers,
        serde_json::json!([
            "/clinics#shinjuku",
            "/clinics#nagoya",
            "/clinics#kyoto",
            "/clinics#fukuoka"
        ])
    );
    let ld: Vec<Value> = serde_json::from_value(
        app.js("return [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))").await,
    )
    .unwrap();
    assert_eq!(
        ld.iter().filter(|v| v["@type"] == "MedicalClinic").count(),
        4
    );
    assert!(ld.iter().all(|v| v.get("telephone").is_none()));
    app.assert_accessible().await;

    app.click(".japan-map a[href='/clinics#fukuoka']").await;
    app.wait_until("location.hash === '#fukuoka'").await;
    app.wait_until(
        "Math.abs(document.getElementById('fukuoka').getBoundingClientRect().top) < 200",
    )
    .await;
    app.finish().await;
}

#[tokio::test]
async fn the_footer_leads_to_each_clinic() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_until("document.querySelector('.site-footer').innerText.includes('九州エリア')")
        .await;
    let footer = app.text(".site-footer").await;
    for part in [
        "はじめての方へ",
        "はじめての方へ脱毛について詳しく説明します。",
        "よくある質問",
        "患者様からよくいただく質問をご紹介します。",
        "関東エリア",
        "新宿",
        "九州エリア",
        "福岡",
        "GLP-1",
    ] {
        assert!(footer.contains(part), "footer lacks {part}");
    }
    app.click(".site-footer__areas a[href='/clinics#nagoya']")
        .await;
    app.wait_for("#nagoya").await;
    app.wait_until("Math.abs(document.getElementById('nagoya').getBoundingClientRect().top) < 200")
        .await;
    app.finish().await;
}

/// Pairs of map labels and markers whose boxes overlap, labels whose text overflows
/// them or that leave the map, and links under 24 px.
const MAP_PROBLEMS: &str = "\
    const map = document.querySelector('.japan-map__canvas').getBoundingClientRect(); \
    const boxes = [ \
      ...[...document.querySelectorAll('.japan-map__label span')].map(e => [e.textContent, e.getBoundingClientRect()]), \
      ...[...document.querySelectorAll('.japan-map__dot')].map((e, i) => ['marker ' + i, e.getBoundingClientRect()]), \
    ]; \
    const out = []; \
    boxes.forEach(([a, r], i) => boxes.slice(0, i).forEach(([b, s]) => { \
      if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom) out.push(a + ' / ' + b); })); \
    for (const span of document.querySelectorAll('.japan-map__label span')) { \
      const r = span.getBoundingClientRect(); \
      if (span.scrollWidth > span.clientWidth) out.push(span.textContent + ' overflows'); \
      if (r.left < map.left || r.right > map.right || r.top < map.top || r.bottom > map.bottom) \
        out.push(span.textContent + ' leaves the map'); \
      if (span.parentElement.getBoundingClientRect().height < 24) out.push(span.textContent + ' under 24 px'); \
    } \
    return out";

#[tokio::test]
async fn map_labels_and_markers_never_collide_at_any_width() {
    let app = App::launch().await;
    for (width, height) in [(320, 640), (375, 812), (768, 1024), (1366, 900)] {
        app.set_viewport(width, height).await;
        app.open("/clinics").await;
        app.wait_for(".japan-map__label").await;
        assert_eq!(app.count(".japan-map__dot").await, 4);
        assert_eq!(
            app.js(MAP_PROBLEMS).await,
            serde_json::json!([]),
            "{width}px"
        );
    }
    // The caption says what the map is and where its data comes from.
    let caption = app.text(".japan-map figcaption").await;
    assert!(
        caption.contains("クリニック所在地の地図") && caption.contains("Natural Earth"),
        "{caption}"
    );
    app.finish().await;
}
