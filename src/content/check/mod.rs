//! The content validator behind `content-check`: reads a content folder, checks every
//! file against the JSON Schema generated from the Rust types, then checks what a
//! schema cannot say (ids, references, dates, the generated index, the medical
//! advertising rules) on the typed model, and reports every problem it finds.
//!
//! Pure Rust with no browser types; native only, as it reads the file system.

mod blocks;
mod claims;
pub mod compliance;
mod index;
pub mod kinds;
mod medical_ad;
pub mod report;
mod rules;
pub mod schema;
mod source;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::content::{files, Article, Clinics, Faq, Index, Site};
pub use index::index_json;
pub use kinds::FileKind;
pub use report::{Diagnostic, Location, Report, Severity};
use schema::Validator;
use source::Loaded;

/// What to tell an editor whose index is out of date.
pub const WRITE_INDEX_HINT: &str =
    "run `cargo run --features ssr --bin content-check -- --write-index`";

/// Checks the content folder `dir` and returns every problem, sorted.
pub fn check(dir: &Path) -> Report {
    let mut report = Report::default();
    let content = load(dir, &mut report);
    rules::check(&content, &mut report);
    index::check(&content, &mut report);
    medical_ad::check(&content, &mut report);
    report.sort();
    report
}

/// Why `write_index` wrote nothing.
#[derive(Debug)]
pub enum WriteIndexError {
    /// Some article files could not be read; an index without them would be wrong.
    UnreadableArticles(Report),
    Io(io::Error),
}

impl std::fmt::Display for WriteIndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteIndexError::UnreadableArticles(r) => write!(
                f,
                "index.json not written: {} problem(s) in the content must be fixed first",
                r.errors()
            ),
            WriteIndexError::Io(e) => write!(f, "index.json not written: {e}"),
        }
    }
}

/// Regenerates `index.json` and the derived files (see [`crate::content::derived`])
/// from the article files; returns how many articles there are. Writes nothing unless
/// every article file, `site.json` and `faq.json` can be read.
pub fn write_index(dir: &Path) -> Result<usize, WriteIndexError> {
    let mut report = Report::default();
    let loaded = load_articles(dir, &mut report);
    let site: Option<Site> = load_single(dir, FileKind::Site, &mut report);
    let faq: Option<Faq> = load_single(dir, FileKind::Faq, &mut report);
    let (Some(site), Some(faq), 0) = (site, faq, report.errors()) else {
        report.sort();
        return Err(WriteIndexError::UnreadableArticles(report));
    };
    let content = Content {
        articles: loaded.articles,
        articles_listed: loaded.listed,
        ..Content::default()
    };
    let owners = content.owners();
    let articles: Vec<Article> = owners.values().map(|a| a.article.clone()).collect();
    fs::write(dir.join(files::INDEX), index_json(&articles)).map_err(WriteIndexError::Io)?;
    write_derived(dir, &site, Some(&faq), &articles).map_err(WriteIndexError::Io)?;
    Ok(articles.len())
}

/// Replaces the folder of derived files with those of these articles.
pub fn write_derived(
    dir: &Path,
    site: &Site,
    faq: Option<&Faq>,
    articles: &[Article],
) -> io::Result<()> {
    let derived = dir.join(crate::content::derived::files::DIR);
    if derived.exists() {
        fs::remove_dir_all(&derived)?;
    }
    for (path, bytes) in crate::content::derived::derive(site, faq, articles) {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
    }
    Ok(())
}

/// Writes `schema/<kind>.schema.json` for every kind of content file; returns the paths.
pub fn write_schemas(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let schema_dir = dir.join(kinds::SCHEMA_DIR);
    fs::create_dir_all(&schema_dir)?;
    FileKind::ALL
        .iter()
        .map(|kind| {
            let path = schema_dir.join(kind.schema_file());
            fs::write(&path, kind.schema_text()).map(|()| path)
        })
        .collect()
}

/// The files of a content folder that passed the structural checks, typed.
#[derive(Default)]
pub(crate) struct Content {
    pub site: Option<Site>,
    pub clinics: Option<Clinics>,
    pub faq: Option<Faq>,
    pub index: Option<Index>,
    /// In file name order.
    pub articles: Vec<ArticleFile>,
    /// The names (without `.json`) of article files that could not be read. References
    /// to these slugs are not judged: the file's own error says what is wrong.
    pub unreadable: BTreeSet<String>,
    /// Whether the articles folder could be listed; if not, no article reference or
    /// index entry can be judged.
    pub articles_listed: bool,
}

pub(crate) struct ArticleFile {
    /// e.g. `articles/exosome-side-effects.json`.
    pub file: String,
    /// The file name without `.json`, which must be the slug.
    pub stem: String,
    pub article: Article,
}

