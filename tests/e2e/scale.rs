//! The list on the generated set of 10,000 sample articles (`make` builds it into
//! `target/synthetic`): counts, pages and search stay right at scale, and each view
//! fetches only what it shows. Expected counts come from a plain scan of the
//! generated article files, not from the index the app reads.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clinic_column::content::{Article, Site};
use clinic_column::listing::{paging, ListQuery};
use clinic_column::search::query_terms;
use clinic_column::search_index::{scan, search_fields};

use crate::harness::{content_fetched, first_load_bytes, project_dir, App, Deployment, Viewport};

fn synthetic_dir() -> PathBuf {
    project_dir().join("target/synthetic")
}

/// The generated site and articles, read once.
fn synthetic() -> &'static (Site, Vec<Article>) {
    static SET: OnceLock<(Site, Vec<Article>)> = OnceLock::new();
    SET.get_or_init(|| {
        let dir = synthetic_dir();
        let read = |p: &Path| {
            std::fs::read_to_string(p).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; run `make target/synthetic/index.json`",
                    p.display()
                )
            })
        };
        let site: Site = serde_json::from_str(&read(&dir.join("site.json"))).unwrap();
        let articles = std::fs::read_dir(dir.join("articles"))
            .expect("synthetic articles")
            .map(|e| serde_json::from_str(&read(&e.unwrap().path())).unwrap())
            .collect();
        (site, articles)
    })
}

/// The release build serving the generated set in place of its own content.
async fn on_the_generated_set() -> App {
    App::launch_with(
        Deployment::root().with_content(synthetic_dir()),
        Viewport::Desktop,
    )
    .await
}

/// (total, page, pages) by reading every article.
fn expected(category: Option<&str>, q: Option<&str>, page: Option<&str>) -> (usize, usize, usize) {
    let (site, articles) = synthetic();
    let query = ListQuery::parse(category, q, page);
    let category = query
        .category
        .as_ref()
        .filter(|c| site.category(c).is_some());
    let terms = query_terms(&query.q);
    let total = articles
        .iter()
        .filter(|a| category.is_none_or(|c| &a.category == c))
        .filter(|a| scan(&search_fields(a), &terms))
        .count();
    let (page, pages) = paging(total, query.page);
    (total, page, pages)
}

#[tokio::test]
async fn the_list_stays_correct_with_ten_thousand_articles() {
    let app = on_the_generated_set().await;

    let (total, _, pages) = expected(None, None, None);
    assert_eq!(total, synthetic().1.len());
    assert!(total > 10_000, "{total}");
    assert_eq!(pages, total.div_ceil(10));
    // The build prerendered `/` from the bundled content; a state it did not render
    // reads the served set.
    app.open("/?page=1").await;
    app.wait_text(
        ".result-count",
        format!("{total}件の記事(1 / {pages}ページ)"),
    )
    .await;
    assert_eq!(app.count(".card").await, 10);

    app.open(&format!("/?page={pages}")).await;
    app.wait_for(".card").await;
    assert_eq!(app.count(".card").await, total - (pages - 1) * 10);
    app.open("/?page=999999").await;
    app.wait_text(
        ".result-count",
        format!("{total}件の記事({pages} / {pages}ページ)"),
    )
    .await;

    let (total, _, pages) = expected(None, Some("えくそそーむ"), None);
    assert!(total > 100, "{total}");
    app.open("/?page=1").await;
    app.type_into("#column-search", "えくそそーむ").await;
    app.wait_until("location.search.includes('q=')").await;
    app.wait_text(
        ".result-count",
        format!("「えくそそーむ」で検索: {total}件の記事(1 / {pages}ページ)"),
    )
    .await;
    // Typed: the cards below the first few follow a frame later.
    app.wait_until("document.querySelectorAll('.card').length === 10")
        .await;
    assert!(app.count(".card mark").await >= 10);

    let (total, page, pages) = expected(Some("exosome"), None, Some("3"));
    assert_eq!(
        total,
        synthetic()
            .1
            .iter()
            .filter(|a| a.category == "exosome")
            .count()
    );
    app.open("/?category=exosome&page=3").await;
    app.wait_text(
        ".result-count",
        format!("「エクソソーム」の{total}件の記事({page} / {pages}ページ)"),
    )
    .await;
    app.click(".pagination a[rel='next']").await;
    app.wait_until("location.search.includes('page=4')").await;
    // The pager link is gone with the old page: focus moves to the result count.
    app.wait_until("document.activeElement.id === 'results-status'")
        .await;
    assert!(app
        .text(".result-count")
        .await
        .contains(&format!("(4 / {pages}ページ)")));
    app.assert_accessible().await;
    app.finish().await;
}

