//! `/column/:slug`: the article, its collapsible risk sections and its metadata.

use serde_json::{json, Value};

use crate::harness::{keys, App, Deployment, Viewport};

const SEED: &str = "/column/exosome-side-effects";

#[tokio::test]
async fn the_article_shows_what_a_patient_needs_and_describes_itself() {
    let app = App::launch().await;
    app.open(SEED).await;
    app.wait_text(
        "h1",
        "【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?",
    )
    .await;
    // 「エクソソームの詳細はこちら」 would lead to a list of this article alone: left out
    // until the category has another article or the clinic gives its treatment page.
    assert!(!app
        .text(".article__body")
        .await
        .contains("エクソソームの詳細はこちら"));
    assert_eq!(
        app.texts(".breadcrumbs li").await,
        [
            "コラム一覧",
            "エクソソーム",
            "【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?"
        ]
    );
    let meta = app.text(".article__meta").await;
    assert!(
        meta.contains("公開日 2023.06.12") && meta.contains("更新日 2023.06.12"),
        "{meta}"
    );
    // The supervising doctor, at the top and at the bottom.
    let boxes = app.texts(".doctor-box").await;
    assert_eq!(boxes.len(), 2);
    assert!(boxes.iter().all(|b| b.contains("この記事の監修医師")
        && b.contains("中川 哲")
        && b.contains("ナカガワ アキラ")));
    // Every table-of-contents link leads to a section of the page.
    let missing = app
        .js("return [...document.querySelectorAll('.toc a')].map(a => new URL(a.href).hash.slice(1)).filter(id => !document.getElementById(id))")
        .await;
    assert_eq!(missing, json!([]));
    assert_eq!(app.count(".toc a").await, 17);
    // Risks are open by default.
    for id in ["side-effects", "downsides"] {
        assert_eq!(
            app.attr(&format!("#{id} .collapsible__toggle"), "aria-expanded")
                .await
                .as_deref(),
            Some("true")
        );
        assert!(
            app.is_visible(&format!("#{id}-content p")).await,
            "{id} is hidden"
        );
    }
    assert!(app
        .text("#downsides-content")
        .await
        .contains("献血は受けることができません"));
    assert!(app
        .text(".consultation")
        .await
        .contains("無料相談も行っております"));
    assert_eq!(
        app.texts(".share__link").await,
        [
            "X\nでシェア(新しいタブで開きます)",
            "Facebook\nでシェア(新しいタブで開きます)",
            "LINE\nでシェア(新しいタブで開きます)",
            "はてなブックマーク\nでシェア(新しいタブで開きます)",
            "リンクをコピー"
        ]
    );
    let share = app.attr(".share__link", "href").await.unwrap();
    assert!(
        share.starts_with("https://x.com/intent/post?") && share.contains("exosome-side-effects"),
        "{share}"
    );

    let head = app
        .js("return { title: document.title, description: document.querySelector('meta[name=description]')?.content, canonical: document.querySelector('link[rel=canonical]')?.href, og: document.querySelector('meta[property=\"og:type\"]')?.content }")
        .await;
    assert!(head["title"]
        .as_str()
        .unwrap()
        .starts_with("【医師が解説】"));
    assert!(head["description"]
        .as_str()
        .unwrap()
        .starts_with("幹細胞培養上清液は"));
    assert!(head["canonical"].as_str().unwrap().ends_with(SEED));
    assert_eq!(head["og"], "article");
    let ld: Vec<Value> = serde_json::from_value(
        app.js("return [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))").await,
    )
    .unwrap();
    let page = ld
        .iter()
        .find(|v| v["@type"] == "MedicalWebPage")
        .expect("a MedicalWebPage");
    assert_eq!(page["mainEntity"]["@type"], "Article");
    assert_eq!(page["reviewedBy"]["name"], "中川 哲");
    assert_eq!(page["lastReviewed"], "2023-06-12");
    assert!(ld.iter().any(|v| v["@type"] == "BreadcrumbList"));
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn risk_sections_toggle_by_keyboard_one_by_one_and_all_at_once() {
    let app = App::launch().await;
    app.open(SEED).await;
    app.press("#side-effects .collapsible__toggle", keys::ENTER)
        .await;
    app.wait_until("document.querySelector('#side-effects .collapsible__toggle').getAttribute('aria-expanded') === 'false'").await;
    assert_eq!(
        app.attr("#side-effects-content", "hidden").await.as_deref(),
        Some("until-found")
    );
    assert!(!app.is_visible("#side-effects-content p").await);
    assert!(app.is_visible("#downsides-content p").await);
    app.assert_accessible().await;
    app.press("#side-effects .collapsible__toggle", keys::SPACE)
        .await;
    app.wait_until("!document.querySelector('#side-effects-content').hasAttribute('hidden')")
        .await;

    // The page never offers to close every risk group; while one is closed it offers
    // to open them all, just before the risks.
    assert_eq!(app.count(".show-all").await, 0);
    close_risks(&app).await;
    app.wait_text(".show-all", "閉じた項目をすべて開く").await;
    app.press(".show-all", keys::ENTER).await;
    app.wait_until("document.querySelectorAll('.collapsible__panel[hidden]').length === 0")
        .await;
    app.wait_until("!document.querySelector('.show-all')").await;
    app.finish().await;
}

/// Closes both risk groups with their own toggles.
async fn close_risks(app: &App) {
    for id in ["side-effects", "downsides"] {
        app.click(&format!("#{id} .collapsible__toggle")).await;
    }
    app.wait_until("document.querySelectorAll('.collapsible__panel[hidden]').length === 2")
        .await;
}

#[tokio::test]
async fn every_new_visit_shows_the_risks_open() {
    let app = App::launch().await;
    app.open(SEED).await;
    close_risks(&app).await;
    // A reload, and a new visit by a link, start with every risk group open.
    app.js("location.reload()").await;
    app.wait_until("window.wasmBindings && document.querySelector('.article__title')")
        .await;
    app.wait_for("#side-effects .collapsible__toggle").await;
    let open = "[...document.querySelectorAll('.article__body .collapsible__toggle')].every(b => b.getAttribute('aria-expanded') === 'true')";
    // Give a restore that should not happen the time to happen.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.js(&format!("return {open}")).await, json!(true));
    close_risks(&app).await;
    app.open(SEED).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.js(&format!("return {open}")).await, json!(true));
    assert_eq!(app.count(".show-all").await, 0);
    app.finish().await;
}

