//! The measurements and the tables.

use std::path::Path;

use crate::harness::{content_fetched, first_load_bytes, project_dir, App, Deployment, Viewport};
use clinic_column::listing::PAGE_SIZE;
use serde_json::json;

const RUNS: usize = 9;
const SLUG: &str = "exosome-side-effects";

fn median(xs: Vec<f64>) -> f64 {
    percentile(xs, 50)
}

/// The nearest-rank percentile.
fn percentile(mut xs: Vec<f64>, p: usize) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let rank = (p * xs.len()).div_ceil(100).max(1);
    xs[rank - 1]
}

/// Searches typed as an input method commits them: one input event per query.
const QUERIES: [&str; 5] = [
    "ダウンタイム 保湿",
    "えくそそーむ 医師",
    "ｶｳﾝｾﾘﾝｸﾞ 毛穴",
    "美肌 脱毛",
    "ヒアルロンサン コラーゲン",
];

/// Content bytes (brotli) a search fetches, from a list with nothing cached.
async fn search_bytes(app: &App) -> Vec<(String, usize, usize)> {
    let content = project_dir().join("target/synthetic");
    let mut out = Vec::new();
    for q in QUERIES {
        app.open("/?page=1").await;
        app.wait_for(".card").await;
        content_fetched(app, &content).await;
        app.js(&format!(
            "const i = document.getElementById('column-search'); i.value = '{q}'; \
             i.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        ))
        .await;
        app.wait_until(&format!(
            "document.querySelector('.result-count')?.textContent.startsWith('「{q}」')"
        ))
        .await;
        let (bytes, files) = content_fetched(app, &content).await;
        out.push((q.to_string(), bytes, files.len()));
    }
    out
}

/// The biggest items of the wasm module, by the size report (`twiggy top`) of the
/// release build before wasm-bindgen and wasm-opt, whose function names it keeps.
fn size_report() -> Vec<String> {
    let wasm = project_dir().join("target/wasm32-unknown-unknown/release/clinic-column.wasm");
    let out = std::process::Command::new("twiggy")
        .args(["top", "-n", "40"])
        .arg(&wasm)
        .output();
    match out {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(2)
            .filter(|l| !l.contains("section") && !l.contains("..."))
            .take(15)
            .map(|l| l.chars().take(140).collect())
            .collect(),
        _ => vec![format!("(twiggy could not read {})", wasm.display())],
    }
}

/// The release build of the sample set (`make dist-synthetic`, timed by `make bench`):
/// seconds, files and bytes written.
fn scale_build() -> Option<(String, u64, u64)> {
    let dir = project_dir().join("target/dist-synthetic");
    let seconds =
        std::fs::read_to_string(project_dir().join("target/dist-synthetic.seconds")).ok()?;
    let (mut files, mut bytes) = (0, 0);
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files += 1;
                bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    Some((seconds.trim().to_string(), files, bytes))
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

/// Keystrokes per pass: enough for a 95th percentile that is not just the maximum.
const KEYSTROKES: usize = 30;

/// One pass of keystrokes: per keystroke, the time to the next frame, the work
/// (script, style and layout) alone, and the time until every card of the page is
/// drawn and laid out (the cards below the first few follow the frame).
#[derive(Default)]
struct Keystrokes {
    frame: Vec<f64>,
    work: Vec<f64>,
    all: Vec<f64>,
}

/// One search keystroke over the 10,000-article list: input event to updated results.
/// Each query is a word and a letter; the first pass meets most of them for the first
/// time (index shards and result articles to fetch), the second types the same queries
/// again, everything cached: computation and rendering alone. Each keystroke is timed
/// twice: to the next animation frame after the results changed (what a reader waits
/// for, including the wait for the frame), and to the moment the new results are laid
/// out (the work itself: the results are observed as they change and their layout is
/// forced). A third time runs until the page's last card is laid out.
async fn search_keystroke(app: &App) -> (Keystrokes, Keystrokes) {
    // `/` is prerendered from the bundled content and hydrates with it; a state the
    // build did not render is rendered afresh from the served (synthetic) set.
    app.open("/?page=1").await;
    app.wait_until("parseInt(document.querySelector('.result-count')?.textContent) > 10000")
        .await;
    let letters: Vec<char> = ('a'..='z').collect();
    let queries: Vec<String> = (0..KEYSTROKES)
        .map(|i| {
            let word = ["えくそそーむ", "ダーマペン", "ｱｶﾞ", "サンプル", "副作用"][i % 5];
            format!("{word} {}", letters[(i * 7) % letters.len()])
        })
        .collect();
    let mut passes = (Keystrokes::default(), Keystrokes::default());
    for pass in [&mut passes.0, &mut passes.1] {
        for query in &queries {
            let times = app
                .client
                .execute_async(
                    r#"const [q, pageSize, done] = arguments;
                       const input = document.getElementById('column-search');
                       const count = () => document.querySelector('.result-count')?.textContent;
                       const cards = () => [...document.querySelectorAll('.article-list > li')].filter(li => li.checkVisibility()).length;
                       const before = count();
                       input.value = q;
                       let t0, work, frame, all, want;
                       const finish = () => {
                           if (frame !== undefined && all !== undefined) done([frame, work, all]);
                       };
                       const seen = new MutationObserver(() => {
                           if (want === undefined) {
                               if (count() === undefined || count() === before) return;
                               document.body.offsetHeight;
                               work = performance.now() - t0;
                               want = Math.min(pageSize, parseInt((count().match(/(\d+)件/) || [0, '0'])[1]));
                               requestAnimationFrame(() => { frame = performance.now() - t0; finish(); });
                           }
                           if (all === undefined && cards() >= want) {
                               seen.disconnect();
                               document.body.offsetHeight;
                               all = performance.now() - t0;
                               finish();
                           }
                       });
                       // The later cards are shown by a class on the list.
                       seen.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
                       t0 = performance.now();
                       input.dispatchEvent(new Event('input', { bubbles: true }));"#,
                    vec![json!(query), json!(PAGE_SIZE)],
                )
                .await
                .expect("search timing");
            let at = |i: usize| times[i].as_f64().unwrap_or(f64::NAN);
            pass.frame.push(at(0));
            pass.work.push(at(1));
            pass.all.push(at(2));
        }
    }
    passes
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

/// A phone network's round trip, in ms, for the navigation measured over one.
const PHONE_ROUND_TRIP: u32 = 150;

/// A client-side navigation from the list to the article, content not yet cached,
/// each request delayed by `latency` ms (a phone network's round trip).
async fn list_to_article(app: &App, latency: u32) -> Vec<f64> {
    app.cdp("Network.enable", json!({})).await;
    app.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": latency, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
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
    let (search, warm) = search_keystroke(&app).await;
    let query_bytes = search_bytes(&app).await;
    let view_bytes = first_load_bytes(&app, &synthetic).await;
    app.finish_allowing(&["/column/sample-00042 - "]).await;

    let app = App::launch().await;
    slowed(&app).await;
    let cold = cold_article_load(&app).await;
    app.finish().await;

    let app = App::launch().await;
    slowed(&app).await;
    let nav = list_to_article(&app, 0).await;
    let nav_far = list_to_article(&app, PHONE_ROUND_TRIP).await;
    app.finish().await;

    println!();
    println!(
        "Speed (headless Chromium, CPU slowed 4x; median of {KEYSTROKES} keystrokes, of {RUNS} otherwise)"
    );
    println!("| measure                                                 | median ms |");
    println!("|---------------------------------------------------------|----------:|");
    let rows = [
        (
            "search keystroke, 10,000 articles (fetch+search+render)",
            &search.frame,
        ),
        ("  work alone (script, style, layout)", &search.work),
        ("  until every card is drawn", &search.all),
        (
            "search keystroke, everything cached (search+render)",
            &warm.frame,
        ),
        ("  work alone (script, style, layout)", &warm.work),
        ("  until every card is drawn", &warm.all),
    ];
    for (measure, times) in rows {
        println!("| {measure:<55} | {:>9.1} |", median(times.clone()));
        println!(
            "| {:<55} | {:>9.1} |",
            "  the same, 95th percentile",
            percentile(times.clone(), 95)
        );
    }
    println!(
        "| cold load of the article view (to heading)              | {:>9.1} |",
        median(cold)
    );
    println!(
        "| list -> article, client-side navigation                 | {:>9.1} |",
        median(nav)
    );
    println!(
        "|   the same, {PHONE_ROUND_TRIP} ms per round trip                          | {:>9.1} |",
        median(nav_far)
    );

    let dist = project_dir().join("dist");
    let named = |p: &Path, prefix: &str| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    };
    let kinds: [(&str, Matcher); 8] = [
        (
            "wasm, patients",
            Box::new(move |p: &Path| ext(p) == "wasm" && named(p, "clinic-column-")),
        ),
        (
            "JS, patients",
            Box::new(move |p: &Path| ext(p) == "js" && named(p, "clinic-column-")),
        ),
        (
            "wasm, embeds",
            Box::new(move |p: &Path| ext(p) == "wasm" && named(p, "embed-views-")),
        ),
        (
            "JS, embeds",
            Box::new(move |p: &Path| ext(p) == "js" && named(p, "embed-views-")),
        ),
        (
            "wasm, embed-code",
            Box::new(move |p: &Path| ext(p) == "wasm" && named(p, "embed-code-")),
        ),
        (
            "JS, embed-code",
            Box::new(move |p: &Path| ext(p) == "js" && named(p, "embed-code-")),
        ),
        ("CSS", Box::new(|p: &Path| ext(p) == "css")),
        (
            "content (JSON)",
            Box::new(|p: &Path| ext(p) == "json" && !p.to_string_lossy().contains("/schema/")),
        ),
    ];
    println!();
    println!("Shipped bytes (dist/)");
    println!("| asset            |       raw |      gzip |    brotli |");
    println!("|------------------|----------:|----------:|----------:|");
    for (name, matches) in kinds.iter() {
        let b = bytes_of(&dist, matches.as_ref());
        println!(
            "| {name:<16} | {:>9} | {:>9} | {:>9} |",
            b.raw, b.gzip, b.brotli
        );
    }

    println!();
    println!("Content fetched at 10,000 articles (brotli bytes, from the browser's requests)");
    println!("| first load of                          |   bytes | files |");
    println!("|----------------------------------------|--------:|------:|");
    for (path, bytes, files) in view_bytes {
        println!("| {path:<38} | {bytes:>7} | {:>5} |", files.len());
    }
    println!("| search (from the list, nothing cached) |   bytes | files |");
    for (q, bytes, files) in query_bytes {
        println!("| {q:<38} | {bytes:>7} | {files:>5} |");
    }

    println!();
    println!("Size report: the 15 biggest items of the wasm module (twiggy top)");
    println!("```");
    for line in size_report() {
        println!("{line}");
    }
    println!("```");

    println!();
    match scale_build() {
        Some((seconds, files, bytes)) => println!(
            "Release build of the 10,000-article set (make dist-synthetic): {seconds} s, \
             {files} files, {:.1} MB written",
            bytes as f64 / 1e6
        ),
        None => println!("Release build of the 10,000-article set: not built (run make bench)"),
    }

    crate::lighthouse::run().await;
}