/// The most any view's first load, and a search, may fetch at 10,000 articles.
const VIEW_LIMIT: usize = 60 * 1024;
const SEARCH_LIMIT: usize = 50 * 1024;

#[tokio::test]
async fn views_and_searches_fetch_only_what_they_show() {
    let app = on_the_generated_set().await;
    for (path, bytes, files) in first_load_bytes(&app, &synthetic_dir()).await {
        println!(
            "first load of {path}: {bytes} bytes brotli in {} files",
            files.len()
        );
        assert!(
            !files.is_empty(),
            "{path} fetched nothing: not a fresh render"
        );
        assert!(bytes <= VIEW_LIMIT, "{path}: {bytes} bytes: {files:?}");
        assert!(
            !files.iter().any(|f| f.ends_with("index.json")),
            "{path} fetched the whole index: {files:?}"
        );
    }

    // A two-word search, committed at once as an input method commits it.
    app.open("/?page=1").await;
    app.wait_for(".card").await;
    content_fetched(&app, &synthetic_dir()).await;
    let q = "ダウンタイム 保湿";
    let (total, _, pages) = expected(None, Some(q), None);
    assert!(total > 100, "{total}");
    app.js(&format!(
        "const i = document.getElementById('column-search'); i.value = '{q}'; \
         i.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
    app.wait_text(
        ".result-count",
        format!("「{q}」で検索: {total}件の記事(1 / {pages}ページ)"),
    )
    .await;
    let (bytes, files) = content_fetched(&app, &synthetic_dir()).await;
    println!(
        "search {q:?}: {bytes} bytes brotli in {} files",
        files.len()
    );
    assert!(bytes <= SEARCH_LIMIT, "{bytes} bytes: {files:?}");
    assert!(files.iter().any(|f| f.contains("search/shards/")));
    // The article was not prerendered by the bundled build: its page answers 404.
    app.finish_allowing(&["/column/sample-00042 - "]).await;
}

/// A keystroke's results show the first cards with the new count, the others once that
/// frame is on screen; any other drawing (opening a page, paging) shows every card with
/// the count, so a scroll position restored on back exists. Keystrokes in quick
/// succession end with every card of the last results shown.
#[tokio::test]
async fn a_keystroke_shows_the_first_cards_at_once_and_the_rest_a_frame_later() {
    let app = on_the_generated_set().await;
    // Seen as the count changes: the observer runs right after the task that drew it.
    const CARDS_WITH_COUNT: &str = r#"const [q, done] = arguments;
        const count = () => document.querySelector('.result-count')?.textContent;
        const shown = () => [...document.querySelectorAll('.card')].filter(c => c.checkVisibility()).length;
        const before = count();
        const seen = new MutationObserver(() => {
            if (count() === undefined || count() === before) return;
            seen.disconnect();
            done(shown());
        });
        seen.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
        if (q !== null) {
            const input = document.getElementById('column-search');
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
            document.querySelector('.pagination a[rel=next]').click();
        }"#;
    const ALL_SHOWN: &str =
        "[...document.querySelectorAll('.card')].filter(c => c.checkVisibility()).length === 10 \
        && document.querySelectorAll('.card').length === 10";
    app.open("/?page=1").await;
    app.wait_until(ALL_SHOWN).await;
    for q in ["えくそそーむ", "ダーマペン", "サンプル"] {
        let (total, _, _) = expected(None, Some(q), None);
        assert!(total > 10, "{q}: {total}");
        let drawn = app
            .client
            .execute_async(CARDS_WITH_COUNT, vec![serde_json::json!(q)])
            .await
            .expect("keystroke");
        assert_eq!(drawn, serde_json::json!(3), "{q}");
        app.wait_until(ALL_SHOWN).await;
    }
    // Paging is not typing: the whole page comes with its count.
    let drawn = app
        .client
        .execute_async(CARDS_WITH_COUNT, vec![serde_json::Value::Null])
        .await
        .expect("next page");
    assert_eq!(drawn, serde_json::json!(10));
    // Keystrokes closer together than a frame, each with results of its own, again and
    // again: every time the last results end with all ten cards shown.
    let (words, last) = (
        ["えくそ", "えくそそ", "えくそそー", "えくそそーむ"],
        "サンプル",
    );
    for round in 0..10 {
        app.js(&format!(
            "return (async () => {{
                 const input = document.getElementById('column-search');
                 for (const q of {words:?}) {{
                     input.value = q;
                     input.dispatchEvent(new Event('input', {{ bubbles: true }}));
                     await new Promise(r => setTimeout(r, {round} * 3));
                 }}
                 input.value = {last:?};
                 input.dispatchEvent(new Event('input', {{ bubbles: true }}));
             }})()"
        ))
        .await;
        app.wait_until(&format!(
            "document.querySelector('.result-count')?.textContent.includes({last:?})"
        ))
        .await;
        app.wait_until(ALL_SHOWN).await;
        // Shown for good: a late step of an earlier keystroke hides nothing.
        app.js("return new Promise(r => setTimeout(r, 100))").await;
        assert_eq!(
            app.count(".article-list.is-typing").await,
            0,
            "round {round}"
        );
        app.wait_until(ALL_SHOWN).await;
    }
    app.finish().await;
}

