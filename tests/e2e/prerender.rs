//! Prerendered pages: what crawlers and link previews read without JavaScript, and
//! how the app takes that HTML over in the browser without drawing it again.

use serde_json::{json, Value};

use crate::harness::{
    http_get, only_module, App, Deployment, HostStyle, Server, Viewport, LOADED_MODULES,
};

const SEED: &str = "exosome-side-effects";
const SEED_TITLE: &str = "【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?";
/// The origin `make test` builds with.
const ORIGIN: &str = "https://clinic.example";

/// The attributes of every `<tag …>` in a page, in order.
fn tags(html: &str, tag: &str) -> Vec<Vec<(String, String)>> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            let end = rest.find('>').unwrap_or(rest.len());
            attributes(&rest[..end])
        })
        .collect()
}

fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_string();
        let value_end = rest[eq + 2..].find('"').map_or(rest.len(), |e| eq + 2 + e);
        out.push((name, decode(&rest[eq + 2..value_end])));
        rest = rest.get(value_end + 1..).unwrap_or("").trim();
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The `content` of the `<meta>` whose `key_attr` (name or property) is `key`.
fn meta(html: &str, key_attr: &str, key: &str) -> Option<String> {
    tags(html, "meta").into_iter().find_map(|attrs| {
        let has = attrs.iter().any(|(k, v)| k == key_attr && v == key);
        has.then(|| {
            attrs
                .iter()
                .find(|(k, _)| k == "content")
                .map(|(_, v)| v.clone())
        })
        .flatten()
    })
}

fn canonical(html: &str) -> Option<String> {
    tags(html, "link").into_iter().find_map(|attrs| {
        attrs
            .iter()
            .any(|(k, v)| k == "rel" && v == "canonical")
            .then(|| {
                attrs
                    .iter()
                    .find(|(k, _)| k == "href")
                    .map(|(_, v)| v.clone())
            })
            .flatten()
    })
}

fn title(html: &str) -> String {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    decode(&html[start..start + html[start..].find("</title>").unwrap()])
}

/// Every JSON-LD block of the page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(at, _)| {
            let body = &html[at + open.len()..];
            let body = &body[..body.find("</script>").unwrap()];
            serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON-LD: {e}: {body}"))
        })
        .collect()
}

