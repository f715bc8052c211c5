//! Loading content: failures become a clear message with a retry, never a blank page.

use serde_json::json;

use crate::harness::{content_copy, App, Deployment, Viewport};

#[tokio::test]
async fn a_failed_fetch_shows_an_error_and_retry_recovers() {
    let app = App::launch().await;
    app.cdp("Network.enable", json!({})).await;
    app.cdp(
        "Network.setBlockedURLs",
        json!({ "urls": ["*/content/derived/catalog.json"] }),
    )
    .await;
    // A state the build did not render, so the list is fetched.
    app.open("/?page=1").await;
    app.wait_for(".load-failure").await;
    app.wait_text(".load-failure h1", "コンテンツを読み込めませんでした")
        .await;
    app.assert_accessible().await;

    app.cdp("Network.setBlockedURLs", json!({ "urls": [] }))
        .await;
    app.click(".load-failure button").await;
    app.wait_text(".column-header__name", "美脱毛コラム").await;
    app.wait_for(".article-list a").await;
    app.finish_allowing(&["content/derived/catalog.json"]).await;
}

#[tokio::test]
async fn malformed_content_is_reported_not_blank() {
    let content = content_copy();
    std::fs::write(
        content.path().join("derived/catalog.json"),
        "{ \"total\": [ ",
    )
    .unwrap();
    let app = App::launch_with(
        Deployment::root().with_content(content.path()),
        Viewport::Desktop,
    )
    .await;
    // The build prerendered `/` from good content; a state it did not render reads
    // the served files.
    app.open("/?page=1").await;
    app.wait_text(".load-failure h1", "コンテンツを読み込めませんでした")
        .await;
    assert_detail_only_in_the_console(&app, &["catalog.json", "not valid JSON"]).await;
    app.finish().await;
}

#[tokio::test]
async fn content_of_the_wrong_shape_is_reported_not_blank() {
    let content = content_copy();
    std::fs::write(
        content.path().join("derived/catalog.json"),
        r#"{ "total": "3" }"#,
    )
    .unwrap();
    let app = App::launch_with(
        Deployment::root().with_content(content.path()),
        Viewport::Desktop,
    )
    .await;
    app.open("/?page=1").await;
    app.wait_text(".load-failure h1", "コンテンツを読み込めませんでした")
        .await;
    assert_detail_only_in_the_console(&app, &["catalog.json", "unexpected content"]).await;
    app.finish().await;
}

/// Readers see Japanese only; the technical detail goes to the console for support.
async fn assert_detail_only_in_the_console(app: &App, detail: &[&str]) {
    let warnings = app.console_warnings().await;
    assert!(
        warnings
            .iter()
            .any(|w| detail.iter().all(|d| w.contains(d))),
        "{warnings:?}"
    );
    let text = app.js("return document.body.innerText").await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        !detail.iter().any(|d| text.contains(d)) && !text.contains("JSON"),
        "{text}"
    );
}

#[tokio::test]
async fn an_unknown_article_is_not_found_and_a_hostile_slug_fetches_nothing() {
    let app = App::launch().await;
    app.open("/column/no-such-article").await;
    app.wait_text("h1", "記事が見つかりません").await;
    app.open("/column/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
        .await;
    app.wait_text("h1", "記事が見つかりません").await;
    assert_eq!(
        app.js("return document.querySelectorAll('main img').length")
            .await,
        json!(0)
    );
    let fetched = app.requested_urls().await;
    assert!(
        !fetched
            .iter()
            .any(|u| u.contains("/content/") && u.contains("%3C")),
        "{fetched:?}"
    );
    // The pages themselves answer 404, as a missing page should; so do the article
    // file the app asks for, which is how it knows the article does not exist, and
    // the related list asked for with it.
    app.finish_allowing(&[
        "/column/no-such-article - ",
        "/articles/no-such-article.json - ",
        "/related/no-such-article.json - ",
        "onerror%3Dalert(1)%3E - ",
    ])
    .await;
}

#[tokio::test]
async fn a_phone_never_scrolls_sideways() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    for path in ["/", "/column/exosome-side-effects", "/nope"] {
        app.open(path).await;
        app.wait_for("h1").await;
        let overflow = app
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            .await;
        assert_eq!(overflow, json!(0), "{path} scrolls sideways at 320px");
    }
    app.finish_allowing(&["/nope - "]).await;
}

