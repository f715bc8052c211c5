//! The list on the generated set of 10,000 sample articles (`make` builds it into
//! `target/synthetic`): counts, pages and search stay right at scale. Totals and
//! category counts are read straight from the files; the search count, which needs
//! the Japanese folding, comes from the natively tested listing logic.

use clinic_column::content::{Index, Site};
use clinic_column::listing::{list, searchable, ListQuery};

use crate::harness::{project_dir, App, Deployment, Viewport};

fn raw_index() -> Index {
    let path = project_dir().join("target/synthetic/index.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("synthetic content")).unwrap()
}

fn expected(category: Option<&str>, q: Option<&str>, page: Option<&str>) -> (usize, usize, usize) {
    let dir = project_dir().join("target/synthetic");
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f))
            .expect("synthetic content: run `make target/synthetic/index.json`")
    };
    let site: Site = serde_json::from_str(&read("site.json")).unwrap();
    let index: Index = serde_json::from_str(&read("index.json")).unwrap();
    let l = list(
        &searchable(&index.articles),
        &site,
        &ListQuery::parse(category, q, page),
    );
    (l.total, l.page, l.pages)
}

#[tokio::test]
async fn the_list_stays_correct_with_ten_thousand_articles() {
    let synthetic = project_dir().join("target/synthetic");
    let app = App::launch_with(
        Deployment::root().with_content(&synthetic),
        Viewport::Desktop,
    )
    .await;

    let (total, _, pages) = expected(None, None, None);
    let index = raw_index();
    assert_eq!(total, index.articles.len());
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
    assert!(app.count(".card mark").await >= 10);

    let (total, page, pages) = expected(Some("exosome"), None, Some("3"));
    assert_eq!(
        total,
        index
            .articles
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
