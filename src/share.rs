//! Share links: plain URLs of each service's share page, so no third-party script
//! or request runs until the reader chooses to share.

use crate::listing::encode;

/// Share images (`og:image`) are 1200×630, the size every preview crops well.
pub const SHARE_IMAGE_WIDTH: u32 = 1200;
pub const SHARE_IMAGE_HEIGHT: u32 = 630;

/// The file of a page's share image in the build: one per article, one for the rest.
pub fn share_image(article_slug: Option<&str>) -> String {
    match article_slug {
        Some(slug) => format!("share/{slug}.png"),
        None => "share/column.png".into(),
    }
}

/// A share destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    /// The service's name as readers know it.
    pub service: &'static str,
    pub href: String,
}

/// The share links for a page, in the order Japanese readers expect them.
pub fn share_links(page_url: &str, title: &str) -> Vec<ShareLink> {
    let (u, t) = (encode(page_url), encode(title));
    vec![
        ShareLink {
            service: "X",
            href: format!("https://x.com/intent/post?text={t}&url={u}"),
        },
        ShareLink {
            service: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            service: "LINE",
            href: format!("https://social-plugins.line.me/lineit/share?url={u}"),
        },
        ShareLink {
            service: "はてなブックマーク",
            href: format!("https://b.hatena.ne.jp/add?mode=confirm&url={u}&title={t}"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_encoded_url_and_title() {
        let links = share_links("https://clinic.example/column/x?a=1&b=2", "副作用&<x>");
        assert_eq!(links.len(), 4);
        for l in &links {
            assert!(l.href.starts_with("https://"), "{l:?}");
            assert!(
                l.href
                    .contains("https%3A%2F%2Fclinic.example%2Fcolumn%2Fx%3Fa%3D1%26b%3D2"),
                "{l:?}"
            );
            assert!(!l.href.contains('<'));
        }
        assert!(links[0]
            .href
            .contains("text=%E5%89%AF%E4%BD%9C%E7%94%A8%26%3Cx%3E"));
    }
}