#[tokio::test]
async fn if_the_app_itself_stops_the_reader_is_told() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_for(".card").await;
    app.js("dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') }))").await;
    assert!(app
        .text("#app-stopped")
        .await
        .contains("ページを再読み込みしてください"));
    app.assert_accessible().await;
    let _ = app.client.clone().close().await;
}

#[tokio::test]
async fn content_is_fetched_once_per_page_load() {
    let app = App::launch().await;
    app.open("/").await;
    app.click(".card__title a").await;
    app.wait_for(".article__title").await;
    app.click(".breadcrumbs a[href='/']").await;
    app.wait_for(".card").await;
    app.click(".card__title a").await;
    app.wait_for(".article__title").await;
    let fetched = app.requested_urls().await;
    for file in [
        "/content/site.json",
        "/content/derived/catalog.json",
        "/content/derived/related/exosome-side-effects.json",
        "/content/articles/exosome-side-effects.json",
    ] {
        let n = fetched.iter().filter(|u| u.ends_with(file)).count();
        assert_eq!(n, 1, "{file} fetched {n} times: {fetched:?}");
    }
    app.finish().await;
}

/// On a phone network every request is a round trip of its own: a view asks for all
/// the files it needs at once, so it waits for one round trip, not one per file.
#[tokio::test]
async fn a_view_asks_for_all_its_files_at_once() {
    let app = App::launch().await;
    app.open("/").await;
    app.cdp("Network.enable", json!({})).await;
    app.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    // The content requests a client-side visit makes, with when each started and ended.
    const REQUESTS_SINCE_CLICK: &str = "return performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/content/') && e.startTime >= window.clickedAt)
        .map(e => [e.name.split('/content/')[1], e.startTime, e.responseEnd])";
    let visits: [(&str, &str, &[&str]); 2] = [
        (
            ".card__title a",
            ".article__title",
            // With the site and the counts too, unless the list left them in memory.
            &[
                "articles/exosome-side-effects.json",
                "derived/related/exosome-side-effects.json",
            ],
        ),
        (
            ".site-header a[href='/faq']",
            ".faq-toolbar",
            &["faq.json", "derived/faq-sources.json"],
        ),
    ];
    for (link, shown, files) in visits {
        app.js(&format!(
            "window.clickedAt = performance.now(); document.querySelector({link:?}).click()"
        ))
        .await;
        // The view shows once every file it asked for has come.
        app.wait_for(shown).await;
        let requests = app.js(REQUESTS_SINCE_CLICK).await;
        let requests = requests.as_array().unwrap();
        let named: Vec<&str> = requests.iter().map(|r| r[0].as_str().unwrap()).collect();
        for file in files {
            assert!(named.contains(file), "{file} not among {named:?}");
        }
        // Every request went out before the first answer came back.
        let last_start = requests
            .iter()
            .map(|r| r[1].as_f64().unwrap())
            .fold(0.0, f64::max);
        let first_end = requests
            .iter()
            .map(|r| r[2].as_f64().unwrap())
            .fold(f64::INFINITY, f64::min);
        assert!(last_start < first_end, "one after another: {requests:?}");
    }
    app.finish().await;
}

#[tokio::test]
async fn leaving_a_view_cancels_its_fetch() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_for(".card").await;
    // Hold every article request open, as a slow network would.
    app.cdp(
        "Fetch.enable",
        json!({ "patterns": [{ "urlPattern": "*/content/articles/*" }] }),
    )
    .await;
    app.click(".card__title a").await;
    app.wait_for("[aria-busy=true]").await;
    app.click(".site-header a[href='/clinics']").await;
    app.wait_text("h1", "Clinic\nクリニック紹介").await;
    let start = std::time::Instant::now();
    loop {
        let canceled = app.canceled_requests().await;
        if canceled
            .iter()
            .any(|u| u.ends_with("/content/articles/exosome-side-effects.json"))
        {
            break;
        }
        assert!(
            start.elapsed().as_secs() < 10,
            "the article fetch was not cancelled: {canceled:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let _ = app.client.clone().close().await;
}