/// Typed results lay out only the cards near the screen (`content-visibility: auto`);
/// a list drawn for a page or by back lays out every card, so a scroll position
/// restored there finds the same card.
#[tokio::test]
async fn typed_results_skip_the_cards_off_screen_and_other_lists_lay_out_every_card() {
    let app = on_the_generated_set().await;
    // Whether a card is laid out and painted, or skipped for now as off screen.
    const LAID_OUT: &str =
        "const laidOut = card => card.checkVisibility({ contentVisibilityAuto: true });";
    let skipped = |cards: &str| {
        format!(
            "{LAID_OUT} const cards = [...document.querySelectorAll({cards:?})];
             return cards.length ? cards.filter(c => !laidOut(c)).length : -1"
        )
    };
    let all_cards = skipped(".article-list > li > .card");
    app.open("/?page=1").await;
    app.wait_until("document.querySelectorAll('.card').length === 10")
        .await;
    app.after_two_frames().await;
    assert_eq!(app.js(&all_cards).await, 0);

    app.js("const input = document.getElementById('column-search');
         input.value = 'サンプル';
         input.dispatchEvent(new Event('input', { bubbles: true }));")
        .await;
    app.wait_until(
        "document.querySelector('.result-count')?.textContent.includes('サンプル') \
         && !document.querySelector('.article-list.is-typing')",
    )
    .await;
    // The first card is on screen; the last, 2,000 px below, waits until scrolled to.
    app.wait_until(&format!("(() => {{ {} }})() > 0", all_cards))
        .await;
    assert_eq!(
        app.js(&skipped(".article-list > li:first-child > .card"))
            .await,
        0
    );
    app.js("window.scrollTo(0, document.body.scrollHeight)")
        .await;
    app.wait_until(&format!(
        "(() => {{ {} }})() === 0",
        skipped(".article-list > li:last-child > .card")
    ))
    .await;

    // The next page is a link, not typing: every card laid out again.
    app.js("document.querySelector('.pagination a[rel=next]').click()")
        .await;
    app.wait_until(
        "document.querySelector('.result-count')?.textContent.includes('2 /') \
         && !document.querySelector('.article-list.is-typed')",
    )
    .await;
    app.after_two_frames().await;
    assert_eq!(app.js(&all_cards).await, 0);
    app.finish().await;
}
