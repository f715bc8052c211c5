//! The app's base path: where it is deployed (`/` or a sub-path such as `/column/`),
//! read at start-up from the document's `<base href>` that the build writes.

/// The router base for a deployment path: no trailing slash, empty at the root.
///
/// `"/"` → `""`, `"/column/"` → `"/column"`, `"/a/b"` → `"/a/b"`.
pub fn router_base(base_path: &str) -> String {
    let trimmed = base_path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// The URL of a content file under a base path.
pub fn content_url(base_path: &str, file: &str) -> String {
    format!(
        "{}/content/{}",
        router_base(base_path),
        file.trim_start_matches('/')
    )
}

/// The browser URL of an app path (e.g. `/faq`) under a router base (see `router_base`).
pub fn href(router_base: &str, app_path: &str) -> String {
    if app_path == "/" && !router_base.is_empty() {
        format!("{router_base}/")
    } else {
        format!("{router_base}{app_path}")
    }
}

/// Where a content link leads: an app path, or an external https URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    App(String),
    External(String),
}

/// Maps a content link to where it leads. Anything but https is refused (None), so
/// content can never produce a `javascript:` or `data:` link.
pub fn destination(to: &crate::content::LinkTarget) -> Option<Destination> {
    use crate::content::LinkTarget;
    use crate::listing::encode;
    let with_hash = |path: String, hash: &Option<String>| match hash {
        Some(h) => format!("{path}#{}", encode(h)),
        None => path,
    };
    Some(match to {
        LinkTarget::Category(id) => Destination::App(format!("/?category={}", encode(id))),
        LinkTarget::Article(a) => Destination::App(with_hash(
            format!("/column/{}", encode(&a.slug)),
            &a.section,
        )),
        LinkTarget::Faq(f) => Destination::App(with_hash("/faq".into(), &f.item)),
        LinkTarget::Clinics(c) => Destination::App(with_hash("/clinics".into(), &c.clinic)),
        LinkTarget::Url(url) if url.starts_with("https://") => Destination::External(url.clone()),
        LinkTarget::Url(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FaqLink, LinkTarget, SectionLink};

    #[test]
    fn content_links_map_to_app_paths_and_only_https() {
        let d = |t: LinkTarget| destination(&t);
        assert_eq!(
            d(LinkTarget::Category("exosome".into())),
            Some(Destination::App("/?category=exosome".into()))
        );
        assert_eq!(
            d(LinkTarget::Article(SectionLink {
                slug: "a".into(),
                section: Some("side-effects".into())
            })),
            Some(Destination::App("/column/a#side-effects".into()))
        );
        assert_eq!(
            d(LinkTarget::Faq(FaqLink { item: None })),
            Some(Destination::App("/faq".into()))
        );
        assert_eq!(
            d(LinkTarget::Url("https://x.example/".into())),
            Some(Destination::External("https://x.example/".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "http://x.example/",
            "data:text/html,x",
            "//x.example",
        ] {
            assert_eq!(d(LinkTarget::Url(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn router_base_has_no_trailing_slash() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base(""), "");
        assert_eq!(router_base("/column/"), "/column");
        assert_eq!(router_base("/a/b"), "/a/b");
        assert_eq!(router_base("column/"), "/column");
    }

    #[test]
    fn hrefs_carry_the_base() {
        assert_eq!(href("", "/"), "/");
        assert_eq!(href("", "/faq"), "/faq");
        assert_eq!(href("/column", "/"), "/column/");
        assert_eq!(href("/column", "/column/x?q=1#a"), "/column/column/x?q=1#a");
    }

    #[test]
    fn content_urls_follow_the_base() {
        assert_eq!(content_url("/", "index.json"), "/content/index.json");
        assert_eq!(
            content_url("/column/", "articles/x.json"),
            "/column/content/articles/x.json"
        );
    }
}
