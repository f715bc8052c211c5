//! `/faq`: the accordion, deep links, search and sources.

use crate::harness::{keys, App};

#[tokio::test]
async fn the_faq_is_an_accordion_with_show_all() {
    let app = App::launch().await;
    app.open("/faq").await;
    app.wait_text("h1", "よくある質問").await;
    assert_eq!(app.count(".faq-item").await, 8);
    app.wait_text(".result-count", "8件の質問").await;
    assert_eq!(app.count(".faq-item .collapsible__panel[hidden]").await, 8);
    app.assert_accessible().await;
    app.press("#exosome-downtime .collapsible__toggle", keys::ENTER)
        .await;
    app.wait_until("!document.querySelector('#exosome-downtime-content').hasAttribute('hidden')")
        .await;
    assert!(app
        .text("#exosome-downtime-content")
        .await
        .contains("ダウンタイムがほとんどありません"));
    app.click(".show-all").await;
    app.wait_until(
        "document.querySelectorAll('.faq-item .collapsible__panel[hidden]').length === 0",
    )
    .await;
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn a_deep_link_opens_its_question_and_answers_cite_their_source() {
    let app = App::launch().await;
    app.open("/faq#exosome-blood-donation").await;
    app.wait_until(
        "!document.querySelector('#exosome-blood-donation-content')?.hasAttribute('hidden')",
    )
    .await;
    assert_eq!(
        app.count(".faq-item .collapsible__panel:not([hidden])")
            .await,
        1
    );
    let source = app
        .text("#exosome-blood-donation-content .faq-item__source")
        .await;
    assert!(source.contains("②献血ができなくなる"), "{source}");
    // Every answer links to a section that exists in the article.
    let hrefs: Vec<String> = serde_json::from_value(
        app.js("return [...document.querySelectorAll('.faq-item__source a')].map(a => a.getAttribute('href'))").await,
    )
    .unwrap();
    assert_eq!(hrefs.len(), 8);
    app.click("#exosome-blood-donation-content .faq-item__source a")
        .await;
    app.wait_for("#downsides-blood-donation").await;
    assert_eq!(
        app.path().await,
        "/column/exosome-side-effects#downsides-blood-donation"
    );
    for href in hrefs {
        let id = href.split('#').nth(1).unwrap().to_string();
        assert_eq!(app.count(&format!("[id='{id}']")).await, 1, "{href}");
    }
    app.finish().await;
}

#[tokio::test]
async fn search_finds_questions_as_people_type_them() {
    let app = App::launch().await;
    app.open("/faq").await;
    app.listen_to_live_region().await;
    app.count_url_writes().await;
    app.type_into("#faq-search", "だうんたいむ").await;
    // The answers follow every keystroke; the URL, once typing pauses.
    app.wait_until("location.search.includes('q=')").await;
    let writes = app.url_writes().await;
    assert!(
        (1..6).contains(&writes),
        "{writes} URL writes for six keystrokes"
    );
    app.wait_text(".result-count", "「だうんたいむ」に一致する質問: 1件")
        .await;
    // The count is spoken once typing pauses, not once per keystroke.
    app.assert_spoken_once("「だうんたいむ」に一致する質問: 1件")
        .await;
    app.wait_until("!document.querySelector('#exosome-downtime-content').hasAttribute('hidden')")
        .await;
    app.wait_text("#exosome-downtime .collapsible__title mark", "ダウンタイム")
        .await;
    app.assert_accessible().await;
    // Leaving the field shows the search in the URL at once.
    assert_eq!(
        app.type_and_leave("faq-search", "献血").await,
        format!("?q={}", clinic_column::listing::encode("献血"))
    );
    app.wait_text(".result-count", "「献血」に一致する質問: 1件")
        .await;
    app.open("/faq?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E8%A8%80%E8%91%89")
        .await;
    assert!(app
        .text(".empty")
        .await
        .contains("一致する質問は見つかりませんでした"));
    app.click(".empty a").await;
    app.wait_until("document.querySelectorAll('.faq-item:not([hidden])').length === 8")
        .await;
    app.finish().await;
}