#[tokio::test]
async fn closed_sections_open_for_anchors_and_find_in_page_and_print() {
    let app = App::launch().await;
    app.open(SEED).await;
    close_risks(&app).await;

    // A table-of-contents link into a closed group opens it and scrolls there.
    app.click(".toc a[href$='#side-effects-anaphylaxis']").await;
    app.wait_until("!document.querySelector('#side-effects-content').hasAttribute('hidden')")
        .await;
    app.wait_until("Math.abs(document.getElementById('side-effects-anaphylaxis').getBoundingClientRect().top) < 200").await;
    // Keyboard and screen-reader users continue from the target.
    app.wait_until("document.activeElement.id === 'side-effects-anaphylaxis'")
        .await;

    // Find-in-page: the browser fires `beforematch` on the hidden=until-found panel.
    app.js("document.getElementById('downsides-content').dispatchEvent(new Event('beforematch'))")
        .await;
    app.wait_until("!document.querySelector('#downsides-content').hasAttribute('hidden')")
        .await;

    // Print shows a closed section.
    close_risks(&app).await;
    app.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let printed = "document.querySelector('#side-effects-content p').checkVisibility({ contentVisibilityAuto: true })";
    app.wait_until(printed).await;
    app.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    app.wait_until(&format!("!{printed}")).await;

    // A shared link to #downsides: a new visit, every risk group open, and there.
    app.open("/").await;
    app.open(&format!("{SEED}#downsides")).await;
    app.wait_until("document.querySelector('#downsides .collapsible__toggle')?.getAttribute('aria-expanded') === 'true'").await;
    app.wait_until(
        "Math.abs(document.getElementById('downsides').getBoundingClientRect().top) < 200",
    )
    .await;
    assert_eq!(
        app.attr("#side-effects .collapsible__toggle", "aria-expanded")
            .await
            .as_deref(),
        Some("true")
    );
    app.finish().await;
}

