//! Starts and stops the real pieces an end-to-end test needs: the release build served
//! by nginx on loopback, and headless Chromium driven through ChromeDriver. A test reads
//! like a user's steps:
//!
//! ```ignore
//! let app = App::launch().await;
//! app.open("/column/exosome-side-effects").await;
//! app.wait_text("h1", "…").await;
//! app.assert_accessible().await;
//! app.finish().await; // no console errors, no request to another host
//! ```

use std::collections::HashMap;
use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// WebDriver key codes, for keyboard-only steps.
pub mod keys {
    pub const ENTER: &str = "\u{e007}";
    pub const TAB: &str = "\u{e004}";
    pub const SPACE: &str = " ";
    pub const BACKSPACE: &str = "\u{e003}";
}

/// How long a step may wait for the page before the test fails.
const STEP_TIMEOUT: Duration = Duration::from_secs(15);

pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port on 127.0.0.1")
}

/// A child process in its own process group, killed with its children on drop.
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        if let Some(pid) = self.0.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", "--", &format!("-{pid}")])
                .status();
        }
    }
}

fn spawn_group(cmd: &mut Command) -> Group {
    cmd.process_group(0).kill_on_drop(true).stdin(Stdio::null());
    Group(
        cmd.spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}")),
    )
}

async fn wait_for_port(port: u16, what: &str) {
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            start.elapsed() < STEP_TIMEOUT,
            "{what} did not start on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How a host answers a path it has no file for (see `tools/nginx.sh`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostStyle {
    /// The shipped nginx config: `404.html` with status 404; content stays a bare 404.
    Nginx,
    /// Netlify's `/* /index.html 200` or a CDN's rewrite: `index.html`, status 200,
    /// for every missing path, content files included.
    Spa,
    /// GitHub Pages: `404.html` with status 404 for every missing path.
    Pages,
}

impl HostStyle {
    pub const ALL: [HostStyle; 3] = [HostStyle::Nginx, HostStyle::Spa, HostStyle::Pages];

    fn name(self) -> &'static str {
        match self {
            HostStyle::Nginx => "nginx",
            HostStyle::Spa => "spa",
            HostStyle::Pages => "pages",
        }
    }
}

/// Which build to serve, where, and with which content.
#[derive(Clone, Debug)]
pub struct Deployment {
    pub dist: PathBuf,
    /// The path the app is deployed under, `/` or e.g. `/column/`.
    pub public_url: String,
    /// Content served instead of the build's own (e.g. the synthetic set).
    pub content: Option<PathBuf>,
    pub host: HostStyle,
}

impl Deployment {
    /// The release build at the root (`make dist`).
    pub fn root() -> Self {
        Deployment {
            dist: project_dir().join("dist"),
            public_url: "/".into(),
            content: None,
            host: HostStyle::Nginx,
        }
    }

    /// The release build made for `/column/` (`make dist-subpath`).
    pub fn subpath() -> Self {
        Deployment {
            dist: project_dir().join("target/dist-subpath"),
            public_url: "/column/".into(),
            content: None,
            host: HostStyle::Nginx,
        }
    }

    pub fn with_content(mut self, dir: impl Into<PathBuf>) -> Self {
        self.content = Some(dir.into());
        self
    }

    pub fn with_host(mut self, host: HostStyle) -> Self {
        self.host = host;
        self
    }
}

/// The build served by nginx, as `tools/nginx.sh` serves it for `make serve-dist`.
pub struct Server {
    _nginx: Group,
    pub origin: String,
    pub deployment: Deployment,
}

impl Server {
    pub async fn start(deployment: Deployment) -> Server {
        assert!(
            deployment.dist.join("index.html").is_file(),
            "no release build at {}: run `make dist dist-subpath` (make test does)",
            deployment.dist.display()
        );
        let port = free_port();
        let mut cmd = Command::new(project_dir().join("tools/nginx.sh"));
        cmd.arg(&deployment.dist)
            .arg(port.to_string())
            .arg(&deployment.public_url)
            .env("HOST_STYLE", deployment.host.name());
        if let Some(content) = &deployment.content {
            cmd.arg(content);
        }
        let nginx = spawn_group(&mut cmd);
        wait_for_port(port, "nginx").await;
        Server {
            _nginx: nginx,
            origin: format!("http://127.0.0.1:{port}"),
            deployment,
        }
    }

