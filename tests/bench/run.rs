//! The measurements and the tables.

use std::path::Path;

use crate::harness::{project_dir, App, Deployment, Viewport};
use serde_json::json;

const RUNS: usize = 9;
const SLUG: &str = "exosome-side-effects";

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// Records when the article's heading first appears, from the very start of each page.
const HEADING_PROBE: &str = r#"
new MutationObserver((_, obs) => {
  if (document.querySelector('.article__title')) { window.__headingAt = performance.now(); obs.disconnect(); }
}).observe(document, { childList: true, subtree: true });
"#;

async fn slowed(app: &App) {
    app.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
}

/// One search keystroke over the 10,000-article list: input event to updated results.
async fn search_keystroke(app: &App) -> Vec<f64> {
    // `/` is prerendered from the bundled content and hydrates with it; a state the
    // build did not render is rendered afresh from the served (synthetic) set.
    app.open("/?page=1").await;
    app.wait_until("parseInt(document.querySelector('.result-count')?.textContent) > 10000")
        .await;
    let mut times = Vec::new();
    for i in 0..RUNS {
        let query = ["えくそそーむ", "ダーマペン", "ｱｶﾞ", "サンプル", "副作用"][i % 5];
        let ms = app
            .client
            .execute_async(
                r#"const [q, done] = arguments;
                   const input = document.getElementById('column-search');
                   const count = document.querySelector('.result-count');
                   const before = count.textContent;
                   input.value = q + ' ' + Math.random().toString(36).slice(2, 3);
                   const t0 = performance.now();
                   input.dispatchEvent(new Event('input', { bubbles: true }));
                   const check = () => document.querySelector('.result-count').textContent !== before
                       ? requestAnimationFrame(() => done(performance.now() - t0))
                       : setTimeout(check, 0);
                   check();"#,
                vec![json!(query)],
            )
            .await
            .expect("search timing");
        times.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    times
}

/// A cold load of the article view: navigation start to the heading on screen.
async fn cold_article_load(app: &App) -> Vec<f64> {
    app.cdp("Network.enable", json!({})).await;
    app.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": HEADING_PROBE }),
    )
    .await;
    let mut times = Vec::new();
    for _ in 0..RUNS {
        app.open(&format!("/column/{SLUG}")).await;
        app.wait_until("window.__headingAt").await;
        times.push(
            app.js("return window.__headingAt")
                .await
                .as_f64()
                .unwrap_or(f64::NAN),
        );
    }
    times
}

/// A client-side navigation from the list to the article, content not yet cached.
async fn list_to_article(app: &App) -> Vec<f64> {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        app.open("/").await;
        app.wait_for(".card__title a").await;
        let ms = app
            .client
            .execute_async(
                r#"const done = arguments[0];
                   const t0 = performance.now();
                   document.querySelector(".card__title a[href$='/column/exosome-side-effects']").click();
                   const check = () => document.querySelector('.article__title')
                       ? requestAnimationFrame(() => done(performance.now() - t0))
                       : setTimeout(check, 0);
                   check();"#,
                vec![],
            )
            .await
            .expect("navigation timing");
        times.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    times
}

/// Which files of `dist/` belong to a kind of asset.
type Matcher = Box<dyn Fn(&Path) -> bool>;

struct Bytes {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

fn bytes_of(dist: &Path, matches: &dyn Fn(&Path) -> bool) -> Bytes {
    let mut total = Bytes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dist") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if matches(&path) {
                let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
                total.raw += size(&path);
                total.gzip += size(&path.with_extension(format!("{}.gz", ext(&path))));
                total.brotli += size(&path.with_extension(format!("{}.br", ext(&path))));
            }
        }
    }
    total
}

fn ext(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_string()
}

#[tokio::main(flavor = "current_thread")]
pub async fn main() {
    let synthetic = project_dir().join("target/synthetic");
    assert!(
        synthetic.join("index.json").is_file(),
        "no synthetic content: run `make bench` (it generates target/synthetic)"
    );

    let app = App::launch_with(
        Deployment::root().with_content(&synthetic),
        Viewport::Desktop,
    )
    .await;
    slowed(&app).await;
    let search = search_keystroke(&app).await;
    app.finish().await;

    let app = App::launch().await;
    slowed(&app).await;
    let cold = cold_article_load(&app).await;
    app.finish().await;

    let app = App::launch().await;
    slowed(&app).await;
    let nav = list_to_article(&app).await;
    app.finish().await;

    println!();
    println!("Speed (headless Chromium, CPU slowed 4x, median of {RUNS})");
    println!("| measure                                            | median ms |");
    println!("|----------------------------------------------------|----------:|");
    println!(
        "| search keystroke, 10,000 articles (filter+render)  | {:>9.1} |",
        median(search)
    );
    println!(
        "| cold load of the article view (to heading)         | {:>9.1} |",
        median(cold)
    );
    println!(
        "| list -> article, client-side navigation            | {:>9.1} |",
        median(nav)
    );

    let dist = project_dir().join("dist");
    let kinds: [(&str, Matcher); 4] = [
        ("wasm", Box::new(|p: &Path| ext(p) == "wasm")),
        ("JS", Box::new(|p: &Path| ext(p) == "js")),
        ("CSS", Box::new(|p: &Path| ext(p) == "css")),
        (
            "content (JSON)",
            Box::new(|p: &Path| ext(p) == "json" && !p.to_string_lossy().contains("/schema/")),
        ),
    ];
    println!();
    println!("Shipped bytes (dist/)");
    println!("| asset          |       raw |      gzip |    brotli |");
    println!("|----------------|----------:|----------:|----------:|");
    for (name, matches) in kinds.iter() {
        let b = bytes_of(&dist, matches.as_ref());
        println!(
            "| {name:<14} | {:>9} | {:>9} | {:>9} |",
            b.raw, b.gzip, b.brotli
        );
    }

    crate::lighthouse::run().await;
}
