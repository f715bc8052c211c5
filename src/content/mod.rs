//! Content: the typed model of the JSON files under `public/content/`, and the pure
//! logic derived from it. Free of browser types, so it is tested natively.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod date;
pub mod derived;
pub mod model;
pub mod summary;

pub use date::Date;
pub use model::*;

/// Where each file lives inside the content folder: the only place that knows.
pub mod files {
    pub const SITE: &str = "site.json";
    pub const CLINICS: &str = "clinics.json";
    pub const FAQ: &str = "faq.json";
    pub const INDEX: &str = "index.json";
    pub const ARTICLES_DIR: &str = "articles";

    /// The file of the article with this slug.
    pub fn article(slug: &str) -> String {
        format!("{ARTICLES_DIR}/{slug}.json")
    }
}

/// Whether `s` is a well-formed slug or id: lowercase ASCII letters and digits in
/// words joined by single hyphens, at most 80 characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        for ok in ["exosome-side-effects", "glp-1", "a", "2023"] {
            assert!(is_slug(ok), "{ok}");
        }
        let too_long = "a".repeat(81);
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "a b",
            "../etc",
            "エクソソーム",
            "a/b",
            too_long.as_str(),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
