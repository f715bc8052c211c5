//! What a check finds, and how it is printed: one line per problem,
//! `FILE:JSON-POINTER: error: message` (or `FILE:LINE:COLUMN: …` for text that is not
//! JSON), in an order that does not depend on the file system.

use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    /// An RFC 6901 JSON pointer into the parsed file; `""` is the whole file.
    Pointer(String),
    /// A place in the text, for files that could not be parsed. Both count from 1;
    /// columns count characters, not bytes, as editors do.
    Text { line: usize, column: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The file, relative to the content folder, with `/` separators.
    pub file: String,
    pub location: Location,
    pub severity: Severity,
    pub message: String,
    /// For the medical-advertising checks: the rule, the sentence and a hint, for the
    /// editor's report.
    pub finding: Option<Finding>,
}

/// A rule of Japan's medical advertising guideline (医療広告ガイドライン) that the
/// checker applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Rule {
    /// A short, stable name, e.g. `comparative`.
    pub id: &'static str,
    /// What the rule is about, in Japanese, e.g. 「他との比較」.
    pub name: &'static str,
    /// The guideline's category, e.g. 比較優良広告.
    pub category: &'static str,
}

/// What a medical-advertising check found, beyond its one-line message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Finding {
    pub rule: Rule,
    /// The sentence reported, verbatim; empty when something is missing.
    pub sentence: String,
    /// The text the sentence is in, for context.
    pub context: String,
    /// How to fix it.
    pub hint: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", printable(&self.file))?;
        match &self.location {
            Location::Pointer(p) if p.is_empty() => f.write_str("/")?,
            Location::Pointer(p) => f.write_str(&printable(p))?,
            Location::Text { line, column } => write!(f, "{line}:{column}")?,
        }
        write!(f, ": {}: {}", self.severity, printable(&self.message))
    }
}

impl Diagnostic {
    fn sort_key(&self) -> (&str, LocationKey<'_>, Severity, &str) {
        (
            &self.file,
            LocationKey(&self.location),
            self.severity,
            &self.message,
        )
    }
}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Diagnostic {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

/// Orders text positions first, then pointers segment by segment, numbers by value,
/// so `/body/2` comes before `/body/10`.
#[derive(PartialEq, Eq)]
struct LocationKey<'a>(&'a Location);

impl PartialOrd for LocationKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LocationKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.0, other.0) {
            (Location::Text { line, column }, Location::Text { line: l, column: c }) => {
                (line, column).cmp(&(l, c))
            }
            (Location::Text { .. }, Location::Pointer(_)) => Ordering::Less,
            (Location::Pointer(_), Location::Text { .. }) => Ordering::Greater,
            (Location::Pointer(a), Location::Pointer(b)) => segments(a).cmp(segments(b)),
        }
    }
}

fn segments(pointer: &str) -> impl Iterator<Item = Segment<'_>> {
    pointer.split('/').skip(1).map(Segment::of)
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Segment<'a> {
    Index(u64),
    Name(&'a str),
}

impl<'a> Segment<'a> {
    fn of(s: &'a str) -> Self {
        match s.parse() {
            Ok(n) if !s.starts_with('+') => Segment::Index(n),
            _ => Segment::Name(s),
        }
    }
}

/// Everything one run found, and how many files it read.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Content files that were present and read (whether or not they were valid).
    pub files: usize,
}

