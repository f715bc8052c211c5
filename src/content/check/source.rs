//! Reads one content file defensively and parses it as JSON. Nothing a file contains
//! (its size, its bytes, its nesting) can make this panic; every failure becomes a
//! diagnostic that says where it is.

use std::cell::RefCell;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::report::{child, Location, Report, Severity};

/// Content files are small; anything larger is a mistake (or an attack) and is refused
/// before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The outcome of reading one file.
pub(crate) enum Loaded {
    /// There is no such file; whether that matters is the caller's call.
    Missing,
    /// It was there but unusable; the report says why.
    Failed,
    Parsed(Value),
}

/// Reads and parses `path`, reporting problems under the name `file`.
pub(crate) fn read_json(path: &Path, file: &str, report: &mut Report) -> Loaded {
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => return Loaded::Missing,
        Err(e) => {
            report.error(file, "", e.to_string());
            return Loaded::Failed;
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let (line, column) = position_after(&String::from_utf8_lossy(&bytes[..at]));
            let message = format!(
                "invalid UTF-8 (byte 0x{:02X}); content files must be saved as UTF-8",
                bytes[at]
            );
            report.push(
                Severity::Error,
                file,
                Location::Text { line, column },
                message,
            );
            return Loaded::Failed;
        }
    };
    // Browsers drop a byte order mark before the app parses the text, so it is harmless
    // there, but many tools choke on it.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            report.push(
                Severity::Warning,
                file,
                Location::Text { line: 1, column: 1 },
                "the file starts with a byte order mark; save it as UTF-8 without BOM",
            );
            rest
        }
        None => text,
    };
    parse(text, file, report)
}

enum ReadError {
    Missing,
    Folder,
    TooLarge(u64),
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::Folder => f.write_str("expected a file, found a folder"),
            ReadError::TooLarge(n) => write!(
                f,
                "the file is too large ({} MiB); content files may be at most {} MiB",
                n.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Io(e),
    })?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    // The size can change between the check and the read (or lie, for special
    // files), so the read itself is bounded too.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses JSON text. Syntax errors are reported by line and column; duplicate keys,
/// which serde_json would silently collapse but the typed model refuses, by pointer.
pub(crate) fn parse(text: &str, file: &str, report: &mut Report) -> Loaded {
    let duplicates = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Node {
        pointer: String::new(),
        duplicates: &duplicates,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    match parsed {
        Ok(value) => {
            let duplicates = duplicates.into_inner();
            if duplicates.is_empty() {
                return Loaded::Parsed(value);
            }
            for (pointer, key) in duplicates {
                report.error(
                    file,
                    &pointer,
                    format!("duplicate field {}", super::report::quote(&key)),
                );
            }
            Loaded::Failed
        }
        Err(e) => {
            let (line, column) = char_position(text, e.line(), e.column());
            report.push(
                Severity::Error,
                file,
                Location::Text { line, column },
                syntax_message(&e),
            );
            Loaded::Failed
        }
    }
}

/// serde_json's message without its own " at line L column C" suffix.
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// serde_json counts columns in bytes; editors count characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let line = line.max(1);
    let Some(text_line) = text.split('\n').nth(line - 1) else {
        return (line, byte_column.max(1));
    };
    let mut end = byte_column.min(text_line.len());
    while !text_line.is_char_boundary(end) {
        end += 1;
    }
    (line, text_line[..end].chars().count().max(1))
}

/// The line and column (both from 1) of the character that follows `before`.
fn position_after(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Builds a `serde_json::Value` while noting keys that occur twice in one object.
struct Node<'a> {
    pointer: String,
    duplicates: &'a RefCell<Vec<(String, String)>>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let node = Node {
                pointer: child(&self.pointer, items.len()),
                duplicates: self.duplicates,
            };
            match seq.next_element_seed(node)? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let pointer = child(&self.pointer, &key);
            let value = map.next_value_seed(Node {
                pointer: pointer.clone(),
                duplicates: self.duplicates,
            })?;
            if object.insert(key.clone(), value).is_some() {
                self.duplicates.borrow_mut().push((pointer, key));
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        let mut report = Report::default();
        let loaded = parse(text, "f.json", &mut report);
        assert_eq!(
            matches!(loaded, Loaded::Failed),
            !report.diagnostics.is_empty()
        );
        report.lines().collect()
    }

    #[test]
    fn parses_json_into_values() {
        let mut report = Report::default();
        let Loaded::Parsed(v) = parse(r#"{"a": [1, -2, 1.5, null, true, "x"]}"#, "f", &mut report)
        else {
            panic!("{:?}", report.diagnostics)
        };
        assert_eq!(v, serde_json::json!({"a": [1, -2, 1.5, null, true, "x"]}));
    }

    #[test]
    fn syntax_errors_have_line_and_character_column() {
        assert_eq!(
            lines("{\n  \"a\": 1,\n}"),
            ["f.json:3:1: error: trailing comma"]
        );
        // The column counts the Japanese characters once each, not three bytes each.
        assert_eq!(
            lines("{\"題\": \"あいう\" x}"),
            ["f.json:1:13: error: expected `,` or `}`"]
        );
        assert_eq!(lines(""), ["f.json:1:1: error: EOF while parsing a value"]);
    }

    #[test]
    fn duplicate_keys_are_reported_by_pointer() {
        assert_eq!(
            lines(r#"{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}]}"#),
            [
                "f.json:/a/b: error: duplicate field `b`",
                "f.json:/c/0/d: error: duplicate field `d`"
            ]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let out = lines(&deep);
        assert_eq!(out, ["f.json:1:128: error: recursion limit exceeded"]);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let dir = std::env::temp_dir().join(format!("content-check-utf8-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        fs::write(&path, b"{\n  \"a\": \"\xe3\x81\x82\xff\"\n}").unwrap();
        let mut report = Report::default();
        assert!(matches!(
            read_json(&path, "bad.json", &mut report),
            Loaded::Failed
        ));
        assert_eq!(
            report.lines().collect::<Vec<_>>(),
            ["bad.json:2:10: error: invalid UTF-8 (byte 0xFF); content files must be saved as UTF-8"]
        );
        let mut report = Report::default();
        assert!(matches!(read_json(&dir, "d", &mut report), Loaded::Failed));
        assert_eq!(
            report.lines().collect::<Vec<_>>(),
            ["d:/: error: expected a file, found a folder"]
        );
        assert!(matches!(
            read_json(&dir.join("none.json"), "n", &mut report),
            Loaded::Missing
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