fn types(ld: &[Value]) -> Vec<String> {
    ld.iter()
        .map(|v| v["@type"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The visible text of the page's `<body>`, tags removed.
fn body_text(html: &str) -> String {
    let body = &html[html.find("<body").unwrap()..];
    let mut out = String::new();
    let mut in_tag = false;
    let mut in_script = false;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with("<script") {
            in_script = true;
        } else if rest.starts_with("</script>") {
            in_script = false;
        }
        let c = rest.chars().next().unwrap();
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag && !in_script => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    decode(&out)
}

async fn get(server: &Server, path: &str) -> (u16, String) {
    let (status, _, body) = http_get(server, path, "identity").await;
    (status, body)
}

/// The head every page has, for crawlers and link previews.
fn assert_head(html: &str, path: &str, og_type: &str) {
    let url = format!("{ORIGIN}{path}");
    assert!(!title(html).is_empty(), "{path}: no title");
    let description = meta(html, "name", "description").unwrap_or_default();
    assert!(!description.is_empty(), "{path}: no description");
    assert_eq!(
        canonical(html).as_deref(),
        Some(url.as_str()),
        "{path}: canonical"
    );
    assert_eq!(
        meta(html, "property", "og:url").as_deref(),
        Some(url.as_str())
    );
    assert_eq!(
        meta(html, "property", "og:title"),
        Some(title(html)),
        "{path}"
    );
    assert_eq!(meta(html, "property", "og:description"), Some(description));
    assert_eq!(
        meta(html, "property", "og:type").as_deref(),
        Some(og_type),
        "{path}"
    );
    assert_eq!(
        meta(html, "property", "og:site_name").as_deref(),
        Some("美脱毛コラム")
    );
    assert_eq!(
        meta(html, "property", "og:locale").as_deref(),
        Some("ja_JP")
    );
    let image = meta(html, "property", "og:image").unwrap_or_default();
    assert!(
        image.starts_with(&format!("{ORIGIN}/share/")) && image.ends_with(".png"),
        "{image}"
    );
    assert_eq!(
        meta(html, "property", "og:image:width").as_deref(),
        Some("1200")
    );
    assert_eq!(
        meta(html, "property", "og:image:height").as_deref(),
        Some("630")
    );
    assert_eq!(
        meta(html, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert!(
        html.contains("type=\"application/atom+xml\""),
        "{path}: no feed link"
    );
    assert_eq!(title(html).matches("<title>").count(), 0);
    assert_eq!(html.matches("<title>").count(), 1, "{path}: one title");
}

#[tokio::test]
async fn every_route_is_a_complete_page_without_javascript() {
    let server = Server::start(Deployment::root()).await;

    let article = format!("/column/{SEED}");
    let (status, html) = get(&server, &article).await;
    assert_eq!(status, 200);
    assert_head(&html, &article, "article");
    assert_eq!(title(&html), SEED_TITLE);
    let ld = json_ld(&html);
    assert!(
        types(&ld).contains(&"MedicalWebPage".into()),
        "{:?}",
        types(&ld)
    );
    assert!(types(&ld).contains(&"BreadcrumbList".into()));
    let page = ld.iter().find(|v| v["@type"] == "MedicalWebPage").unwrap();
    assert_eq!(page["reviewedBy"]["name"], "中川 哲");
    assert_eq!(page["datePublished"], "2023-06-12");
    assert!(page["author"]["name"].is_string());
    assert_eq!(page["image"], json!(format!("{ORIGIN}/share/{SEED}.png")));
    let text = body_text(&html);
    for expected in [
        SEED_TITLE,
        "この記事の監修医師",
        "中川 哲",
        "ナカガワ アキラ",
        "目次",
        "幹細胞培養上清液は、幹細胞を培養し、雑菌処理などを行った後に抽出される液体です。",
        "この記事をシェアする",
    ] {
        assert!(text.contains(expected), "{article} lacks {expected:?}");
    }
    // The risk sections are in the page, open: no panel is hidden.
    for id in ["side-effects", "downsides"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        let panel = format!("id=\"{id}-content\"");
        let at = html.find(&panel).unwrap_or_else(|| panic!("{panel}"));
        let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
        assert!(!tag.contains("hidden"), "{tag}");
    }
    // The seed's sentences come through verbatim, in the served page.
    let seed = std::fs::read_to_string(
        crate::harness::project_dir().join("tests/fixtures/seed-article.txt"),
    )
    .unwrap();
    // The two corrections the brief names, as in the content's own test.
    for line in seed
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 20)
    {
        let line = line
            .replace("幹部に赤み", "患部に赤み")
            .replace("常にまれなケース", "非常にまれなケース");
        assert!(
            text.contains(&line),
            "not in the prerendered article: {line}"
        );
    }

    let (status, html) = get(&server, "/").await;
    assert_eq!(status, 200);
    assert_head(&html, "/", "website");
    assert!(body_text(&html).contains(SEED_TITLE));
    assert!(
        html.contains(&format!("href=\"/column/{SEED}\"")),
        "real links"
    );

    let (status, html) = get(&server, "/category/exosome").await;
    assert_eq!(status, 200);
    assert_head(&html, "/category/exosome", "website");
    assert!(
        title(&html).starts_with("エクソソームの記事"),
        "{}",
        title(&html)
    );
    assert!(body_text(&html).contains(SEED_TITLE));

    let (_, html) = get(&server, "/clinics").await;
    assert_head(&html, "/clinics", "website");
    let ld = json_ld(&html);
    assert_eq!(
        types(&ld).iter().filter(|t| *t == "MedicalClinic").count(),
        4,
        "{:?}",
        types(&ld)
    );
    let text = body_text(&html);
    for clinic in ["新宿", "名古屋", "京都", "福岡"] {
        assert!(text.contains(clinic), "{clinic}");
    }

    let (_, html) = get(&server, "/faq").await;
    assert_head(&html, "/faq", "website");
    let ld = json_ld(&html);
    let faq = ld
        .iter()
        .find(|v| v["@type"] == "FAQPage")
        .expect("FAQPage");
    let first = faq["mainEntity"][0]["name"].as_str().unwrap();
    assert!(body_text(&html).contains(first), "{first}");
    assert!(!faq["mainEntity"][0]["acceptedAnswer"]["text"]
        .as_str()
        .unwrap()
        .is_empty());

    let (_, html) = get(&server, "/embed-code").await;
    assert_head(&html, "/embed-code", "website");
    // Each page's loader starts its own bundle; the column's pages (the not-found page
    // among them) also name the embed views' bundle, for embeds a host answers with them.
    assert!(html.contains("data-js=\"/embed-code-") && !html.contains("data-embeds-js"));
    for page in ["/", "/faq", "/no/such/page"] {
        let (_, html) = get(&server, page).await;
        assert!(html.contains("data-js=\"/clinic-column-"), "{page}");
        assert!(html.contains("data-embeds-js=\"/embed-views-"), "{page}");
        assert!(html.contains("data-embeds-wasm=\"/embed-views-"), "{page}");
    }

    for embed in [
        format!("/embed/column/{SEED}"),
        "/embed/faq".into(),
        "/embed/clinics".into(),
        "/embed/columns".into(),
    ] {
        let (status, html) = get(&server, &embed).await;
        assert_eq!(status, 200, "{embed}");
        assert!(!title(&html).is_empty(), "{embed}");
        assert!(html.contains("id=\"embed-root\""), "{embed}");
        assert!(html.contains("data-js=\"/embed-views-"), "{embed}");
        assert!(
            !html.contains("class=\"site-header\""),
            "{embed}: no site header"
        );
    }
    let (_, html) = get(&server, &format!("/embed/column/{SEED}")).await;
    let text = body_text(&html);
    assert!(
        text.contains("中川 哲") && text.contains("副作用"),
        "{text}"
    );
}

#[tokio::test]
async fn the_not_found_page_claims_no_url_and_stays_out_of_search() {
    let server = Server::start(Deployment::root()).await;
    let (status, html) = get(&server, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(title(&html).contains("ページが見つかりません"));
    assert_eq!(canonical(&html), None);
    assert_eq!(meta(&html, "property", "og:url"), None);
    assert_eq!(meta(&html, "name", "robots").as_deref(), Some("noindex"));
    assert!(body_text(&html).contains("コラム一覧へ"));
}

#[tokio::test]
async fn sitemap_robots_and_feed_use_the_site_origin() {
    let server = Server::start(Deployment::root()).await;
    let (status, sitemap) = get(&server, "/sitemap.xml").await;
    assert_eq!(status, 200);
    for path in ["/", &format!("/column/{SEED}"), "/clinics", "/faq"] {
        assert!(
            sitemap.contains(&format!("<loc>{ORIGIN}{path}</loc>")),
            "{path}: {sitemap}"
        );
    }
    assert!(sitemap.contains("<lastmod>2023-06-12</lastmod>"));
    let (_, robots) = get(&server, "/robots.txt").await;
    assert!(
        robots.contains(&format!("Sitemap: {ORIGIN}/sitemap.xml")),
        "{robots}"
    );
    let (_, feed) = get(&server, "/feed.xml").await;
    assert!(
        feed.contains(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{ORIGIN}/column/{SEED}\"/>"
        )),
        "{feed}"
    );
    assert!(feed.contains(SEED_TITLE));

    // Share images: PNGs of 1200×630, per article and for the other pages.
    for image in [format!("/share/{SEED}.png"), "/share/column.png".into()] {
        let (status, headers, _) = http_get(&server, &image, "identity").await;
        assert_eq!(status, 200, "{image}");
        assert!(
            headers.contains(&("content-type".into(), "image/png".into())),
            "{headers:?}"
        );
        let bytes =
            std::fs::read(crate::harness::project_dir().join("dist").join(&image[1..])).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!((be(16), be(20)), (1200, 630), "{image}");
    }
}

#[tokio::test]
async fn the_sub_path_build_prerenders_under_its_prefix() {
    let server = Server::start(Deployment::subpath()).await;
    let (status, html) = get(&server, &format!("/column/{SEED}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        canonical(&html).as_deref(),
        Some(format!("{ORIGIN}/column/column/{SEED}").as_str())
    );
    assert!(
        html.contains("href=\"/column/faq\""),
        "links carry the prefix"
    );
    assert!(body_text(&html).contains(SEED_TITLE));
}

/// Marks every element the HTML parser creates, before any app code runs: a node
/// still marked after hydration is the prerendered node itself, not a redrawn copy.
const MARK_PARSED_NODES: &str = r#"
new MutationObserver(records => {
  for (const r of records) for (const n of r.addedNodes) {
    if (n.nodeType === 1) { n.__parsed = true; n.querySelectorAll('*').forEach(e => e.__parsed = true); }
  }
}).observe(document, { childList: true, subtree: true });
"#;

async fn open_marked(app: &App, path: &str) {
    app.cdp("Page.enable", json!({})).await;
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": MARK_PARSED_NODES }),
    )
    .await;
    app.open(path).await;
}

/// Waits until the app has taken the page over (its handlers answer).
async fn wait_hydrated(app: &App) {
    app.wait_until("!!window.wasmBindings").await;
}

async fn assert_kept(app: &App, selectors: &[&str]) {
    for css in selectors {
        let kept = app
            .js(&format!(
                "const e = document.querySelector({css:?}); return e ? e.__parsed === true : null"
            ))
            .await;
        assert_eq!(kept, json!(true), "{css} was redrawn (or is missing)");
    }
}

async fn assert_quiet_console(app: &App) {
    // The embed-code page's live preview is a sandboxed frame that must run scripts
    // from the app's own origin; Chromium notes that combination on every load.
    let warnings: Vec<String> = app
        .console_warnings()
        .await
        .into_iter()
        .filter(|w| !w.contains("can escape its sandboxing"))
        .collect();
    assert!(warnings.is_empty(), "console warnings: {warnings:#?}");
}

#[tokio::test]
async fn the_article_hydrates_in_place_and_then_works() {
    let app = App::launch().await;
    open_marked(&app, &format!("/column/{SEED}")).await;
    wait_hydrated(&app).await;
    assert_kept(&app, &["h1", ".toc", "#side-effects", ".share", "footer"]).await;
    // A toggle works after hydration.
    app.click("#side-effects .collapsible__toggle").await;
    app.wait_until("document.querySelector('#side-effects-content').hidden")
        .await;
    app.click("#side-effects .collapsible__toggle").await;
    app.wait_until("!document.querySelector('#side-effects-content').hidden")
        .await;
    // Open-all appears with a closed group, and works.
    app.click("#downsides .collapsible__toggle").await;
    app.wait_until("document.querySelector('#downsides-content').hidden")
        .await;
    app.click(".show-all").await;
    app.wait_until("!document.querySelector('#downsides-content').hidden")
        .await;
    // Client-side navigation to another prerendered page.
    app.js("window.__sameDocument = true").await;
    app.click(".site-header__nav a[href='/faq']").await;
    app.wait_text("h1", "よくある質問").await;
    assert_eq!(app.js("return window.__sameDocument === true").await, true);
    assert_quiet_console(&app).await;
    app.finish().await;
}

#[tokio::test]
async fn list_faq_and_clinics_hydrate_in_place() {
    let app = App::launch().await;
    for (path, kept) in [
        ("/", &["h1", ".article-list", ".category-filter"][..]),
        ("/faq", &["h1", ".faq-group", ".faq-toolbar"][..]),
        ("/clinics", &["h1", "svg", "#shinjuku"][..]),
        ("/embed-code", &["h1", "form, .embed-form, main"][..]),
    ] {
        open_marked(&app, path).await;
        wait_hydrated(&app).await;
        assert_kept(&app, kept).await;
    }
    // Search still works after hydration.
    app.open("/").await;
    wait_hydrated(&app).await;
    app.type_into("#column-search", "えくそそーむ").await;
    app.wait_until("location.search.includes('q=')").await;
    app.wait_until(&format!("document.body.innerText.includes({SEED_TITLE:?})"))
        .await;
    assert_quiet_console(&app).await;
    app.finish().await;
}

#[tokio::test]
async fn states_the_build_did_not_render_come_out_right() {
    let app = App::launch().await;
    // A search in the URL: rendered afresh, with the matching list.
    app.open("/?q=%E3%81%88%E3%81%8F%E3%81%9D%E3%81%9D%E3%83%BC%E3%82%80")
        .await;
    app.wait_text(".result-count", "「えくそそーむ」で検索: 1件の記事")
        .await;
    app.wait_until(&format!("document.body.innerText.includes({SEED_TITLE:?})"))
        .await;
    // A category the build did not render.
    app.open("/?category=exosome").await;
    app.wait_text(".result-count", "「エクソソーム」の1件の記事")
        .await;
    // A section the reader closed is closed again when they come back.
    app.open(&format!("/column/{SEED}")).await;
    wait_hydrated(&app).await;
    app.click("#downsides .collapsible__toggle").await;
    app.wait_until("document.querySelector('#downsides-content').hidden")
        .await;
    app.click(".site-header__nav a[href='/faq']").await;
    app.wait_text("h1", "よくある質問").await;
    app.back().await;
    app.wait_text("h1", SEED_TITLE).await;
    app.wait_until("document.querySelector('#downsides-content').hidden")
        .await;
    assert!(
        app.js("return !document.querySelector('#side-effects-content').hidden")
            .await
            == json!(true)
    );
    assert_quiet_console(&app).await;
    app.finish().await;
}

#[tokio::test]
async fn page_two_of_ten_thousand_articles_comes_out_right() {
    let app = App::launch_with(
        Deployment::root().with_content(crate::harness::project_dir().join("target/synthetic")),
        Viewport::Desktop,
    )
    .await;
    app.open("/?page=2").await;
    app.wait_until("document.querySelector('.result-count') && document.querySelector('.result-count').innerText.includes('2 / ')").await;
    assert_eq!(
        app.js("return document.querySelector('.pagination [aria-current=page]').innerText")
            .await,
        json!("2")
    );
    assert_quiet_console(&app).await;
    app.finish().await;
}

/// On every host set-up: each route by direct load, unknown paths and slugs, and a
/// content fetch that fails, then succeeds on retry.
#[tokio::test]
async fn every_host_set_up_behaves_the_same() {
    for host in HostStyle::ALL {
        let app = App::launch_with(Deployment::root().with_host(host), Viewport::Desktop).await;
        for (path, heading) in [
            ("/", "美脱毛コラム"),
            ("/column/exosome-side-effects", SEED_TITLE),
            ("/clinics", "Clinic\nクリニック紹介"),
            ("/faq", "よくある質問"),
            ("/embed-code", "コラムを埋め込む"),
            ("/no/such/page", "ページが見つかりません"),
            ("/column/no-such-article", "記事が見つかりません"),
        ] {
            app.open(path).await;
            app.wait_text("h1", heading).await;
        }
        assert!(
            !app.js("return document.body.innerText")
                .await
                .as_str()
                .unwrap()
                .contains("JSON"),
            "{host:?}: technical text shown"
        );
        // An embed of an unknown article gets a page of the column from the host; the
        // embed views' bundle runs it, and its links leave the frame.
        app.open("/embed/column/no-such-article").await;
        app.wait_text("h1", "記事が見つかりません").await;
        app.wait_until("!!window.wasmBindings").await;
        let loaded = app.js(LOADED_MODULES).await;
        assert!(
            only_module(&loaded, "embed-views-").is_some(),
            "{host:?}: {loaded}"
        );
        assert_eq!(
            app.js("return [...document.querySelectorAll('a[href]')].every(a => a.target === '_blank')")
                .await,
            json!(true),
            "{host:?}"
        );
        // A fetch that fails, then succeeds: a client-side navigation to the list.
        app.open("/faq").await;
        wait_hydrated(&app).await;
        app.cdp("Network.enable", json!({})).await;
        app.cdp(
            "Network.setBlockedURLs",
            json!({ "urls": ["*/content/derived/catalog.json"] }),
        )
        .await;
        app.click(".site-header__nav a[href='/']").await;
        app.wait_text(".load-failure h1", "コンテンツを読み込めませんでした")
            .await;
        app.cdp("Network.setBlockedURLs", json!({ "urls": [] }))
            .await;
        app.click(".load-failure button").await;
        app.wait_for(".article-list a").await;
        app.finish_allowing(&["content/derived/catalog.json", "404"])
            .await;
    }
}

/// One page of each view a reader can land on.
const EVERY_VIEW: [&str; 5] = [
    "/",
    "/column/exosome-side-effects",
    "/clinics",
    "/faq",
    "/embed-code",
];

/// Adds up the page's layout shifts, and notes for each what moved, when, and where
/// from and to, so that a failure says which element to look at.
const LAYOUT_SHIFTS: &str = r#"
window.__cls = 0;
window.__shifts = [];
const describe = (n) => n ? n.nodeName + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined ? '.' + String(n.className).split(' ').join('.') : '') : '(removed)';
const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__cls += e.value;
    const moved = e.sources.map((s) => `${describe(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`);
    window.__shifts.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${moved.join(', ')}`);
  }
}).observe({ type: 'layout-shift', buffered: true });
"#;

#[tokio::test]
async fn no_view_shifts_its_layout_on_first_load() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    app.cdp("Page.enable", json!({})).await;
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": LAYOUT_SHIFTS }),
    )
    .await;
    for path in EVERY_VIEW {
        app.open(path).await;
        wait_hydrated(&app).await;
        // Let late work (fonts, effects) settle before reading the total.
        tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
        let cls = app.js("return window.__cls").await.as_f64().unwrap();
        let shifts = app.js("return window.__shifts.join('; ')").await;
        assert!(
            cls < 0.02,
            "{path}: cumulative layout shift {cls}: {}",
            shifts.as_str().unwrap_or_default()
        );
    }
    app.finish().await;
}

/// Cuts `main` right after each of its elements, as a parser that paused there and let
/// the browser paint would leave it, and lists what then stands elsewhere than in the
/// whole page: `main` itself, and every finished element that draws text or a control.
const SHIFTS_WHILE_PARSING: &str = r#"
const main = document.querySelector('main');
// A frame moved in and out of the page would load again at every cut.
document.querySelectorAll('iframe').forEach(f => f.src = 'about:blank');
const all = [...document.body.querySelectorAll('*')]
  .filter(e => !['SCRIPT', 'STYLE', 'TEMPLATE', 'WBR', 'BR'].includes(e.tagName));
const at = e => { const r = e.getBoundingClientRect(); return [r.left, r.top + scrollY]; };
const drawn = e => e === main || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IMG', 'svg', 'IFRAME'].includes(e.tagName)
  || [...e.childNodes].some(c => c.nodeType === 3 && c.data.trim());
const whole = new Map(all.map(e => [e, at(e)]));
const moved = [];
for (let i = all.indexOf(main); i < all.length && main.contains(all[i]); i++) {
  const cut = all[i];
  const detached = [];
  for (let n = cut; n !== document.body; n = n.parentNode) {
    while (n.nextSibling) detached.push([n.parentNode, n.parentNode.removeChild(n.nextSibling)]);
  }
  const kids = [...cut.childNodes];
  kids.forEach(k => k.remove());
  for (const e of all.slice(0, i)) {
    if ((e !== main && e.contains(cut)) || !e.isConnected || !drawn(e) || !e.getClientRects().length) continue;
    const [[x, y], [wx, wy]] = [at(e), whole.get(e)];
    if (Math.abs(x - wx) > 0.5 || Math.abs(y - wy) > 0.5) {
      moved.push(`cut after <${cut.localName} class="${cut.className}">: <${e.localName} class="${e.className}"> at ${x},${y}, not ${wx},${wy}`);
      break;
    }
  }
  cut.append(...kids);
  for (const [parent, node] of detached) parent.appendChild(node);
}
return moved;
"#;

/// A slow network or a busy phone paints the page before it has all arrived. What is
/// drawn by then stays where it is: the rest only adds below it (no layout shift).
#[tokio::test]
async fn what_is_drawn_of_a_page_still_arriving_stays_in_place() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    for (width, height) in [(320, 640), (1280, 900)] {
        app.set_viewport(width, height).await;
        for path in EVERY_VIEW {
            app.open(path).await;
            wait_hydrated(&app).await;
            if width > 600 && path == "/" {
                // A desktop's scrollbar takes room here, as on Windows: the gutter is tested.
                let room = app
                    .js("return innerWidth - document.documentElement.clientWidth")
                    .await;
                assert!(room.as_f64().unwrap() > 0.0, "no classic scrollbar: {room}");
            }
            let moved = app.js(SHIFTS_WHILE_PARSING).await;
            assert_eq!(moved, json!([]), "{path} at {width} px");
        }
    }
    app.finish().await;
}