    /// The absolute URL of an app path such as `/faq`, under the deployment's prefix.
    pub fn url(&self, app_path: &str) -> String {
        let prefix = self.deployment.public_url.trim_end_matches('/');
        format!("{}{}{}", self.origin, prefix, app_path)
    }
}

/// Where Chromium's proxy points: anything not bound for loopback (which is never
/// proxied) arrives here and is refused, so no test traffic leaves the machine. The
/// browser's own background requests end here too; the page's requests are judged
/// from its network log instead (see `App::foreign_requests`).
struct ForeignRequestSink {
    port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl ForeignRequestSink {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind sink");
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 4096];
                    let _ = sock.read(&mut buf).await;
                    let _ = sock
                        .write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .await;
                });
            }
        });
        ForeignRequestSink { port, task }
    }
}

impl Drop for ForeignRequestSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What the browser logged so far (reading ChromeDriver's logs drains them).
#[derive(Default)]
struct Logs {
    console_errors: Vec<String>,
    console_warnings: Vec<String>,
    requested_urls: Vec<String>,
    /// Request ids to URLs, to name the requests that were cancelled.
    request_ids: std::collections::HashMap<String, String>,
    canceled_urls: Vec<String>,
}

/// Whether a URL the page requested stays on this machine. Only network schemes can
/// leave it (`data:`, `blob:` and the browser's own `chrome:` pages cannot).
fn is_local(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https" | "ws" | "wss") => {
            matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
        }
        Ok(_) => true,
        Err(_) => false,
    }
}

/// A raw WebDriver command for the endpoints fantoccini has no method for.
#[derive(Debug)]
struct RawCommand {
    method: http::Method,
    path: String,
    body: Option<Value>,
}

impl WebDriverCompatibleCommand for RawCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(|b| b.to_string()),
        )
    }
}

/// The viewport a test browses with.
#[derive(Clone, Copy, Debug)]
pub enum Viewport {
    Desktop,
    /// The narrowest phone the layout supports.
    Phone,
}

/// The app in a browser: a server, a headless Chromium, and the checks every test ends with.
pub struct App {
    pub server: Server,
    pub client: Client,
    /// Sinks everything bound for another host, so nothing leaves the machine.
    _sink: ForeignRequestSink,
    logs: Mutex<Logs>,
    _driver: Group,
    _profile: TempDir,
}

/// A landing page on a second origin, kept alive while the test uses it.
pub struct Landing {
    _server: Server,
    _dir: TempDir,
}