impl Report {
    pub(crate) fn push(
        &mut self,
        severity: Severity,
        file: &str,
        location: Location,
        message: impl Into<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            file: file.to_string(),
            location,
            severity,
            message: message.into(),
            finding: None,
        });
    }

    /// A medical-advertising warning: the message names the rule, the sentence and
    /// the hint, and the finding keeps them apart for the editor's report.
    pub(crate) fn finding(&mut self, file: &str, pointer: &str, finding: Finding) {
        let mut message = format!("{} ({}): ", finding.rule.category, finding.rule.name);
        if !finding.sentence.is_empty() {
            message.push_str(&format!("{}: ", quote(finding.sentence.trim())));
        }
        message.push_str(&finding.hint);
        self.push(
            Severity::Warning,
            file,
            Location::Pointer(pointer.to_string()),
            message,
        );
        if let Some(last) = self.diagnostics.last_mut() {
            last.finding = Some(finding);
        }
    }

    /// An error at a JSON pointer (`""` for the whole file).
    pub(crate) fn error(&mut self, file: &str, pointer: &str, message: impl Into<String>) {
        self.push(
            Severity::Error,
            file,
            Location::Pointer(pointer.to_string()),
            message,
        );
    }

    /// A warning at a JSON pointer (`""` for the whole file).
    pub(crate) fn warning(&mut self, file: &str, pointer: &str, message: impl Into<String>) {
        self.push(
            Severity::Warning,
            file,
            Location::Pointer(pointer.to_string()),
            message,
        );
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// `--strict`: every warning becomes an error.
    pub fn promote_warnings(&mut self) {
        for d in &mut self.diagnostics {
            d.severity = Severity::Error;
        }
    }

    /// Sorts by file, then position, and drops exact repeats.
    pub(crate) fn sort(&mut self) {
        self.diagnostics.sort();
        self.diagnostics.dedup();
    }

    /// One line per problem, in order.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.diagnostics.iter().map(ToString::to_string)
    }

    /// e.g. `content-check: 2 errors, 1 warning in 6 files`.
    pub fn summary(&self) -> String {
        format!(
            "content-check: {}, {} in {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning"),
            plural(self.files, "file"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Escapes what must never reach a terminal raw: control characters, and the
/// bidirectional overrides that can make a line read differently from what it says.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How long a value may be when a message quotes it.
const QUOTE_CHARS: usize = 40;

/// A value from the content, quoted for a message: in backticks, cut short if long.
/// (Escaping happens when the whole line is printed.)
pub fn quote(s: &str) -> String {
    format!("`{}`", crate::content::summary::truncate(s, QUOTE_CHARS))
}

/// `base` extended by one RFC 6901 segment (`~` and `/` escaped).
pub fn child(base: &str, segment: impl fmt::Display) -> String {
    let segment = segment.to_string();
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &str, pointer: &str) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            location: Location::Pointer(pointer.into()),
            severity: Severity::Error,
            message: "m".into(),
            finding: None,
        }
    }

    #[test]
    fn lines_name_file_pointer_and_severity() {
        assert_eq!(at("site.json", "").to_string(), "site.json:/: error: m");
        assert_eq!(
            at("articles/a.json", "/body/3/blocks/0/text").to_string(),
            "articles/a.json:/body/3/blocks/0/text: error: m"
        );
        let text = Diagnostic {
            location: Location::Text { line: 3, column: 7 },
            ..at("faq.json", "")
        };
        assert_eq!(text.to_string(), "faq.json:3:7: error: m");
    }

    #[test]
    fn sorts_by_file_then_position_with_numbers_by_value() {
        let mut r = Report::default();
        for (f, p) in [
            ("site.json", "/b"),
            ("articles/a.json", "/body/10"),
            ("articles/a.json", "/body/2/text"),
            ("articles/a.json", "/body/2"),
            ("articles/a.json", ""),
        ] {
            r.diagnostics.push(at(f, p));
        }
        r.sort();
        let order: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| match &d.location {
                Location::Pointer(p) => format!("{}:{p}", d.file),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            order,
            [
                "articles/a.json:",
                "articles/a.json:/body/2",
                "articles/a.json:/body/2/text",
                "articles/a.json:/body/10",
                "site.json:/b"
            ]
        );
    }

    #[test]
    fn escapes_control_and_bidi_characters() {
        assert_eq!(printable("a\nb\u{7}c\u{202e}d"), "a\\nb\\u{7}c\\u{202e}d");
        assert_eq!(printable("日本語"), "日本語");
    }

    #[test]
    fn pointer_segments_escape_tilde_and_slash() {
        assert_eq!(child("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(child("", 3), "/3");
    }

    #[test]
    fn summary_counts_with_plurals() {
        let mut r = Report {
            files: 1,
            ..Report::default()
        };
        r.error("a", "", "x");
        r.warning("a", "", "y");
        r.warning("a", "/z", "y");
        assert_eq!(r.summary(), "content-check: 1 error, 2 warnings in 1 file");
        r.promote_warnings();
        assert_eq!(r.errors(), 3);
    }
}