#[tokio::test]
async fn open_and_closed_state_survives_back_and_forward() {
    let app = App::launch().await;
    app.open(SEED).await;
    app.click("#downsides .collapsible__toggle").await;
    app.wait_until("document.querySelector('#downsides-content').hasAttribute('hidden')")
        .await;
    app.click(".breadcrumbs a[href='/']").await;
    app.wait_for(".card").await;
    app.back().await;
    app.wait_for("#downsides .collapsible__toggle").await;
    app.wait_until("document.querySelector('#downsides .collapsible__toggle').getAttribute('aria-expanded') === 'false'").await;
    assert_eq!(
        app.attr("#side-effects .collapsible__toggle", "aria-expanded")
            .await
            .as_deref(),
        Some("true")
    );
    app.forward().await;
    app.wait_for(".card").await;
    app.finish().await;
}

#[tokio::test]
async fn navigation_moves_focus_to_the_heading_and_back_restores_the_scroll() {
    let app = App::launch().await;
    app.open(SEED).await;
    // The article and the footer's content must be in: before that, the page may be
    // too short to scroll to 1500.
    app.wait_for(".article__title").await;
    app.wait_for(".site-footer__areas a").await;
    app.js("window.scrollTo(0, 1500)").await;
    app.wait_until("window.scrollY === 1500").await;
    // A script click, so the page is left exactly at 1500 (WebDriver would scroll first).
    app.js("document.querySelector(\".site-footer__fixed a[href='/faq']\").click()")
        .await;
    app.wait_until("document.activeElement && document.activeElement.tagName === 'H1'")
        .await;
    assert_eq!(app.focused().await, "h1#. よくある質問");
    app.back().await;
    app.wait_until("document.activeElement && document.activeElement.tagName === 'H1' && document.querySelector('.article__title')").await;
    app.wait_until("Math.abs(window.scrollY - 1500) < 5").await;
    app.finish().await;
}

#[tokio::test]
async fn keyboard_users_can_skip_to_the_content() {
    let app = App::launch().await;
    app.open(SEED).await;
    app.wait_for(".article__title").await;
    app.js("document.activeElement.blur()").await;
    app.press_on_focused(keys::TAB).await;
    assert_eq!(app.focused().await, "a#.skip-link 本文へスキップ");
    app.press_on_focused(keys::ENTER).await;
    app.wait_until("document.activeElement.id === 'main'").await;
    app.finish().await;
}

#[tokio::test]
async fn an_unknown_slug_gets_an_article_not_found_view() {
    let app = App::launch().await;
    app.open("/column/no-such-article").await;
    app.wait_text("h1", "記事が見つかりません").await;
    assert_eq!(app.count(".not-found a").await, 3);
    app.assert_accessible().await;
    app.click(".not-found a[href='/']").await;
    app.wait_text("h1", "美脱毛コラム").await;
    // The page itself answers 404, as a missing page should, and so do the article
    // file and its related list, which the app asks for together.
    app.finish_allowing(&[
        "/column/no-such-article - ",
        "/articles/no-such-article.json - ",
        "/related/no-such-article.json - ",
    ])
    .await;
}

