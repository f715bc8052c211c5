//! Screenshots of every view, for people to look at: at 320 px (the narrowest phone),
//! 375 px (a common phone) and 1366 px (a laptop), light and dark, and without JavaScript (what a crawler or a reader with scripts off gets). Written
//! to `target/screenshots/`; the checks are elsewhere, this test only fails when a
//! view cannot be shown.

use base64::Engine;
use serde_json::json;

use crate::harness::{project_dir, App, Deployment, Viewport};

const VIEWS: &[(&str, &str)] = &[
    ("list", "/"),
    ("category", "/category/exosome"),
    ("article", "/column/exosome-side-effects"),
    ("clinics", "/clinics"),
    ("faq", "/faq"),
    ("embed-code", "/embed-code"),
    ("embed-article", "/embed/column/exosome-side-effects"),
    ("not-found", "/no/such/page"),
];

async fn capture(app: &App, name: &str) {
    let shot = app
        .cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true }),
        )
        .await;
    let png = base64::engine::general_purpose::STANDARD
        .decode(shot["data"].as_str().expect("screenshot data"))
        .expect("base64 PNG");
    let dir = project_dir().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

#[tokio::test]
async fn every_view_is_captured_for_review() {
    for (viewport, width, height) in [
        (Viewport::Phone, 320, 640),
        (Viewport::Phone, 375, 812),
        (Viewport::Desktop, 1366, 900),
    ] {
        let app = App::launch_with(Deployment::root(), viewport).await;
        app.set_viewport(width, height).await;
        for scheme in ["light", "dark"] {
            app.cdp(
                "Emulation.setEmulatedMedia",
                json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
            )
            .await;
            for (name, path) in VIEWS {
                app.open(path).await;
                app.wait_for("h1").await;
                app.wait_until(
                    "!!window.wasmBindings && !document.querySelector('[aria-busy=true]')",
                )
                .await;
                capture(&app, &format!("{name}-{width}-{scheme}")).await;
            }
        }
        // Without JavaScript: the prerendered pages as they are.
        app.cdp("Emulation.setEmulatedMedia", json!({ "features": [] }))
            .await;
        app.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
        for (name, path) in VIEWS {
            app.client
                .goto(&app.server.url(path))
                .await
                .expect("navigate");
            capture(&app, &format!("{name}-{width}-nojs")).await;
        }
        app.finish_allowing(&["/no/such/page - "]).await;
    }
}
