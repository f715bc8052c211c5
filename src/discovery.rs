//! The files crawlers and feed readers look for beside the pages: `sitemap.xml`,
//! `robots.txt` and an Atom feed of the articles. Built from the same typed paths and
//! content as the pages, with absolute URLs under the deployment's origin.

use crate::content::{Date, Index, Site};
use crate::markup::escape;
use crate::paths::{AppPath, Deployment};

/// Refuses an origin that would make every absolute URL wrong.
pub fn check_origin(origin: &str) -> Result<(), String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(|| format!("the site origin {origin:?} must start with https://"))?;
    let host = rest.trim_end_matches('/');
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        return Err(format!(
            "the site origin {origin:?} must be a scheme and host only, e.g. https://clinic.example"
        ));
    }
    Ok(())
}

/// The newest date in the content: when the list last changed.
fn newest(index: &Index) -> Option<Date> {
    index
        .articles
        .iter()
        .map(|a| a.updated.unwrap_or(a.published))
        .max()
}

/// Every indexable route, with `lastmod` from the content's dates.
pub fn sitemap(deployment: &Deployment, routes: &[AppPath], index: &Index) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let has_articles = |id: &str| index.articles.iter().any(|a| a.category == id);
    for route in routes.iter().filter(|r| r.indexable()) {
        // An empty category's page exists for its links, but is no page to land on.
        if let AppPath::List { category: Some(c) } = route {
            if !has_articles(c) {
                continue;
            }
        }
        let lastmod = match route {
            AppPath::List { category: Some(c) } => index
                .articles
                .iter()
                .filter(|a| &a.category == c)
                .map(|a| a.updated.unwrap_or(a.published))
                .max(),
            AppPath::Article { slug } => index
                .articles
                .iter()
                .find(|a| &a.slug == slug)
                .map(|a| a.updated.unwrap_or(a.published)),
            _ => newest(index),
        };
        out.push_str("  <url><loc>");
        out.push_str(&escape(&deployment.absolute(&route.path())));
        out.push_str("</loc>");
        if let Some(d) = lastmod {
            out.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Lets every crawler in and points it to the sitemap; embeds stay out of results.
pub fn robots(deployment: &Deployment) -> String {
    format!(
        "User-agent: *\nDisallow: {}\n\nSitemap: {}\n",
        deployment.href("/embed/"),
        deployment.absolute_file("sitemap.xml")
    )
}

/// How many of the newest articles the feed carries.
pub const FEED_ENTRIES: usize = 50;

/// An Atom feed of the newest articles (the index lists newest first).
pub fn atom_feed(deployment: &Deployment, site: &Site, index: &Index) -> String {
    let home = deployment.absolute("/");
    let updated = newest(index)
        .map(|d| format!("{d}T00:00:00+09:00"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n\
         \x20 <title>{title}</title>\n\
         \x20 <subtitle>{subtitle}</subtitle>\n\
         \x20 <id>{home}</id>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author><name>{author}</name></author>\n",
        title = escape(&site.column.name),
        subtitle = escape(&site.column.description),
        home = escape(&home),
        feed = escape(&deployment.absolute_file("feed.xml")),
        author = escape(&site.brand.name),
    );
    for a in index.articles.iter().take(FEED_ENTRIES) {
        let url = escape(&deployment.absolute(&AppPath::article(&a.slug).path()));
        let category = site
            .category(&a.category)
            .map(|c| c.name.as_str())
            .unwrap_or_default();
        out.push_str(&format!(
            "  <entry>\n\
             \x20   <title>{title}</title>\n\
             \x20   <id>{url}</id>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             \x20   <published>{published}T00:00:00+09:00</published>\n\
             \x20   <updated>{updated}T00:00:00+09:00</updated>\n\
             \x20   <category term=\"{category}\"/>\n\
             \x20   <summary>{summary}</summary>\n\
             \x20 </entry>\n",
            title = escape(&a.title),
            published = a.published,
            updated = a.updated.unwrap_or(a.published),
            category = escape(category),
            summary = escape(&a.excerpt),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled<T: serde::de::DeserializeOwned>(file: &str) -> T {
        let path = format!("{}/public/content/{file}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn deployment() -> Deployment {
        Deployment::new("https://clinic.example", "/column/")
    }

    #[test]
    fn origins_must_be_a_scheme_and_a_host() {
        assert!(check_origin("https://clinic.example").is_ok());
        assert!(check_origin("https://clinic.example/").is_ok());
        for bad in [
            "clinic.example",
            "https://",
            "https://a.example/column",
            "ftp://a",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_sitemap_lists_indexable_routes_with_content_dates() {
        let index: Index = bundled("index.json");
        let slugs: Vec<&str> = index.articles.iter().map(|a| a.slug.as_str()).collect();
        let routes = AppPath::prerendered(slugs.iter().copied(), ["exosome", "aga"]);
        let xml = sitemap(&deployment(), &routes, &index);
        let first = &index.articles[0];
        let loc = format!(
            "<loc>https://clinic.example/column/column/{}</loc><lastmod>{}</lastmod>",
            first.slug,
            first.updated.unwrap_or(first.published)
        );
        assert!(xml.contains(&loc), "{xml}");
        assert!(xml.contains("<loc>https://clinic.example/column/faq</loc>"));
        assert!(
            !xml.contains("/embed"),
            "embeds are not pages to land on: {xml}"
        );
        let exosome = "<loc>https://clinic.example/column/category/exosome</loc>";
        assert!(xml.contains(exosome), "{xml}");
        assert!(!xml.contains("category/aga"), "an empty category: {xml}");
        assert_eq!(
            xml.matches("<url>").count(),
            routes.iter().filter(|r| r.indexable()).count() - 1
        );
    }

    #[test]
    fn robots_points_to_the_sitemap() {
        let txt = robots(&deployment());
        assert!(txt.contains("Sitemap: https://clinic.example/column/sitemap.xml"));
        assert!(txt.contains("Disallow: /column/embed/"));
    }

    #[test]
    fn the_feed_escapes_content_and_links_every_article() {
        let site: Site = bundled("site.json");
        let mut index: Index = bundled("index.json");
        index.articles[0].title = "<b>A & B</b>".into();
        let xml = atom_feed(&deployment(), &site, &index);
        assert!(
            xml.contains("<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>"),
            "{xml}"
        );
        assert!(!xml.contains("<b>"));
        assert_eq!(
            xml.matches("<entry>").count(),
            index.articles.len().min(FEED_ENTRIES)
        );
        assert!(xml.contains(&format!(
            "href=\"https://clinic.example/column/column/{}\"",
            index.articles[0].slug
        )));
    }
}