#[tokio::test]
async fn a_closed_section_is_only_its_heading_and_print_keeps_the_call_to_action_legible() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    app.open("/column/exosome-side-effects").await;
    app.click("#side-effects .collapsible__toggle").await;
    app.wait_until("document.querySelector('#side-effects-content').hidden")
        .await;
    // The section's box is its heading's plus its two border lines, no empty band.
    let extra = app
        .js("const s = document.getElementById('side-effects'); \
             const h = s.querySelector('.collapsible__heading'); \
             return s.getBoundingClientRect().height - h.getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap();
    assert!(
        extra <= 2.5,
        "a closed section is {extra}px taller than its heading"
    );

    // Breadcrumb links are targets of at least 24 px.
    let heights = app
        .js("return [...document.querySelectorAll('.breadcrumbs a')].map(a => a.getBoundingClientRect().height)")
        .await;
    for h in heights.as_array().unwrap() {
        assert!(h.as_f64().unwrap() >= 24.0, "breadcrumb link {h}px tall");
    }

    // In print the consultation button is dark text, not white on an unprinted fill.
    app.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let colour = app
        .js(
            "const b = document.querySelector('main .button'); const s = getComputedStyle(b); \
             return [s.color, s.backgroundColor]",
        )
        .await;
    assert_eq!(
        colour,
        json!(["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"]),
        "the call to action in print"
    );
    app.finish().await;
}

#[tokio::test]
async fn the_reading_time_is_shown_in_the_header_and_on_cards() {
    let index: clinic_column::content::Index = serde_json::from_str(
        &std::fs::read_to_string(crate::harness::project_dir().join("public/content/index.json"))
            .unwrap(),
    )
    .unwrap();
    let minutes = index.articles[0].reading_minutes;
    let app = App::launch().await;
    app.open("/column/exosome-side-effects").await;
    app.wait_text(
        ".article__reading",
        format!("この記事は約{minutes}分で読めます"),
    )
    .await;
    app.open("/").await;
    app.wait_text(".card__reading", format!("約{minutes}分で読めます"))
        .await;
    app.assert_accessible().await;
    app.finish().await;
}

/// Each entry's number beside the top of its first line, at every width.
const TOC_NUMBERS_ALIGNED: &str =
    "return [...document.querySelectorAll('.toc__item')].every(li => { \
     const n = li.querySelector('.toc__number').getBoundingClientRect(); \
     const first = li.querySelector('a').getClientRects()[0]; \
     return Math.abs(n.top - first.top) <= 3; })";

#[tokio::test]
async fn the_table_of_contents_reads_well_at_every_width() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    for (width, height) in [(320, 640), (375, 812), (1366, 900)] {
        app.set_viewport(width, height).await;
        app.open(SEED).await;
        app.wait_for(".toc__item").await;
        assert_eq!(app.js(TOC_NUMBERS_ALIGNED).await, json!(true), "{width}px");
        let top_level = app.count(".toc__item").await;
        let visible_subs = app
            .js("return [...document.querySelectorAll('.toc__sub a')].filter(a => a.getClientRects().length).length")
            .await;
        if width < 600 {
            // Phones: the first level only, and the rest one tap away (no JavaScript needed).
            assert_eq!(visible_subs, json!(0), "{width}px");
            app.click(".toc__more input").await;
            app.wait_until("document.querySelector('.toc__sub a').getClientRects().length > 0")
                .await;
            assert_eq!(
                app.js(TOC_NUMBERS_ALIGNED).await,
                json!(true),
                "{width}px, opened"
            );
            let box_ = app
                .js("const r = document.querySelector('.toc__more').getBoundingClientRect(); return [r.width, r.height]")
                .await;
            assert!(box_[1].as_f64().unwrap() >= 24.0, "{box_}");
        } else {
            assert_eq!(visible_subs.as_u64().unwrap() as usize + top_level, 17);
        }
        // Every section is still linked.
        assert_eq!(app.count(".toc a").await, 17);
    }
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn the_risk_groups_are_framed_and_labelled() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    app.open(SEED).await;
    app.wait_for("#side-effects").await;
    for id in ["side-effects", "downsides"] {
        let label = app
            .js(&format!(
                "return getComputedStyle(document.getElementById('{id}'), '::before').content"
            ))
            .await;
        assert_eq!(label, json!("\"副作用・リスク\""), "{id}");
    }
    // The label sits on the box's edge: it does not overlap the text above it.
    let gap = app
        .js("const s = document.getElementById('side-effects'); \
             const before = s.previousElementSibling.getBoundingClientRect().bottom; \
             return s.getBoundingClientRect().top - before")
        .await
        .as_f64()
        .unwrap();
    assert!(
        gap >= 24.0,
        "{gap}px between the risks and what comes before"
    );
    app.finish().await;
}

