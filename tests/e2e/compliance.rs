//! What the medical advertising guideline asks the pages to show, and the editor's
//! report: the self-pay and unapproved-product disclosures on the article and in its
//! embed, on screen, in dark mode and in print; the checker's HTML report in a browser.

use serde_json::json;

use crate::harness::{project_dir, App, Deployment, TempDir, Viewport};

const SEED: &str = "/column/exosome-side-effects";

/// The disclosures the bundled content holds for the seed article's category.
fn expected_items() -> Vec<&'static str> {
    vec![
        "診療の種類",
        "使用する医薬品等",
        "未承認医薬品等であること",
        "国内の承認医薬品等の有無",
        "医薬品副作用被害救済制度",
    ]
}

async fn assert_disclosures(app: &App, blocks: usize) {
    app.wait_for(".disclosure").await;
    assert_eq!(app.count(".disclosure").await, blocks);
    let heading = app.text(".disclosure h2").await;
    assert_eq!(heading, "自由診療・未承認医薬品等について");
    let terms = app
        .js("return [...document.querySelector('.disclosure').querySelectorAll('dt')].map(e => e.innerText)")
        .await;
    assert_eq!(terms, json!(expected_items()));
    let text = app.text(".disclosure").await;
    assert!(text.contains("保険適用外の自由診療"), "{text}");
    assert!(text.contains("未承認医薬品等です"), "{text}");
    // What the content does not hold is not shown, not made up.
    assert!(
        !text.contains("入手経路等") && !text.contains("費用"),
        "{text}"
    );
}

#[tokio::test]
async fn the_article_shows_its_disclosures_near_the_top_and_beside_the_risks() {
    let app = App::launch().await;
    app.open(SEED).await;
    assert_disclosures(&app, 2).await;
    // The first is before the table of contents; the second just before the first
    // risk section.
    let order = app
        .js("const d = [...document.querySelectorAll('.disclosure')]; \
             const toc = document.querySelector('.toc'); \
             const risk = document.getElementById('side-effects'); \
             return [d[0].compareDocumentPosition(toc) & 4, \
                     d[1].nextElementSibling === risk]")
        .await;
    assert_eq!(order, json!([4, true]));
    app.assert_accessible().await;

    app.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    assert!(app.is_visible(".disclosure").await);
    app.assert_accessible().await;

    app.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    assert!(app.is_visible(".disclosure").await, "hidden in print");
    app.finish().await;
}

#[tokio::test]
async fn the_embedded_article_keeps_its_disclosures_whatever_the_options() {
    let app = App::launch_with(Deployment::root(), Viewport::Phone).await;
    for query in ["", "?theme=dark&accent=%231a5fb4&utm_source=lp"] {
        app.open(&format!("/embed{SEED}{query}")).await;
        assert_disclosures(&app, 2).await;
        app.assert_accessible().await;
    }
    app.finish().await;
}

#[tokio::test]
async fn the_editor_s_report_opens_in_a_browser_and_lists_the_seed_s_findings() {
    let dir = TempDir::new("report");
    let file = dir.path().join("compliance.html");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_content-check"))
        .arg(project_dir().join("public/content"))
        .arg("--report")
        .arg(&file)
        .output()
        .expect("run content-check");
    assert_eq!(out.status.code(), Some(0));

    let app = App::launch().await;
    app.client
        .goto(&format!("file://{}", file.display()))
        .await
        .expect("open the report");
    app.wait_text("h1", "医療広告ガイドライン チェック結果")
        .await;
    let counts = app.texts("tbody tr").await;
    assert!(
        counts
            .iter()
            .any(|r| r.contains("比較優良広告") && r.ends_with('5')),
        "{counts:?}"
    );
    let marked = app.texts("mark").await;
    assert!(
        marked
            .iter()
            .any(|m| m.contains("他の治療法に比べて高い安全性が認められています")),
        "{marked:?}"
    );
    assert!(app
        .text("main")
        .await
        .contains("/categories/8/unapproved/acquisition"));
    app.assert_accessible().await;
    app.finish().await;
}
