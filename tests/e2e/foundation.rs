//! The pipeline itself: served build, deep links, sub-path deployment, compression, and
//! the harness's own checks.

use crate::harness::{http_head, App, Deployment, Server, Viewport};

const SEED_TITLE: &str = "【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?";

#[tokio::test]
async fn list_shows_the_column_header_and_the_seed_article() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_text(".column-header__name", "美脱毛コラム").await;
    app.wait_until(&format!("document.body.innerText.includes({SEED_TITLE:?})"))
        .await;
    assert_eq!(app.js("return document.documentElement.lang").await, "ja");
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn a_deep_link_is_served_and_rendered() {
    let app = App::launch().await;
    app.open("/column/exosome-side-effects").await;
    app.wait_text("h1", SEED_TITLE).await;
    app.assert_accessible().await;
    app.finish().await;
}

#[tokio::test]
async fn clicking_an_article_navigates_in_the_app() {
    let app = App::launch().await;
    app.open("/").await;
    app.js("window.__sameDocument = true").await;
    app.click("a[href='/column/exosome-side-effects']").await;
    app.wait_text("h1", SEED_TITLE).await;
    assert_eq!(app.path().await, "/column/exosome-side-effects");
    // Client-side navigation: the document was not reloaded.
    assert_eq!(app.js("return window.__sameDocument === true").await, true);
    app.finish().await;
}

#[tokio::test]
async fn an_unknown_path_gets_the_not_found_view() {
    let app = App::launch().await;
    app.open("/no/such/page").await;
    app.wait_text("h1", "ページが見つかりません").await;
    app.assert_accessible().await;
    // The page itself answers 404, as a missing page should.
    app.finish_allowing(&["/no/such/page - "]).await;
}

#[tokio::test]
async fn the_app_works_under_a_sub_path() {
    let app = App::launch_with(Deployment::subpath(), Viewport::Desktop).await;
    app.open("/").await;
    app.wait_text(".column-header__name", "美脱毛コラム").await;
    // Every asset and content file came from under the prefix.
    let outside = app
        .js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => !p.startsWith('/column/'))")
        .await;
    assert_eq!(outside, serde_json::json!([]), "requests outside /column/");
    app.click("a[href='/column/column/exosome-side-effects']")
        .await;
    app.wait_text("h1", SEED_TITLE).await;
    assert_eq!(app.path().await, "/column/exosome-side-effects");
    // A deep link under the prefix, opened directly.
    app.open("/column/exosome-side-effects").await;
    app.wait_text("h1", SEED_TITLE).await;
    // An embed the host has no file for: its not-found page starts the embed views'
    // bundle, from under the prefix.
    app.open("/embed/column/no-such-article").await;
    app.wait_text("h1", "記事が見つかりません").await;
    app.wait_until("!!window.wasmBindings").await;
    let module = app.assert_ran_bundle("embed-views-").await;
    assert!(module.starts_with("/column/embed-views-"), "{module}");
    app.finish_allowing(&["no-such-article"]).await;
}

