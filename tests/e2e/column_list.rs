//! `/`: the column list.

use serde_json::json;

use crate::harness::{keys, App, Deployment, Viewport};

#[tokio::test]
async fn the_list_shows_cards_the_menu_and_counts() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_text("h1", "美脱毛コラム").await;
    let card = app.text(".card").await;
    for part in [
        "2023.06.12",
        "エクソソーム",
        "【医師が解説】",
        "幹細胞培養上清液は",
        "監修: 中川 哲 先生",
    ] {
        assert!(card.contains(part), "card lacks {part}: {card}");
    }
    app.wait_text(".result-count", "1件の記事").await;
    // Each chip says how many articles it leads to; categories without any are left
    // out, so no chip ends at an empty list.
    let menu = app.texts(".category-filter a").await;
    assert_eq!(menu, ["すべて(1)", "エクソソーム(1)"]);
    assert_eq!(
        app.attr(".category-filter a", "aria-current")
            .await
            .as_deref(),
        Some("page")
    );
    // Only the filter in use and the header's own entry say "current page".
    app.wait_until("document.querySelector('.site-footer__menu a')")
        .await;
    // The footer's treatment menu links only where there is something to read.
    assert_eq!(app.texts(".site-footer__menu a").await, ["エクソソーム"]);
    assert_eq!(app.count(".site-footer__menu li").await, 10);
    // Linked or not, the treatments of one row stand on one line (the link shares its
    // row with unlinked ones).
    let tops = "[...document.querySelectorAll('.site-footer__menu li > *')]
        .map(e => [e.nodeName, e.getBoundingClientRect().top])";
    let misaligned = app
        .js(&format!(
            "const items = {tops};
             return items.filter(([, t]) => items.some(([, o]) => Math.abs(o - t) < 12
                 && Math.abs(o - t) > 0.5)).length"
        ))
        .await;
    assert_eq!(misaligned, json!(0));
    let link_in_a_row = app
        .js(&format!(
            "const items = {tops};
             return items.some(([n, t]) => n === 'A'
                 && items.some(([m, o]) => m === 'SPAN' && Math.abs(o - t) <= 0.5))"
        ))
        .await;
    assert_eq!(link_in_a_row, json!(true));
    assert_eq!(app.count("[aria-current=page]").await, 2);
    assert!(app
        .js("return document.title")
        .await
        .as_str()
        .unwrap()
        .contains("美脱毛コラム"));
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn search_matches_japanese_as_people_type_it() {
    let app = App::launch().await;
    app.open("/").await;
    // The list loads nothing of the index; focusing the field fetches what every
    // search needs first, before the reader types.
    let index_requested = "performance.getEntriesByType('resource')\
        .some(e => e.name.endsWith('/derived/search/meta.json'))";
    app.wait_for(".result-count").await;
    assert_eq!(
        app.js(&format!("return {index_requested}")).await,
        json!(false)
    );
    app.js("document.getElementById('column-search').focus()")
        .await;
    app.wait_until(index_requested).await;
    // The list follows every keystroke; the URL follows once typing pauses, so six
    // keystrokes do not write six history entries (Safari refuses more than 100 in
    // 30 seconds).
    app.count_url_writes().await;
    app.type_into("#column-search", "えくそそーむ").await;
    app.wait_until("location.search.includes('q=')").await;
    let writes = app.url_writes().await;
    assert!(
        (1..6).contains(&writes),
        "{writes} URL writes for six keystrokes"
    );
    app.wait_text(".result-count", "「えくそそーむ」で検索: 1件の記事")
        .await;
    app.wait_text(".card__title mark", "エクソソーム").await;
    app.assert_accessible().await;
    // Leaving the field shows the search in the URL at once, well before the pause
    // would, so a category link followed next keeps it.
    let q = clinic_column::listing::encode("副作用");
    assert_eq!(
        app.type_and_leave("column-search", "副作用").await,
        format!("?q={q}")
    );
    let category = app
        .attr(".category-filter a[href^='/category/']", "href")
        .await
        .unwrap();
    assert!(category.ends_with(&format!("?q={q}")), "{category}");

    // Words of the body find the article, with the passage that matched highlighted.
    // A reading in kana does not find kanji: there is no dictionary.
    for (q, word) in [
        ("献血", "献血"),
        ("あなふぃらきしー", "アナフィラキシー"),
        ("ダウンタイム", "ダウンタイム"),
    ] {
        app.open(&format!("/?q={}", clinic_column::listing::encode(q)))
            .await;
        app.wait_text(".result-count", format!("「{q}」で検索: 1件の記事"))
            .await;
        app.wait_text(".card__excerpt mark", word).await;
    }
    app.open("/?q=%E3%81%91%E3%82%93%E3%81%91%E3%81%A4").await;
    app.wait_text(".result-count", "「けんけつ」で検索: 0件の記事")
        .await;

    // Half-width katakana finds it too; a word that is not there empties the list.
    app.open("/?q=%EF%BD%B4%EF%BD%B8%EF%BD%BF%EF%BD%BF%EF%BD%B0%EF%BE%91")
        .await;
    app.wait_text(".card__title mark", "エクソソーム").await;
    app.open("/?q=%E3%83%9F%E3%83%A9%E3%83%89%E3%83%A9%E3%82%A4")
        .await;
    // The count names the words searched; the message below it does not repeat them.
    assert_eq!(
        app.text(".result-count").await,
        "「ミラドライ」で検索: 0件の記事"
    );
    assert!(app
        .text(".empty")
        .await
        .starts_with("一致する記事は見つかりませんでした"));
    app.assert_accessible().await;
    app.click(".empty a").await;
    app.wait_text(".result-count", "1件の記事").await;
    assert_eq!(app.path().await, "/");
    app.finish().await;
}

