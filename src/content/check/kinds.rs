//! The kinds of content file, and the JSON Schema of each, generated from the Rust
//! types so the schema editors see and the checks this tool runs cannot disagree.

use crate::content::{files, Article, Clinics, Faq, Index, Site};

/// The folder, inside the content folder, that holds the schema files.
pub const SCHEMA_DIR: &str = "schema";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Site,
    Clinics,
    Faq,
    Index,
    Article,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [
        FileKind::Site,
        FileKind::Clinics,
        FileKind::Faq,
        FileKind::Index,
        FileKind::Article,
    ];

    fn name(self) -> &'static str {
        match self {
            FileKind::Site => "site",
            FileKind::Clinics => "clinics",
            FileKind::Faq => "faq",
            FileKind::Index => "index",
            FileKind::Article => "article",
        }
    }

    /// Where the file lives in the content folder; for articles, their folder.
    pub fn file(self) -> &'static str {
        match self {
            FileKind::Site => files::SITE,
            FileKind::Clinics => files::CLINICS,
            FileKind::Faq => files::FAQ,
            FileKind::Index => files::INDEX,
            FileKind::Article => files::ARTICLES_DIR,
        }
    }

    /// e.g. `site.schema.json`.
    pub fn schema_file(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// What the file's `$schema` says: a path relative to the file itself.
    pub fn schema_ref(self) -> String {
        match self {
            FileKind::Article => format!("../{SCHEMA_DIR}/{}", self.schema_file()),
            _ => format!("{SCHEMA_DIR}/{}", self.schema_file()),
        }
    }

    pub fn schema(self) -> schemars::Schema {
        match self {
            FileKind::Site => schemars::schema_for!(Site),
            FileKind::Clinics => schemars::schema_for!(Clinics),
            FileKind::Faq => schemars::schema_for!(Faq),
            FileKind::Index => schemars::schema_for!(Index),
            FileKind::Article => schemars::schema_for!(Article),
        }
    }

    /// The schema file's text, as committed: pretty JSON and a final newline.
    pub fn schema_text(self) -> String {
        pretty_json(&self.schema())
    }
}

/// Pretty JSON (two-space indent) with a final newline, as every generated file is.
pub fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Serializing these plain data types to a string cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schemas_match_the_types() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/content")
            .join(SCHEMA_DIR);
        for kind in FileKind::ALL {
            let path = dir.join(kind.schema_file());
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == kind.schema_text(),
                "{} differs from the schema generated from the Rust types: \
                 run `cargo run --features ssr --bin content-check -- --write-schema`",
                path.display()
            );
        }
    }

    #[test]
    fn schema_references_are_relative_to_the_file() {
        assert_eq!(FileKind::Site.schema_ref(), "schema/site.schema.json");
        assert_eq!(
            FileKind::Article.schema_ref(),
            "../schema/article.schema.json"
        );
    }
}