#[tokio::test]
async fn the_server_falls_back_to_the_app_and_compresses() {
    let server = Server::start(Deployment::root()).await;
    let (status, headers) = http_head(&server, "/column/exosome-side-effects", "gzip").await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/html"));

    let wasm = std::fs::read_dir(&server.deployment.dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .expect("a .wasm file in dist/");
    let (status, headers) = http_head(&server, &format!("/{wasm}"), "br, gzip").await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert_eq!(header(&headers, "content-type"), "application/wasm");
    let (_, headers) = http_head(&server, &format!("/{wasm}"), "gzip").await;
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    let (_, headers) = http_head(&server, "/content/index.json", "gzip").await;
    assert_eq!(header(&headers, "content-encoding"), "gzip");

    // A missing content file is a real 404, not the app's page.
    let (status, _) = http_head(&server, "/content/articles/nope.json", "gzip").await;
    assert_eq!(status, 404);
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// The harness's own checks must be able to fail, or the tests above prove nothing.
#[tokio::test]
async fn the_harness_catches_errors_foreign_requests_and_violations() {
    let app = App::launch().await;
    app.open("/").await;
    app.wait_for(".column-header").await;

    app.js("console.error('planted error')").await;
    assert!(app
        .console_errors()
        .await
        .iter()
        .any(|e| e.contains("planted error")));

    app.js("fetch('http://tracker.example/pixel').catch(() => {})")
        .await;
    let foreign = app.foreign_requests().await;
    assert!(
        foreign.iter().any(|r| r.contains("tracker.example")),
        "{foreign:?}"
    );
    // The page's own requests are all local, and were seen.
    let requested = app.requested_urls().await;
    assert!(
        requested.iter().any(|u| u.ends_with("_bg.wasm")),
        "{requested:?}"
    );

    app.js("const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main').append(i)")
        .await;
    let violations = app.axe_violations().await;
    assert!(
        violations.iter().any(|v| v.starts_with("image-alt")),
        "{violations:?}"
    );
    let _ = app.client.clone().close().await;
}

/// The files in dist/ whose names start and end so, and their total size.
fn dist_files(prefix: &str, suffix: &str) -> (Vec<std::path::PathBuf>, u64) {
    let dist = crate::harness::project_dir().join("dist");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&dist)
        .expect("dist/ (run make dist)")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(prefix) && name.ends_with(suffix)
        })
        .map(|e| e.path())
        .collect();
    let size = files.iter().map(|f| f.metadata().unwrap().len()).sum();
    assert!(size > 0, "no {prefix}…{suffix} file in dist/");
    (files, size)
}

/// Size budgets for what a reader downloads (brotli, as served). Bytes are stable, so
/// a regression fails here; timings are only reported by `make bench`.
#[test]
fn the_release_build_stays_within_its_size_budget() {
    // The hydrating build carries both ways to draw a view: taking over prerendered
    // HTML, and rendering afresh where the build did not render the URL's state.
    let budgets = [
        // What every patient loads. Its type ids change with any edit to the crate,
        // which moves the brotli size by about 150 B with no code added.
        ("clinic-column-", "_bg.wasm.br", 288_600),
        // The JS glue, minified, with the import names shortened (Makefile).
        ("clinic-column-", ".js.br", 4_300),
        ("main-", ".css.br", 8_000),
        // The embed views' bundle, for readers of a landing page.
        ("embed-views-", "_bg.wasm.br", 253_700),
        ("embed-views-", ".js.br", 4_400),
        // The embed-code page's own bundle, for marketers only.
        ("embed-code-", "_bg.wasm.br", 196_800),
        ("embed-code-", ".js.br", 4_200),
    ];
    for (prefix, suffix, budget) in budgets {
        let (_, size) = dist_files(prefix, suffix);
        assert!(
            size <= budget,
            "{prefix}…{suffix}: {size} bytes, over the budget of {budget}"
        );
    }
}