/// While the reader types, a search that finds nothing hides the cards rather than
/// removing them, and the same cards come back untouched when the search finds them
/// again (a typo and its correction). The live region speaks the count once typing
/// pauses, not once per keystroke.
#[tokio::test]
async fn typing_keeps_the_cards_and_announces_the_count_once_typing_pauses() {
    let app = App::launch().await;
    app.open("/").await;
    // Once over, so the search's pieces are cached and each keystroke's results come
    // within the pause.
    app.type_into("#column-search", "ダウンタイム").await;
    app.wait_text(".result-count", "「ダウンタイム」で検索: 1件の記事")
        .await;
    app.js(
        "const input = document.getElementById('column-search'); input.value = ''; \
         input.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    app.wait_until("!document.querySelector('.result-count').textContent.includes('検索')")
        .await;
    app.js("return new Promise(done => setTimeout(done, 600))")
        .await;
    app.listen_to_live_region().await;
    app.type_into("#column-search", "ダウンタイム").await;
    app.wait_text(".result-count", "「ダウンタイム」で検索: 1件の記事")
        .await;
    app.assert_spoken_once("「ダウンタイム」で検索: 1件の記事")
        .await;

    app.js(
        "window.card = document.querySelector('.card'); window.cardEdits = 0; \
         new MutationObserver(rs => window.cardEdits += rs.length) \
           .observe(window.card, { subtree: true, childList: true, characterData: true, attributes: true });",
    )
    .await;
    app.type_into("#column-search", "x").await;
    app.wait_text(".result-count", "「ダウンタイムx」で検索: 0件の記事")
        .await;
    assert!(app
        .text(".empty")
        .await
        .starts_with("一致する記事は見つかりませんでした"));
    assert_eq!(
        app.js("return [document.querySelector('.card') === window.card, window.card.checkVisibility()]")
            .await,
        json!([true, false]),
        "the card stays in the page, hidden"
    );
    app.assert_accessible().await;
    // A second word typed into nothing leaves the message's text as it is.
    app.js(
        "window.message = document.querySelector('.empty p').firstChild; \
         window.messageEdits = 0; \
         new MutationObserver(rs => window.messageEdits += rs.length) \
           .observe(window.message, { characterData: true });",
    )
    .await;
    app.type_into("#column-search", "y").await;
    app.wait_text(".result-count", "「ダウンタイムxy」で検索: 0件の記事")
        .await;
    assert_eq!(
        app.js("return [document.querySelector('.empty p').firstChild === window.message, window.messageEdits]")
            .await,
        json!([true, 0]),
        "the message is left as it is"
    );
    app.press("#column-search", keys::BACKSPACE).await;
    app.wait_text(".result-count", "「ダウンタイムx」で検索: 0件の記事")
        .await;
    app.press("#column-search", keys::BACKSPACE).await;
    app.wait_text(".result-count", "「ダウンタイム」で検索: 1件の記事")
        .await;
    assert_eq!(
        app.js("return [document.querySelector('.card') === window.card, window.card.checkVisibility(), window.cardEdits, document.querySelectorAll('.empty').length]")
            .await,
        json!([true, true, 0, 0]),
        "the same card is shown again, untouched"
    );
    app.finish().await;
}

/// A reader on a slow phone types before the app has taken over the page: the text stays
/// in the field through hydration, and the list (or the FAQ) then follows it.
#[tokio::test]
async fn text_typed_before_the_app_starts_is_kept_and_searched() {
    let app = App::launch().await;
    for (path, field) in [("/", "column-search"), ("/faq", "faq-search")] {
        // Hold the wasm back, as a slow network would, while the prerendered page is typed in.
        app.cdp(
            "Fetch.enable",
            json!({ "patterns": [{ "urlPattern": "*_bg.wasm" }] }),
        )
        .await;
        app.client
            .goto(&app.server.url(path))
            .await
            .expect("navigate");
        app.wait_until("document.readyState === 'complete' && !window.wasmBindings")
            .await;
        app.js(&format!(
            "const input = document.getElementById('{field}');
             input.value = '献血';
             input.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ))
        .await;
        app.cdp("Fetch.disable", json!({})).await;
        // Once typing pauses, the URL says so, as for any search.
        app.wait_until("new URLSearchParams(location.search).get('q') === '献血'")
            .await;
        assert_eq!(
            app.js(&format!("return document.getElementById('{field}').value"))
                .await,
            json!("献血"),
            "{path}"
        );
        app.wait_text("main mark", "献血").await;
        if path == "/" {
            app.wait_text(".result-count", "「献血」で検索: 1件の記事")
                .await;
        }
    }
    app.finish().await;
}

#[tokio::test]
async fn category_filter_lives_in_the_url_and_back_restores_it() {
    let app = App::launch().await;
    app.open("/").await;
    app.click(".category-filter a[href='/category/exosome']")
        .await;
    app.wait_text(".result-count", "「エクソソーム」の1件の記事")
        .await;
    assert_eq!(app.path().await, "/category/exosome");
    assert_eq!(
        app.attr(".category-filter a[aria-current='page']", "href")
            .await
            .as_deref(),
        Some("/category/exosome")
    );
    app.assert_accessible().await;
    app.click(".category-filter a[href='/']").await;
    app.wait_until("location.pathname === '/'").await;
    app.back().await;
    app.wait_until("location.pathname === '/category/exosome'")
        .await;
    app.wait_text(".result-count", "「エクソソーム」の1件の記事")
        .await;
    app.back().await;
    app.wait_until("location.pathname === '/'").await;
    app.wait_text(".result-count", "1件の記事").await;
    // A category without articles, reached by its URL, says so and keeps its chip.
    app.open("/category/aga").await;
    assert!(app
        .text(".empty")
        .await
        .contains("このカテゴリーの記事はまだありません"));
    assert_eq!(
        app.text(".category-filter a[aria-current='page']").await,
        "AGA(0)"
    );
    app.assert_accessible().await;
    // A category's page is served as its own prerendered page, and the old query
    // links keep working.
    app.open("/category/exosome").await;
    app.wait_text(".result-count", "「エクソソーム」の1件の記事")
        .await;
    app.open("/?category=exosome").await;
    app.wait_text(".result-count", "「エクソソーム」の1件の記事")
        .await;
    app.wait_until("location.pathname === '/category/exosome' && location.search === ''")
        .await;
    app.finish().await;
}

#[tokio::test]
async fn odd_query_values_fall_back_instead_of_failing() {
    let app = App::launch().await;
    for path in [
        "/?page=-1",
        "/?page=abc",
        "/?page=99999999999999999999",
        "/?page=2",
    ] {
        app.open(path).await;
        app.wait_text(".result-count", "1件の記事").await;
    }
    app.open("/?category=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
        .await;
    let notice = app.text(".notice").await;
    assert!(notice.contains("<img src=x onerror=alert(1)>"), "{notice}");
    assert_eq!(app.count("main img").await, 0);
    app.wait_text(".result-count", "1件の記事").await;
    app.open("/?q=%3Cscript%3E&category=&page=").await;
    assert_eq!(
        app.text(".result-count").await,
        "「<script>」で検索: 0件の記事"
    );
    assert_eq!(
        app.js("return document.querySelectorAll('main script').length")
            .await,
        json!(0)
    );
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn every_view_is_reached_by_clicking_from_the_list() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    app.open("/").await;
    app.click(".card__title a").await;
    app.wait_for(".article__title").await;
    app.click(".site-header a[href='/clinics']").await;
    app.wait_text("h1", "Clinic\nクリニック紹介").await;
    app.click(".site-header a[href='/faq']").await;
    app.wait_text("h1", "よくある質問").await;
    app.click(".site-header__brand").await;
    app.wait_text("h1", "美脱毛コラム").await;
    app.finish().await;
}

#[tokio::test]
async fn the_first_screen_of_a_small_phone_shows_the_first_article() {
    // 320×640, with the bundled content and with every category of the sample set.
    for content in [
        None,
        Some(crate::harness::project_dir().join("target/synthetic")),
    ] {
        let deployment = match &content {
            Some(dir) => Deployment::root().with_content(dir),
            None => Deployment::root(),
        };
        let app = App::launch_with(deployment, Viewport::Phone).await;
        app.open("/?page=1").await;
        app.wait_for(".card__title a").await;
        let bottom = app
            .js("return document.querySelector('.card__title a').getClientRects()[0].bottom")
            .await
            .as_f64()
            .unwrap();
        assert!(
            bottom <= 640.0,
            "{content:?}: the first title ends at {bottom}px"
        );
        assert_eq!(
            app.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .await,
            json!(0),
            "{content:?}: the page scrolls sideways"
        );
        app.assert_accessible().await;
        app.finish().await;
    }
}
