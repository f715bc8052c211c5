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

#[cfg(test)]
mod tests {
    use super::*;

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