impl Content {
    /// The article each slug stands for: the file named after it, else the first file
    /// (by name) that has it. Other files with the same slug are duplicates.
    pub fn owners(&self) -> HashMap<&str, &ArticleFile> {
        let mut owners = HashMap::new();
        for a in self.articles.iter().filter(|a| a.stem == a.article.slug) {
            owners.insert(a.article.slug.as_str(), a);
        }
        for a in &self.articles {
            owners.entry(a.article.slug.as_str()).or_insert(a);
        }
        owners
    }
}

fn load(dir: &Path, report: &mut Report) -> Content {
    let loaded = load_articles(dir, report);
    Content {
        site: load_single(dir, FileKind::Site, report),
        clinics: load_single(dir, FileKind::Clinics, report),
        faq: load_single(dir, FileKind::Faq, report),
        index: load_single(dir, FileKind::Index, report),
        articles: loaded.articles,
        unreadable: loaded.unreadable,
        articles_listed: loaded.listed,
    }
}

fn load_single<T: DeserializeOwned>(dir: &Path, kind: FileKind, report: &mut Report) -> Option<T> {
    let file = kind.file();
    match source::read_json(&dir.join(file), file, report) {
        Loaded::Missing => {
            report.error(file, "", "required file is missing");
            None
        }
        Loaded::Failed => {
            report.files += 1;
            None
        }
        Loaded::Parsed(value) => {
            report.files += 1;
            typed(&Validator::new(kind.schema()), kind, &value, file, report)
        }
    }
}

/// The structural pass, then (only if it found nothing) the typed model.
fn typed<T: DeserializeOwned>(
    validator: &Validator,
    kind: FileKind,
    value: &Value,
    file: &str,
    report: &mut Report,
) -> Option<T> {
    let problems = validator.validate(value);
    if !problems.is_empty() {
        for p in problems {
            report.error(file, &p.pointer, p.message);
        }
        return None;
    }
    if let Some(schema) = value.get("$schema").and_then(Value::as_str) {
        let expected = kind.schema_ref();
        if schema != expected {
            report.warning(
                file,
                "/$schema",
                format!(
                    "`$schema` should be `{expected}`, found {}",
                    report::quote(schema)
                ),
            );
        }
    }
    // The schema walker and serde should agree; if they ever do not, say so rather
    // than pass a file the app cannot read.
    match T::deserialize(value) {
        Ok(t) => Some(t),
        Err(e) => {
            report.error(file, "", format!("the app cannot read this file: {e}"));
            None
        }
    }
}

struct LoadedArticles {
    articles: Vec<ArticleFile>,
    unreadable: BTreeSet<String>,
    listed: bool,
}

fn load_articles(dir: &Path, report: &mut Report) -> LoadedArticles {
    let mut out = LoadedArticles {
        articles: Vec::new(),
        unreadable: BTreeSet::new(),
        listed: false,
    };
    let folder = files::ARTICLES_DIR;
    let path = dir.join(folder);
    let entries = match fs::metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            report.error(folder, "", "required folder is missing");
            return out;
        }
        Ok(meta) if !meta.is_dir() => {
            report.error(folder, "", "expected a folder, found a file");
            return out;
        }
        _ => {
            match fs::read_dir(&path).and_then(|entries| entries.collect::<io::Result<Vec<_>>>()) {
                Ok(entries) => entries,
                Err(e) => {
                    report.error(folder, "", format!("cannot read the folder: {e}"));
                    return out;
                }
            }
        }
    };
    out.listed = true;
    let mut names: Vec<_> = entries.into_iter().map(|e| e.file_name()).collect();
    names.sort();
    let validator = Validator::new(FileKind::Article.schema());
    for name in names {
        let shown = name.to_string_lossy();
        let file = format!("{folder}/{shown}");
        // Editors' and systems' hidden files (.DS_Store, swap files) are not content.
        if shown.starts_with('.') {
            continue;
        }
        let Some(name) = name.to_str() else {
            report.error(
                &file,
                "",
                "the file name is not valid UTF-8; name article files <slug>.json",
            );
            continue;
        };
        let Some(stem) = name.strip_suffix(".json") else {
            report.warning(
                &file,
                "",
                "ignored: the articles folder holds only <slug>.json files",
            );
            continue;
        };
        match source::read_json(&path.join(name), &file, report) {
            Loaded::Missing => continue,
            Loaded::Failed => {
                out.unreadable.insert(stem.to_string());
            }
            Loaded::Parsed(value) => {
                match typed::<Article>(&validator, FileKind::Article, &value, &file, report) {
                    Some(article) => out.articles.push(ArticleFile {
                        file,
                        stem: stem.to_string(),
                        article,
                    }),
                    None => {
                        out.unreadable.insert(stem.to_string());
                    }
                }
            }
        }
        report.files += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_content_has_no_errors() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content");
        let report = check(&dir);
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
