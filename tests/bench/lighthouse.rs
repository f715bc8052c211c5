//! Lighthouse on the release build, as a phone on slow 4G sees it (Lighthouse's
//! default mobile simulation, run by `tools/lighthouse.mjs`), beside the same article
//! as a plain static page without the app: the yardstick for what the app costs.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::harness::{project_dir, Deployment, HostStyle, Server};

/// Lighthouse runs per view; the table shows medians.
const RUNS: usize = 3;
/// The views measured, by app path.
const VIEWS: [(&str, &str); 4] = [
    ("article", "/column/exosome-side-effects"),
    ("list", "/"),
    ("clinics", "/clinics"),
    ("FAQ", "/faq"),
];
const STATIC: &str = "static article";

/// One view's medians, as `tools/lighthouse.mjs` prints them.
struct Row {
    view: &'static str,
    lh: Value,
}

impl Row {
    fn num(&self, key: &str) -> f64 {
        self.lh[key].as_f64().unwrap_or(f64::NAN)
    }

    fn score(&self, category: &str) -> f64 {
        self.lh["scores"][category].as_f64().unwrap_or(f64::NAN)
    }
}

const SCORES: [(&str, &str); 4] = [
    ("performance", "perf"),
    ("accessibility", "a11y"),
    ("best-practices", "best-practices"),
    ("seo", "SEO"),
];

/// The prerendered article without the app: every `<script>` (the module that loads
/// the wasm, the inline ones, the JSON-LD and hydration data) and the preloads of the
/// app's JS and wasm removed; the stylesheet stays. What a reader without JavaScript
/// gets, and the fastest this page can be.
fn without_app(html: &str) -> String {
    let html = remove_elements(html, "<script", "</script>", |_| true);
    let html = remove_elements(&html, "<link", ">", |tag| {
        tag.contains("modulepreload")
            || (tag.contains("rel=\"preload\"") && (tag.contains(".wasm") || tag.contains(".js")))
    });
    assert!(
        !html.contains("<script") && !html.contains(".wasm") && html.contains("rel=\"stylesheet\""),
        "the static page still loads the app, or lost its stylesheet"
    );
    html
}

/// Removes each piece of `html` from `open` to the next `close` that `remove` picks.
fn remove_elements(html: &str, open: &str, close: &str, remove: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let len = rest[start..]
            .find(close)
            .map(|i| i + close.len())
            .unwrap_or_else(|| panic!("{open} without {close}"));
        let element = &rest[start..start + len];
        out.push_str(&rest[..start]);
        if !remove(element) {
            out.push_str(element);
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Writes the static page into `target/bench-static` (its `index.html`), precompressed
/// like `dist/`, so both are served alike.
fn write_static_page(dist: &Path) -> PathBuf {
    let dir = project_dir().join("target/bench-static");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create target/bench-static");
    let article = dist.join(format!("{}/index.html", VIEWS[0].1.trim_start_matches('/')));
    let html = std::fs::read_to_string(&article)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make dist`)", article.display()));
    std::fs::write(dir.join("index.html"), without_app(&html)).expect("write the static page");
    // Its stylesheet, and robots.txt so that Lighthouse's crawlability check reads
    // the same answer on both origins.
    for entry in std::fs::read_dir(dist).expect("read dist") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy();
        if name.ends_with(".css") || name == "robots.txt" {
            std::fs::copy(&path, dir.join(&*name)).expect("copy into the static page's folder");
        }
    }
    let status = std::process::Command::new(project_dir().join("tools/precompress.sh"))
        .arg(&dir)
        .status()
        .expect("run tools/precompress.sh");
    assert!(status.success(), "tools/precompress.sh failed");
    dir
}

/// Runs `tools/lighthouse.mjs` on the URLs: one JSON object per URL, in order.
async fn lighthouse(urls: &[String]) -> Vec<Value> {
    let out = tokio::process::Command::new("node")
        .arg(project_dir().join("tools/lighthouse.mjs"))
        .args(["--runs", &RUNS.to_string()])
        .args(urls)
        .env("CHROME_PATH", "/usr/bin/chromium")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .output()
        .await
        .expect("run node tools/lighthouse.mjs (run tools/setup.sh test)");
    assert!(out.status.success(), "tools/lighthouse.mjs failed");
    let results: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line from tools/lighthouse.mjs"))
        .collect();
    assert_eq!(results.len(), urls.len(), "one result per URL");
    results
}

pub async fn run() {
    let dist = Server::start(Deployment::root()).await;
    let static_dir = write_static_page(&dist.deployment.dist);
    let plain = Server::start(Deployment {
        dist: static_dir,
        public_url: "/".into(),
        content: None,
        host: HostStyle::Nginx,
    })
    .await;

    let mut urls: Vec<String> = VIEWS.iter().map(|(_, path)| dist.url(path)).collect();
    urls.push(plain.url("/"));
    let names = VIEWS.iter().map(|(name, _)| *name).chain([STATIC]);
    let rows: Vec<Row> = names
        .zip(lighthouse(&urls).await)
        .map(|(view, lh)| Row { view, lh })
        .collect();
    let static_lcp = rows.last().expect("the static row").num("lcp_ms");

    println!();
    println!(
        "Lighthouse {} (mobile: simulated slow 4G, CPU slowed 4x; median of {RUNS})",
        rows[0].lh["lighthouse"].as_str().unwrap_or("?")
    );
    println!(
        "| view           |  LCP ms |  FCP ms |   CLS |  TBT ms |   bytes | perf | a11y | best-practices |  SEO | LCP / static |"
    );
    println!(
        "|----------------|--------:|--------:|------:|--------:|--------:|-----:|-----:|---------------:|-----:|-------------:|"
    );
    for r in &rows {
        println!(
            "| {:<14} | {:>7.0} | {:>7.0} | {:>5.3} | {:>7.0} | {:>7.0} | {:>4.2} | {:>4.2} | {:>14.2} | {:>4.2} | {:>11.2}x |",
            r.view,
            r.num("lcp_ms"),
            r.num("fcp_ms"),
            r.num("cls"),
            r.num("tbt_ms"),
            r.num("bytes"),
            r.score("performance"),
            r.score("accessibility"),
            r.score("best-practices"),
            r.score("seo"),
            r.num("lcp_ms") / static_lcp,
        );
    }
    println!("Targets: LCP within 1.1x the static page, CLS under 0.02, all four scores 1.00.");
    for r in &rows {
        let mut missed = Vec::new();
        let ratio = r.num("lcp_ms") / static_lcp;
        if ratio.is_nan() || ratio > 1.1 {
            missed.push(format!("LCP {ratio:.2}x static"));
        }
        if r.num("cls").is_nan() || r.num("cls") >= 0.02 {
            missed.push(format!("CLS {:.3}", r.num("cls")));
        }
        for (category, label) in SCORES {
            if r.score(category).is_nan() || r.score(category) < 1.0 {
                missed.push(format!("{label} {:.2}", r.score(category)));
            }
        }
        let failed = r.lh["failed"].as_array().cloned().unwrap_or_default();
        if missed.is_empty() && failed.is_empty() {
            continue;
        }
        println!(
            "  {}: {}",
            r.view,
            if missed.is_empty() {
                "targets met".to_string()
            } else {
                format!("missed {}", missed.join(", "))
            }
        );
        for a in failed {
            println!(
                "    audit `{}` ({}, score {}): {} {}",
                a["id"].as_str().unwrap_or_default(),
                a["category"].as_str().unwrap_or_default(),
                a["score"],
                a["title"].as_str().unwrap_or_default(),
                a["value"].as_str().unwrap_or_default(),
            );
        }
    }
}