/// Text pieces (between `<wbr>`s and marks) of titles and headings that wrap onto a
/// second line although they would fit on one: a line break inside a phrase.
const BROKEN_PHRASES: &str = "\
    const out = []; \
    for (const el of document.querySelectorAll('h1, main h2, main h3, .toc a, .card__title a, .breadcrumbs [aria-current]')) { \
      if (!el.getClientRects().length) continue; \
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); \
      for (let node; (node = walk.nextNode());) { \
        const text = node.textContent; \
        let box = node.parentElement; \
        while (getComputedStyle(box).display === 'inline') box = box.parentElement; \
        const style = getComputedStyle(box); \
        const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight); \
        const range = document.createRange(); \
        let width = 0, wrapped = false, left = -Infinity; \
        for (let i = 0; i < text.length; i++) { \
          range.setStart(node, i); range.setEnd(node, i + 1); \
          const r = range.getClientRects()[0]; \
          if (!r) continue; \
          if (r.left < left - 1) wrapped = true; \
          left = r.left; width += r.width; \
        } \
        if (wrapped && width <= room) out.push(text); \
      } \
    } \
    return out";

#[tokio::test]
async fn titles_and_headings_break_between_phrases_only() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    for (width, height) in [(320, 640), (375, 812), (1366, 900)] {
        app.set_viewport(width, height).await;
        for (path, shown) in [
            (SEED, ".toc__item"),
            ("/", ".card__title"),
            ("/faq", ".collapsible__heading"),
        ] {
            app.open(path).await;
            app.wait_for(shown).await;
            assert_eq!(
                app.js(BROKEN_PHRASES).await,
                json!([]),
                "{path} at {width}px"
            );
        }
        app.open(SEED).await;
        app.wait_for(".toc__item").await;
        // The words the browser used to split sit whole on one line.
        let whole = app
            .js("const texts = [], walk = document.createTreeWalker(document.querySelector('h1'), NodeFilter.SHOW_TEXT); \
                 while (walk.nextNode()) texts.push(walk.currentNode); \
                 return ['注射', 'デメリット'].every(word => { \
                   const node = texts.find(n => n.textContent.includes(word)); \
                   if (!node) return false; \
                   const at = node.textContent.indexOf(word), range = document.createRange(); \
                   range.setStart(node, at); range.setEnd(node, at + word.length); \
                   return range.getClientRects().length === 1; })")
            .await;
        assert_eq!(whole, json!(true), "{width}px");
    }
    // The boundaries are real <wbr> elements, which copying leaves out: the copied
    // title is the title, with no invisible characters.
    assert!(app.count("h1 wbr").await >= 5);
    let copied = app
        .js(
            "const s = getSelection(); s.selectAllChildren(document.querySelector('h1')); \
             return s.toString()",
        )
        .await;
    assert_eq!(
        copied,
        json!("【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?")
    );
    let invisible = app
        .js("return /[\\u200b\\u200c\\u200d\\u2060\\u00ad]/.test(document.body.innerText)")
        .await;
    assert_eq!(invisible, json!(false));
    app.finish().await;
}