/// A temporary directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }

    pub fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "clinic-column-{tag}-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl App {
    /// The release build at the root, in a desktop-sized browser.
    pub async fn launch() -> App {
        App::launch_with(Deployment::root(), Viewport::Desktop).await
    }

    pub async fn launch_with(deployment: Deployment, viewport: Viewport) -> App {
        let server = Server::start(deployment).await;
        let sink = ForeignRequestSink::start().await;
        let profile = TempDir::new("chromium");
        let port = free_port();
        let driver = spawn_group(
            Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        wait_for_port(port, "chromedriver").await;
        let (w, h) = match viewport {
            Viewport::Desktop => (1280, 900),
            Viewport::Phone => (320, 640),
        };
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=ja-JP",
                    format!("--window-size={w},{h}"),
                    format!("--user-data-dir={}", profile.0.display()),
                    format!("--proxy-server=http://127.0.0.1:{}", sink.port),
                ]
            }
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        App {
            server,
            client,
            _sink: sink,
            logs: Mutex::new(Logs::default()),
            _driver: driver,
            _profile: profile,
        }
    }

    /// Opens an app path (e.g. `/faq?x=1#y`) by URL, as a typed or shared link would,
    /// and waits until the app runs: the prerendered page is readable before, but a
    /// state the build did not render is drawn afresh once the app starts.
    pub async fn open(&self, app_path: &str) {
        self.client
            .goto(&self.server.url(app_path))
            .await
            .expect("navigate");
        self.wait_until(
            "document.readyState === 'complete' && !!document.querySelector('main') && !!window.wasmBindings",
        )
        .await;
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until the page has drawn two more frames: whatever the last change
    /// started is laid out and painted by then.
    pub async fn after_two_frames(&self) {
        self.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            .await;
    }

    /// Records every text the page's live region (`main p[role=status]`) speaks.
    pub async fn listen_to_live_region(&self) {
        self.js(
            "window.spoken = []; const live = document.querySelector('main p[role=status]'); \
             new MutationObserver(() => window.spoken.push(live.textContent)) \
               .observe(live, { subtree: true, childList: true, characterData: true });",
        )
        .await;
    }

    /// Counts the page's URL writes from now on (see [`App::url_writes`]).
    pub async fn count_url_writes(&self) {
        self.js(
            "window.urlWrites = 0; const replace = history.replaceState.bind(history); \
             history.replaceState = (...a) => { window.urlWrites++; return replace(...a); };",
        )
        .await;
    }

    /// URL writes since [`App::count_url_writes`].
    pub async fn url_writes(&self) -> u64 {
        self.js("return window.urlWrites").await.as_u64().unwrap()
    }

    /// Types `text` into the search field `id` as one input event and leaves the field
    /// at once; returns the URL's search 50 ms later, well within the typing pause.
    pub async fn type_and_leave(&self, id: &str, text: &str) -> String {
        let search = self
            .client
            .execute_async(
                r#"const [id, text, done] = arguments;
                   const input = document.getElementById(id);
                   input.focus();
                   input.value = text;
                   input.dispatchEvent(new Event('input', { bubbles: true }));
                   input.blur();
                   setTimeout(() => done(location.search), 50);"#,
                vec![json!(id), json!(text)],
            )
            .await
            .expect("type and leave the field");
        search.as_str().unwrap().to_string()
    }

    /// Checks that the live region spoke once, `text`, and nothing more for longer than
    /// the typing pause.
    pub async fn assert_spoken_once(&self, text: &str) {
        self.wait_until("window.spoken.length > 0").await;
        self.js("return new Promise(done => setTimeout(done, 600))")
            .await;
        assert_eq!(
            self.js("return window.spoken").await,
            serde_json::json!([text]),
            "one count for the keystrokes typed"
        );
    }

    /// Waits until a JavaScript expression is truthy.
    pub async fn wait_until(&self, expression: &str) {
        let start = Instant::now();
        loop {
            let ok = self
                .client
                .execute(&format!("return !!({expression});"), vec![])
                .await
                .map(|v| v == Value::Bool(true))
                .unwrap_or(false);
            if ok {
                return;
            }
            if start.elapsed() > STEP_TIMEOUT {
                let body = self
                    .js("return document.body ? document.body.innerText : ''")
                    .await;
                panic!(
                    "timed out waiting for `{expression}`; the page shows:\n{}",
                    body.as_str().unwrap_or("")
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for an element to be in the page.
    pub async fn wait_for(&self, css: &str) {
        self.wait_until(&format!("document.querySelector({})", json!(css)))
            .await;
    }

    /// The visible text of the first element matching `css`, once it exists.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        let v = self
            .js(&format!(
                "return document.querySelector({}).innerText.trim();",
                json!(css)
            ))
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Waits until the first element matching `css` shows exactly `expected`; on
    /// timeout, fails with what it shows instead.
    pub async fn wait_text(&self, css: &str, expected: impl AsRef<str>) {
        let expected = expected.as_ref();
        let start = Instant::now();
        loop {
            let shown = self
                .client
                .execute(
                    &format!("const e = document.querySelector({}); return e ? e.innerText.trim() : null;", json!(css)),
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_str().map(String::from));
            if shown.as_deref() == Some(expected) {
                return;
            }
            assert!(
                start.elapsed() < STEP_TIMEOUT,
                "{css} shows {shown:?}, expected {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the first element matching `css` like a user would.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await;
        let el = self.client.find(Locator::Css(css)).await.expect("find");
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Types into a field like a user, key by key.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.wait_for(css).await;
        let el = self.client.find(Locator::Css(css)).await.expect("find");
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Presses a key (e.g. `keys::ENTER`) on an element, which takes focus first.
    pub async fn press(&self, css: &str, key: &str) {
        self.type_into(css, key).await;
    }

    /// Presses a key on whatever has focus, as a keyboard-only user does.
    pub async fn press_on_focused(&self, key: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let value = key.chars().next().expect("a key");
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("press a key: {e}"));
    }

    /// A description of the focused element: tag, id, class and text.
    pub async fn focused(&self) -> String {
        let v = self
            .js("const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${e.innerText || ''}`.trim() : ''")
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// An attribute of the first element matching `css`.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css).await;
        let v = self
            .js(&format!(
                "return document.querySelector({}).getAttribute({});",
                json!(css),
                json!(name)
            ))
            .await;
        v.as_str().map(String::from)
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        let v = self
            .js(&format!(
                "return document.querySelectorAll({}).length;",
                json!(css)
            ))
            .await;
        v.as_u64().unwrap_or(0) as usize
    }

    /// The visible texts of every element matching `css`, once there is one.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        self.wait_for(css).await;
        let v = self
            .js(&format!(
                "return [...document.querySelectorAll({})].map(e => e.innerText.trim());",
                json!(css)
            ))
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Whether the first element matching `css` is rendered visibly.
    pub async fn is_visible(&self, css: &str) -> bool {
        self.js(&format!(
            "const e = document.querySelector({}); return !!e && e.checkVisibility({{ contentVisibilityAuto: true, visibilityProperty: true }}) && e.getClientRects().length > 0;",
            json!(css)
        ))
        .await
            == Value::Bool(true)
    }

    pub async fn back(&self) {
        self.client.back().await.expect("back");
    }

    pub async fn forward(&self) {
        self.client.forward().await.expect("forward");
    }

    /// Serves a landing page from a second origin (`localhost` on another port) that
    /// loads this app's `embed.js`; `body` is the page's content. Opens it.
    pub async fn open_landing_page(&self, body: &str, query: &str) -> Landing {
        let dir = TempDir::new("landing");
        let html = format!(
            "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>キャンペーン</title></head>\
             <body><main><h1>キャンペーンのご案内</h1>{body}</main>\
             <script src=\"{}/embed.js\" async></script></body></html>",
            self.server.url("")
        );
        std::fs::write(dir.path().join("index.html"), html).expect("write the landing page");
        let server = Server::start(Deployment {
            dist: dir.path().to_path_buf(),
            public_url: "/".into(),
            content: None,
            host: HostStyle::Nginx,
        })
        .await;
        let url = format!(
            "{}/{query}",
            server.origin.replace("127.0.0.1", "localhost")
        );
        self.client.goto(&url).await.expect("open the landing page");
        Landing {
            _server: server,
            _dir: dir,
        }
    }

    /// Checks that this page load fetched exactly one wasm module, the bundle whose
    /// files start with `bundle` (e.g. `embed-views-`), and returns its path.
    pub async fn assert_ran_bundle(&self, bundle: &str) -> String {
        let loaded = self.js(LOADED_MODULES).await;
        only_module(&loaded, bundle).unwrap_or_else(|| panic!("{bundle}: {loaded}"))
    }

    /// Runs a script inside the `index`-th iframe of the page and returns its value.
    pub async fn js_in_frame(&self, index: u16, script: &str) -> Value {
        self.client
            .enter_frame(index)
            .await
            .expect("enter the frame");
        let value = self.client.execute(script, vec![]).await;
        self.client
            .enter_parent_frame()
            .await
            .expect("leave the frame");
        value.unwrap_or_else(|e| panic!("script in frame {index} failed: {e}\n{script}"))
    }

    /// Waits until a JavaScript expression is truthy inside the `index`-th iframe.
    pub async fn wait_in_frame(&self, index: u16, expression: &str) {
        let start = Instant::now();
        loop {
            let ok = self
                .js_in_frame(index, &format!("return !!({expression});"))
                .await;
            if ok == Value::Bool(true) {
                return;
            }
            assert!(
                start.elapsed() < STEP_TIMEOUT,
                "timed out in frame {index} waiting for `{expression}`"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The app path of the current URL (without the deployment prefix), with query and hash.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        let prefix = self.server.deployment.public_url.trim_end_matches('/');
        let mut path = url
            .path()
            .strip_prefix(prefix)
            .unwrap_or(url.path())
            .to_string();
        if let Some(q) = url.query() {
            path = format!("{path}?{q}");
        }
        if let Some(f) = url.fragment() {
            path = format!("{path}#{f}");
        }
        path
    }

    /// Runs axe-core in the page and fails with a readable list of any WCAG 2.2 A/AA violation.
    pub async fn assert_accessible(&self) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core found WCAG 2.2 AA violations on {}:\n{}",
            self.path().await,
            violations.join("\n")
        );
    }

    /// The WCAG 2.2 A/AA violations axe-core reports, one line each.
    pub async fn axe_violations(&self) -> Vec<String> {
        let has_axe = self.js("return typeof window.axe === 'object'").await;
        if has_axe != Value::Bool(true) {
            let path = project_dir().join("tools/node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (run tools/setup.sh test)", path.display()));
            self.client
                .execute(&source, vec![])
                .await
                .expect("inject axe-core");
        }
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { runOnly: { type: 'tag', values:
                       ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                     .then(r => done(r.violations.map(v =>
                         `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)))
                     .catch(e => done(['axe-core failed: ' + e]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    async fn read_log(&self, kind: &str) -> Vec<Value> {
        let entries = self
            .client
            .issue_cmd(RawCommand {
                method: http::Method::POST,
                path: "se/log".into(),
                body: Some(json!({ "type": kind })),
            })
            .await
            .unwrap_or_else(|e| panic!("read the {kind} log: {e}"));
        entries.as_array().cloned().unwrap_or_default()
    }

    async fn drain_logs(&self) {
        let console = self.read_log("browser").await;
        let messages = |level: &str| -> Vec<String> {
            console
                .iter()
                .filter(|e| e["level"] == level)
                .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                .collect()
        };
        let (errors, warnings) = (messages("SEVERE"), messages("WARNING"));
        let events: Vec<Value> = self
            .read_log("performance")
            .await
            .into_iter()
            .filter_map(|e| serde_json::from_str::<Value>(e["message"].as_str()?).ok())
            .map(|m| m["message"].clone())
            .collect();
        let mut logs = self.logs.lock().unwrap();
        logs.console_errors.extend(errors);
        logs.console_warnings.extend(warnings);
        for e in events {
            let params = &e["params"];
            let id = params["requestId"].as_str().unwrap_or_default().to_string();
            if e["method"] == "Network.requestWillBeSent" {
                let url = params["request"]["url"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                logs.requested_urls.push(url.clone());
                logs.request_ids.insert(id, url);
            } else if e["method"] == "Network.loadingFailed" && params["canceled"] == true {
                let url = logs.request_ids.get(&id).cloned().unwrap_or(id);
                logs.canceled_urls.push(url);
            }
        }
    }

    /// The browser console's errors so far (uncaught exceptions, console.error, failed loads).
    pub async fn console_errors(&self) -> Vec<String> {
        self.drain_logs().await;
        self.logs.lock().unwrap().console_errors.clone()
    }

    /// The browser console's warnings so far (hydration problems are reported here).
    pub async fn console_warnings(&self) -> Vec<String> {
        self.drain_logs().await;
        self.logs.lock().unwrap().console_warnings.clone()
    }

    /// Every URL the page requested so far from a host other than this machine.
    pub async fn foreign_requests(&self) -> Vec<String> {
        self.drain_logs().await;
        let logs = self.logs.lock().unwrap();
        logs.requested_urls
            .iter()
            .filter(|u| !is_local(u))
            .cloned()
            .collect()
    }

    /// Every URL whose request the page cancelled.
    pub async fn canceled_requests(&self) -> Vec<String> {
        self.drain_logs().await;
        self.logs.lock().unwrap().canceled_urls.clone()
    }

    /// Every URL the page requested so far.
    pub async fn requested_urls(&self) -> Vec<String> {
        self.drain_logs().await;
        self.logs.lock().unwrap().requested_urls.clone()
    }

    /// Sets the viewport to an exact size (a headless window cannot be made one);
    /// below 600 px wide it is a phone's.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
    }

    /// Calls a Chrome DevTools Protocol method (e.g. network or CPU emulation).
    pub async fn cdp(&self, method: &str, params: Value) -> Value {
        self.client
            .issue_cmd(RawCommand {
                method: http::Method::POST,
                path: "goog/cdp/execute".into(),
                body: Some(json!({ "cmd": method, "params": params })),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {method}: {e}"))
    }

    /// Ends the test: the console showed no error and nothing went to another host.
    pub async fn finish(self) {
        self.finish_allowing(&[]).await
    }

    /// Like `finish`, but console errors containing one of `expected` are allowed
    /// (a test that makes a fetch fail on purpose expects the browser to log it).
    pub async fn finish_allowing(self, expected: &[&str]) {
        let errors: Vec<String> = self
            .console_errors()
            .await
            .into_iter()
            .filter(|e| !expected.iter().any(|x| e.contains(x)))
            .collect();
        let foreign = self.foreign_requests().await;
        let _ = self.client.clone().close().await;
        assert!(
            errors.is_empty(),
            "the browser console shows errors:\n{}",
            errors.join("\n")
        );
        assert!(
            foreign.is_empty(),
            "requests went to other hosts:\n{}",
            foreign.join("\n")
        );
    }
}

/// Reads a file of the served build over HTTP/1.1 with the given Accept-Encoding,
/// returning the status line and headers (lower-cased names).
pub async fn http_head(
    server: &Server,
    app_path: &str,
    accept_encoding: &str,
) -> (u16, Vec<(String, String)>) {
    let (status, headers, _) = http_get(server, app_path, accept_encoding).await;
    (status, headers)
}

/// A plain GET, as a crawler or a link preview makes it (no JavaScript): the status,
/// the headers (lower-cased names) and the body as text.
pub async fn http_get(
    server: &Server,
    app_path: &str,
    accept_encoding: &str,
) -> (u16, Vec<(String, String)>, String) {
    let url = url::Url::parse(&server.url(app_path)).unwrap();
    let mut sock = tokio::net::TcpStream::connect((url.host_str().unwrap(), url.port().unwrap()))
        .await
        .expect("connect to nginx");
    let path = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n"
    );
    sock.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    sock.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

/// The paths of the wasm modules a page loaded: a script for `js` or `js_in_frame`.
pub const LOADED_MODULES: &str = "return performance.getEntriesByType('resource') \
     .map(e => new URL(e.name).pathname).filter(p => p.endsWith('.wasm'))";

/// The path of the one module in `loaded` (from [`LOADED_MODULES`]) if there is one
/// and its file name starts with `bundle`.
pub fn only_module(loaded: &Value, bundle: &str) -> Option<String> {
    match loaded.as_array()?.as_slice() {
        [path] => path
            .as_str()
            .filter(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with(bundle)))
            .map(str::to_string),
        _ => None,
    }
}

/// A copy of the bundled content in a temporary folder, for tests that break it.
pub fn content_copy() -> TempDir {
    let dir = TempDir::new("content");
    copy_dir(&project_dir().join("public/content"), dir.path());
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The brotli size of each content file, by its path under the content folder.
pub fn brotli_size(file: &Path) -> usize {
    static SIZES: OnceLock<Mutex<HashMap<PathBuf, usize>>> = OnceLock::new();
    let sizes = SIZES.get_or_init(Default::default);
    if let Some(&n) = sizes.lock().unwrap().get(file) {
        return n;
    }
    let out = std::process::Command::new("brotli")
        .args(["-c", "-q", "11"])
        .arg(file)
        .output()
        .expect("brotli (installed by tools/setup.sh)");
    assert!(out.status.success(), "brotli {}", file.display());
    sizes
        .lock()
        .unwrap()
        .insert(file.to_path_buf(), out.stdout.len());
    out.stdout.len()
}

/// The content files (under `content`) the page fetched since the last call, from the browser's
/// resource timing, and their size in brotli.
pub async fn content_fetched(app: &App, content: &Path) -> (usize, Vec<String>) {
    let urls = app
        .js(
            "const e = performance.getEntriesByType('resource').map(r => r.name); \
             performance.clearResourceTimings(); return e;",
        )
        .await;
    let files: Vec<String> = urls
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| {
            u.as_str()?
                .split_once("/content/")
                .map(|(_, f)| f.to_string())
        })
        .collect();
    let bytes = files
        .iter()
        .map(|f| brotli_size(&content.join(f.split('?').next().unwrap())))
        .sum();
    (bytes, files)
}

/// Each view in a state the build did not prerender, so it loads its content in the
/// browser as after client-side navigation (on the sample set), and what shows it.
pub const FRESH_VIEWS: [(&str, &str); 4] = [
    ("/?page=2", ".card"),
    ("/category/aga?page=2", ".card"),
    ("/column/sample-00042", ".article__title"),
    ("/faq?q=%E5%89%AF%E4%BD%9C%E7%94%A8", ".faq-item"),
];

/// Opens each of [`FRESH_VIEWS`]: the content it fetched (brotli bytes, files).
pub async fn first_load_bytes(
    app: &App,
    content: &Path,
) -> Vec<(&'static str, usize, Vec<String>)> {
    let mut out = Vec::new();
    for (path, ready) in FRESH_VIEWS {
        app.open(path).await;
        app.wait_for(ready).await;
        let (bytes, files) = content_fetched(app, content).await;
        out.push((path, bytes, files));
    }
    out
}
