//! Embeds on a landing page served from a second origin: sizing, safety, options, UTM
//! tagging, and the embed-code page.

use serde_json::{json, Value};

use crate::harness::{only_module, App, Deployment, Landing, Viewport, LOADED_MODULES};

/// Waits until the `index`-th iframe is as tall as its content (within 2 px) and
/// returns that height.
async fn sized(app: &App, index: u16) -> f64 {
    let frame = format!("document.querySelectorAll('iframe')[{index}]");
    app.js(&format!("{frame}.scrollIntoView()")).await;
    app.wait_in_frame(
        index,
        // The app runs (the prerendered page is taken over or drawn afresh) and has
        // its content.
        "window.wasmBindings && document.getElementById('embed-root') && !document.querySelector('[aria-busy=true]')",
    )
    .await;
    // Run by the embeds' own bundle, which has no site around the view.
    let loaded = app.js_in_frame(index, LOADED_MODULES).await;
    assert!(
        only_module(&loaded, "embed-views-").is_some(),
        "frame {index}: {loaded}"
    );
    let start = std::time::Instant::now();
    loop {
        let content = app
            .js_in_frame(
                index,
                "return document.documentElement.getBoundingClientRect().height",
            )
            .await
            .as_f64()
            .unwrap();
        let outer = app
            .js(&format!("return {frame}.getBoundingClientRect().height"))
            .await
            .as_f64()
            .unwrap();
        if (outer - content.ceil()).abs() <= 2.0 {
            return outer;
        }
        assert!(
            start.elapsed().as_secs() < 15,
            "frame {index}: iframe {outer}px, content {content}px"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Every link inside the frame stays on the page (an anchor) or opens a new tab safely.
async fn links_open_outside(app: &App, index: u16) {
    let bad = app
        .js_in_frame(
            index,
            "return [...document.querySelectorAll('a[href]')].filter(a => {
                 const u = new URL(a.href);
                 const inPage = u.origin === location.origin && u.pathname === location.pathname && u.hash;
                 return !inPage && !(a.target === '_blank' && a.rel.includes('noopener'));
             }).map(a => a.getAttribute('href'))",
        )
        .await;
    assert_eq!(bad, json!([]), "links that would open inside the frame");
}

async fn axe_in_frame(app: &App, index: u16) {
    app.client.enter_frame(index).await.unwrap();
    let violations = app.axe_violations().await;
    app.client.enter_parent_frame().await.unwrap();
    assert!(
        violations.is_empty(),
        "axe-core inside frame {index}:\n{}",
        violations.join("\n")
    );
}

#[tokio::test]
async fn an_embedded_article_sizes_itself_and_keeps_what_the_domain_requires() {
    let app = App::launch().await;
    let _lp: Landing = app
        .open_landing_page(
            r#"<div data-clinic-column="article" data-slug="exosome-side-effects" data-utm-source="lp" data-utm-campaign="spring"></div>"#,
            "",
        )
        .await;
    let frame = app.js("const f = document.querySelector('iframe'); return [f.title, f.getAttribute('sandbox'), f.loading]").await;
    assert_eq!(
        frame,
        json!([
            "医師監修コラム記事",
            "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox",
            "lazy"
        ])
    );
    let open = sized(&app, 0).await;
    // No endless growth: a second later the frame is the same height.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let later = app
        .js("return document.querySelector('iframe').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap();
    assert_eq!(later, open, "the frame kept growing");

    let inside = app
        .js_in_frame(0, "return {
            header: document.querySelectorAll('.site-header, .site-footer').length,
            doctors: document.querySelectorAll('.doctor-box').length,
            meta: document.querySelector('.article__meta').innerText,
            risks: ['side-effects', 'downsides'].map(id => document.querySelector('#' + id + ' .collapsible__toggle').getAttribute('aria-expanded')),
            cta: document.querySelector('.consultation a').href,
            scrollbar: document.documentElement.scrollHeight > innerHeight + 1,
        }")
        .await;
    assert_eq!(inside["header"], 0);
    assert_eq!(inside["doctors"], 2);
    assert!(inside["meta"]
        .as_str()
        .unwrap()
        .contains("公開日 2023.06.12"));
    assert_eq!(inside["risks"], json!(["true", "true"]));
    let cta = inside["cta"].as_str().unwrap();
    assert!(
        cta.contains("utm_source=lp") && cta.contains("utm_campaign=spring"),
        "{cta}"
    );
    assert_eq!(inside["scrollbar"], false);
    links_open_outside(&app, 0).await;
    axe_in_frame(&app, 0).await;

    // Collapsing a section shrinks the frame; opening it again restores it.
    app.js_in_frame(
        0,
        "document.querySelector('#side-effects .collapsible__toggle').click()",
    )
    .await;
    let closed = sized(&app, 0).await;
    assert!(closed < open - 100.0, "closed {closed} vs open {open}");
    app.js_in_frame(
        0,
        "document.querySelector('#side-effects .collapsible__toggle').click()",
    )
    .await;
    let reopened = sized(&app, 0).await;
    assert!((reopened - open).abs() <= 2.0, "{reopened} vs {open}");
    app.finish().await;
}

#[tokio::test]
async fn several_embeds_on_one_page_size_themselves_independently() {
    let app = App::launch().await;
    let _lp = app
        .open_landing_page(
            r##"<div data-clinic-column="faq"></div>
               <div data-clinic-column="clinics" data-theme="dark"></div>
               <div data-clinic-column="columns" data-limit="1" data-category="exosome" data-accent="#1a5fb4"></div>"##,
            "",
        )
        .await;
    let faq = sized(&app, 0).await;
    let clinics = sized(&app, 1).await;
    let columns = sized(&app, 2).await;
    assert!(
        faq != clinics && clinics != columns,
        "{faq} {clinics} {columns}"
    );
    assert_eq!(
        app.js_in_frame(1, "return getComputedStyle(document.body).backgroundColor")
            .await,
        "rgb(27, 26, 26)"
    );
    assert_eq!(
        app.js_in_frame(2, "return document.querySelectorAll('.card').length")
            .await,
        1
    );
    assert_eq!(
        app.js_in_frame(2, "return document.querySelector('h1').innerText")
            .await,
        "エクソソームの新着コラム"
    );
    for i in 0..3 {
        links_open_outside(&app, i).await;
        axe_in_frame(&app, i).await;
    }

    // Opening every FAQ answer grows that frame only.
    app.js("document.querySelectorAll('iframe')[0].scrollIntoView()")
        .await;
    app.js_in_frame(0, "document.querySelector('.show-all').click()")
        .await;
    let faq_open = sized(&app, 0).await;
    assert!(faq_open > faq + 100.0, "{faq_open} vs {faq}");
    assert!((sized(&app, 1).await - clinics).abs() <= 2.0);
    app.finish().await;
}

/// An embed of an article the column no longer has: the host answers with a page of the
/// column (here nginx's `404.html`), and the frame still runs the embed views, says
/// the article is not found, sizes itself and opens its links outside.
#[tokio::test]
async fn an_embed_of_a_removed_article_says_so_in_its_frame() {
    let app = App::launch().await;
    let _lp = app
        .open_landing_page(
            r#"<div data-clinic-column="article" data-slug="no-such-article"></div>"#,
            "",
        )
        .await;
    sized(&app, 0).await;
    assert_eq!(
        app.js_in_frame(0, "return document.querySelector('h1').innerText")
            .await,
        json!("記事が見つかりません")
    );
    assert_eq!(
        app.js_in_frame(0, "return document.querySelector('.site-header') === null")
            .await,
        json!(true)
    );
    links_open_outside(&app, 0).await;
    axe_in_frame(&app, 0).await;
    app.finish_allowing(&["no-such-article"]).await;
}

#[tokio::test]
async fn forged_height_messages_resize_nothing() {
    let app = App::launch().await;
    let _lp = app
        .open_landing_page(r#"<div data-clinic-column="faq"></div>"#, "")
        .await;
    let before = sized(&app, 0).await;
    let height = "document.querySelectorAll('iframe')[0].getBoundingClientRect().height";

    // From the landing page itself (wrong origin).
    app.js("window.postMessage({ type: 'clinic-column:height', height: 7 }, '*')")
        .await;
    // From another frame on the landing page's origin.
    app.js("const f = document.createElement('iframe'); f.srcdoc = `<script>parent.postMessage({ type: 'clinic-column:height', height: 9 }, '*')<\\/script>`; document.body.append(f)")
        .await;
    // From a frame of the app's own origin that the loader did not create.
    app.js(&format!(
        "const g = document.createElement('iframe'); g.id = 'stray'; g.src = {}; document.body.append(g)",
        json!(format!("{}/embed/clinics", app.server.url("")))
    ))
    .await;
    app.wait_in_frame(2, "document.getElementById('embed-root')")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let after = app.js(&format!("return {height}")).await.as_f64().unwrap();
    assert!((after - before).abs() <= 2.0, "{before} -> {after}");
    // The stray frame's messages were ignored too: it keeps the browser's default height.
    assert_eq!(
        app.js("return document.getElementById('stray').clientHeight")
            .await,
        json!(150)
    );
    app.finish().await;
}

#[tokio::test]
async fn a_bad_option_leaves_a_working_embed() {
    let app = App::launch().await;
    let _lp = app
        .open_landing_page(
            r##"<div data-clinic-column="columns" data-theme="purple" data-accent="#ffff00" data-limit="abc" data-category="nope"></div>
               <div data-clinic-column="article" data-slug="../../etc"></div>"##,
            "",
        )
        .await;
    sized(&app, 0).await;
    assert_eq!(
        app.js_in_frame(0, "return document.querySelectorAll('.card').length")
            .await,
        1
    );
    assert_eq!(
        app.js_in_frame(
            0,
            "return document.getElementById('embed-root').getAttribute('style')"
        )
        .await,
        Value::Null
    );
    // The bad slug makes no frame at all.
    assert_eq!(app.count("iframe").await, 1);
    axe_in_frame(&app, 0).await;
    app.finish().await;
}

#[tokio::test]
async fn utm_values_from_the_landing_page_reach_the_consultation_link() {
    let app = App::launch().await;
    let _lp = app
        .open_landing_page(
            r#"<div data-clinic-column="article" data-slug="exosome-side-effects" data-utm-from-page="true" data-utm-campaign="autumn"></div>"#,
            "?utm_source=ad&utm_medium=cpc&other=1",
        )
        .await;
    sized(&app, 0).await;
    let links: Vec<String> = serde_json::from_value(
        app.js_in_frame(
            0,
            "return [...document.querySelectorAll('.consultation a, .card a')].map(a => a.href)",
        )
        .await,
    )
    .unwrap();
    assert!(!links.is_empty());
    for l in links {
        assert!(
            l.contains("utm_source=ad")
                && l.contains("utm_medium=cpc")
                && l.contains("utm_campaign=autumn"),
            "{l}"
        );
        assert!(!l.contains("other=1"), "{l}");
    }
    app.finish().await;
}

#[tokio::test]
async fn the_plain_iframe_snippet_works_without_the_loader() {
    let app = App::launch().await;
    let snippet = clinic_column::embed::iframe_snippet(
        &format!("{}/", app.server.url("")),
        &clinic_column::embed::EmbedKind::Article {
            slug: "exosome-side-effects".into(),
        },
        &Default::default(),
    );
    let _lp = app.open_landing_page(&snippet, "").await;
    app.wait_in_frame(0, "document.getElementById('downsides')")
        .await;
    // A fixed-height frame scrolls, so the risks below the fold stay reachable.
    app.wait_in_frame(
        0,
        "(document.getElementById('downsides').scrollIntoView(), \
          document.getElementById('downsides').getBoundingClientRect().top < innerHeight && scrollY > 0)",
    )
    .await;
    axe_in_frame(&app, 0).await;
    app.finish().await;
}

#[tokio::test]
async fn the_embed_code_page_builds_a_snippet_with_a_live_preview() {
    let app = App::launch().await;
    app.open("/").await;
    // A page load of its own (the embed-code page runs the marketers' bundle).
    app.click(".site-footer a[href='/embed-code']").await;
    app.wait_until("location.pathname === '/embed-code' && !!window.wasmBindings")
        .await;
    app.wait_text("h1", "コラムを埋め込む").await;
    app.click("input[name=kind][value=faq]").await;
    app.type_into("#utm_source", "newsletter").await;
    app.click("input[name=theme][value=dark]").await;
    app.wait_until("document.getElementById('snippet-script').value.includes('newsletter')")
        .await;
    let script = app
        .js("return document.getElementById('snippet-script').value")
        .await;
    let script = script.as_str().unwrap();
    assert!(
        script.contains(r#"data-clinic-column="faq""#) && script.contains(r#"data-theme="dark""#),
        "{script}"
    );
    assert!(
        script.contains(&format!(
            r#"<script src="{}/embed.js" async></script>"#,
            app.server.url("")
        )),
        "{script}"
    );
    let iframe = app
        .js("return document.getElementById('snippet-iframe').value")
        .await;
    assert!(iframe
        .as_str()
        .unwrap()
        .contains("/embed/faq?theme=dark&amp;utm_source=newsletter"));
    assert_eq!(
        app.attr(".embed-preview", "src").await.as_deref(),
        Some("/embed/faq?theme=dark&utm_source=newsletter")
    );
    app.wait_in_frame(0, "document.querySelectorAll('.faq-item').length === 8")
        .await;

    // A bad accent is explained, not copied.
    app.type_into("#embed-accent", "#ffff00").await;
    app.wait_until("document.querySelector('.embed-form__warnings').innerText.includes('白い背景の上で文字が読みにくい')")
        .await;

    app.cdp(
        "Browser.grantPermissions",
        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"], "origin": app.server.url("") }),
    )
    .await;
    app.click(".code-box button").await;
    app.wait_until("document.querySelector('.code-box .copy-status').innerText !== ''")
        .await;
    app.wait_text(".code-box .copy-status", "コピーしました。")
        .await;
    let copied = app
        .client
        .execute_async(
            "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('' + e))",
            vec![],
        )
        .await
        .unwrap();
    assert!(copied.as_str().unwrap().contains("newsletter"), "{copied}");
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn an_embed_that_loads_off_screen_has_its_height_when_scrolled_to() {
    let app = App::launch().await;
    // Below the first screen, but near enough for the lazy frame to load at once.
    let _landing = app
        .open_landing_page(
            r#"<div style="height:1500px">本文</div><div data-clinic-column="faq"></div>"#,
            "",
        )
        .await;
    app.wait_until("document.querySelector('iframe')").await;
    app.wait_in_frame(
        0,
        "window.wasmBindings && document.getElementById('embed-root')",
    )
    .await;
    // Still off-screen: the frame has already been given its content's height.
    app.wait_until(
        "document.querySelector('iframe').getBoundingClientRect().top > innerHeight && \
         document.querySelector('iframe').style.height !== '480px'",
    )
    .await;
    let content = app
        .js_in_frame(
            0,
            "return document.documentElement.getBoundingClientRect().height",
        )
        .await
        .as_f64()
        .unwrap();
    let outer = app
        .js("return document.querySelector('iframe').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap();
    assert!(
        (outer - content).abs() <= 2.0,
        "frame {outer}px, content {content}px"
    );
    app.finish().await;
}

#[tokio::test]
async fn the_embed_code_preview_sits_beside_or_right_after_the_options() {
    for (viewport, beside) in [(Viewport::Desktop, true), (Viewport::Phone, false)] {
        let app = App::launch_with(Deployment::root(), viewport).await;
        app.open("/embed-code").await;
        app.wait_for(".embed-form").await;
        let [form, preview] = ["form.embed-form", ".embed-builder__preview"]
            .map(|css| format!("document.querySelector('{css}').getBoundingClientRect()"));
        let (expression, what) = if beside {
            (
                format!("{preview}.left >= {form}.right && {preview}.top <= {form}.top + 5"),
                "beside",
            )
        } else {
            (format!("{preview}.top - {form}.bottom < 80"), "right after")
        };
        assert_eq!(
            app.js(&format!("return {expression}")).await,
            json!(true),
            "{viewport:?}: not {what}"
        );
        // Options that do not apply to the chosen content are not shown.
        assert!(!app.is_visible("#embed-limit").await);
        app.click("input[name=kind][value=columns]").await;
        app.wait_until("document.getElementById('embed-limit').getClientRects().length > 0")
            .await;
        assert!(!app.is_visible("#embed-slug").await);
        app.finish().await;
    }
}

#[tokio::test]
async fn the_embed_code_page_runs_its_own_bundle_and_links_lead_both_ways() {
    let app = App::launch().await;
    app.open("/").await;
    app.assert_ran_bundle("clinic-column-").await;
    // The footer's link loads the embed-code page with the marketers' bundle.
    app.click(".site-footer a[href='/embed-code']").await;
    app.wait_until("location.pathname === '/embed-code' && !!window.wasmBindings && performance.getEntriesByType('resource').some(e => e.name.includes('/embed-code-'))")
        .await;
    app.wait_text("h1", "コラムを埋め込む").await;
    app.assert_ran_bundle("embed-code-").await;
    app.wait_until("document.getElementById('snippet-script').value.includes('embed.js')")
        .await;
    // The header's link leads back to the column, run by the patients' bundle, and
    // back/forward moves between the two pages.
    app.click(".site-header nav a[href='/']").await;
    app.wait_until("location.pathname === '/' && document.querySelector('.card__title') !== null")
        .await;
    app.wait_until("!!window.wasmBindings").await;
    app.assert_ran_bundle("clinic-column-").await;
    app.back().await;
    app.wait_until("location.pathname === '/embed-code'").await;
    app.wait_text("h1", "コラムを埋め込む").await;
    // A route change the router makes itself (here from history, with no link to mark)
    // still ends on the page with its own bundle, not on a not-found view.
    app.open("/faq").await;
    app.js(
        "history.pushState(null, '', '/embed-code'); dispatchEvent(new PopStateEvent('popstate'))",
    )
    .await;
    app.wait_until("performance.getEntriesByType('resource').some(e => e.name.includes('/embed-code-')) && !!window.wasmBindings")
        .await;
    app.wait_text("h1", "コラムを埋め込む").await;
    app.assert_ran_bundle("embed-code-").await;
    // The same from there to an embed view: the page loads with the embeds' bundle.
    app.js(
        "history.pushState(null, '', '/embed/faq'); dispatchEvent(new PopStateEvent('popstate'))",
    )
    .await;
    app.wait_until("performance.getEntriesByType('resource').some(e => e.name.includes('/embed-views-')) && !!window.wasmBindings && !!document.getElementById('embed-root')")
        .await;
    app.wait_text("h1", "よくある質問").await;
    app.assert_ran_bundle("embed-views-").await;
    assert!(
        app.js("return document.querySelector('.site-header') === null")
            .await
            == json!(true)
    );
    app.finish().await;
}