/// Each bundle carries its own views only: the embed-code page's text is in the
/// marketers' bundle, and the embed views' frame (its height messages, its theme) in
/// the embeds', and neither is in what readers of the column download. No bundle
/// builds structured data.
#[test]
fn each_bundle_carries_only_its_own_views() {
    let read = |prefix| {
        let (files, _) = dist_files(prefix, "_bg.wasm");
        std::fs::read(&files[0]).unwrap()
    };
    let patients = read("clinic-column-");
    let embeds = read("embed-views-");
    let marketers = read("embed-code-");
    let contains = |wasm: &[u8], text: &str| wasm.windows(text.len()).any(|w| w == text.as_bytes());
    for text in [
        "埋め込みコード",
        "コードをコピー",
        "埋め込む内容",
        "表示件数(1〜20)",
    ] {
        assert!(
            contains(&marketers, text),
            "the marketers' bundle lacks {text}"
        );
        assert!(
            !contains(&patients, text),
            "the patients' bundle has {text}"
        );
        assert!(!contains(&embeds, text), "the embeds' bundle has {text}");
    }
    for text in [
        "clinic-column:height",
        "embed-root",
        "--embed-accent:",
        "embed__heading",
    ] {
        assert!(contains(&embeds, text), "the embeds' bundle lacks {text}");
        assert!(
            !contains(&patients, text),
            "the patients' bundle has {text}"
        );
        assert!(
            !contains(&marketers, text),
            "the marketers' bundle has {text}"
        );
    }
    // The embed views draw the column's content with the same views.
    for text in ["記事が見つかりません", "コンテンツを読み込めませんでした"]
    {
        assert!(
            contains(&patients, text) && contains(&embeds, text),
            "{text}"
        );
    }
    // The site's frame is drawn by the patients' and the marketers' bundles only.
    assert!(contains(&patients, "本文へスキップ") && contains(&marketers, "本文へスキップ"));
    assert!(!contains(&embeds, "本文へスキップ"));
    // Structured data is only ever built into the prerendered HTML.
    for wasm in [&patients, &embeds, &marketers] {
        for kind in [
            "MedicalWebPage",
            "BreadcrumbList",
            "FAQPage",
            "MedicalClinic",
        ] {
            assert!(!contains(wasm, kind), "a browser bundle builds {kind} data");
        }
    }
}

#[tokio::test]
async fn every_view_is_accessible_in_dark_mode_too() {
    let app = App::launch().await;
    app.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    for path in [
        "/",
        "/column/exosome-side-effects",
        "/clinics",
        "/faq",
        "/nope",
        "/?q=%E5%89%AF%E4%BD%9C%E7%94%A8",
    ] {
        app.open(path).await;
        app.wait_for("h1").await;
        app.wait_until("!document.querySelector('[aria-busy=true]')")
            .await;
        let bg = app
            .js("return getComputedStyle(document.body).backgroundColor")
            .await;
        assert_eq!(bg, "rgb(27, 26, 26)", "{path} is not in dark mode");
        app.assert_accessible().await;
    }
    app.finish_allowing(&["/nope - "]).await;
}

/// Every link, button and field a reader can reach is at least 24×24 px (WCAG 2.2,
/// 2.5.8), except links inside running text, which the criterion exempts.
const SMALL_TARGETS: &str = r#"
const small = [];
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, label')) {
  if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
  if (el.matches('.skip-link') || el.closest('[hidden], .visually-hidden')) continue;
  if (el.matches('label') && !el.querySelector('input')) continue;
  const r = el.getBoundingClientRect();
  if (r.width >= 24 && r.height >= 24) continue;
  const block = el.closest('p, li, dd, td');
  if (el.matches('a') && block && block.textContent.trim().length > el.textContent.trim().length) continue;
  small.push(`${el.outerHTML.slice(0, 90)} ${Math.round(r.width)}x${Math.round(r.height)}`);
}
return small;
"#;

#[tokio::test]
async fn every_target_is_at_least_24_px() {
    for viewport in [Viewport::Phone, Viewport::Desktop] {
        let app = App::launch_with(Deployment::root(), viewport).await;
        for (path, ready) in [
            ("/", ".card"),
            ("/column/exosome-side-effects", ".article__title"),
            ("/clinics", ".clinic"),
            ("/faq", ".faq-item"),
            ("/embed-code", ".embed-form"),
            ("/nope", "h1"),
        ] {
            app.open(path).await;
            app.wait_for(ready).await;
            app.wait_until("document.querySelector('.site-footer__areas a')")
                .await;
            let small = app.js(SMALL_TARGETS).await;
            assert_eq!(small, serde_json::json!([]), "{path} ({viewport:?})");
        }
        app.finish_allowing(&["/nope - "]).await;
    }
}
