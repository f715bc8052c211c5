//! Validates a parsed file against its JSON Schema, reporting every problem with a
//! JSON pointer. Implements the subset of JSON Schema 2020-12 that schemars emits for
//! the content types (see `KEYWORDS`); a test checks nothing else appears, so the
//! schemas and this walker cannot drift apart unnoticed.

use serde_json::{Map, Value};

use super::report::{child, quote};
use crate::content::Date;

/// Every keyword the walker understands. Annotations (`title`, `description`,
/// `default`, `$schema`) are accepted and ignored.
pub const KEYWORDS: &[&str] = &[
    "$schema",
    "$ref",
    "$defs",
    "title",
    "description",
    "default",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "oneOf",
    "anyOf",
    "const",
    "enum",
    "minimum",
    "maximum",
    "format",
    "pattern",
];

/// Formats the walker checks (`double` and `float` need no check beyond `number`).
pub const FORMATS: &[&str] = &[
    "date", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "uint",
    "int", "double", "float",
];

/// A structural problem: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

/// A schema ready to validate values against.
pub struct Validator {
    root: Value,
}

impl Validator {
    pub fn new(schema: schemars::Schema) -> Self {
        Validator {
            root: schema.to_value(),
        }
    }

    /// Every problem of `value`, in no particular order.
    pub fn validate(&self, value: &Value) -> Vec<Problem> {
        let mut walk = Walk {
            root: &self.root,
            problems: Vec::new(),
            refs_followed: 0,
        };
        let name = self.root.get("title").and_then(Value::as_str);
        walk.check(&self.root, value, "", name);
        walk.problems
    }
}

/// `$ref` chains longer than this without reaching data mean the schema loops.
const MAX_REF_CHAIN: usize = 32;

struct Walk<'s> {
    root: &'s Value,
    problems: Vec<Problem>,
    refs_followed: usize,
}

impl<'s> Walk<'s> {
    fn problem(&mut self, pointer: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    /// Checks `value` (at `pointer`) against `schema`; `name` is the schema's
    /// definition name, used to word messages ("unknown block type").
    fn check(&mut self, schema: &'s Value, value: &Value, pointer: &str, name: Option<&'s str>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return self.problem(pointer, "no value is allowed here"),
            Value::Object(schema) => schema,
            _ => return,
        };
        let mut name = name;
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let Some((target, def_name)) = self.resolve(reference) else {
                return self.problem(pointer, format!("schema error: cannot resolve {reference}"));
            };
            if self.refs_followed >= MAX_REF_CHAIN {
                return self.problem(pointer, "schema error: $ref loop");
            }
            self.refs_followed += 1;
            self.check(target, value, pointer, Some(def_name));
            self.refs_followed -= 1;
            name = Some(def_name);
        }
        for keyword in ["oneOf", "anyOf"] {
            if let Some(Value::Array(branches)) = schema.get(keyword) {
                self.choice(branches, value, pointer, name);
            }
        }
        if let Some(types) = schema.get("type") {
            if !accepts_type(types, value) {
                let expected = describe_types(types);
                return self.problem(
                    pointer,
                    format!("expected {expected}, found {}", kind_of(value)),
                );
            }
        }
        if let Some(constant) = schema.get("const") {
            if constant != value {
                return self.problem(
                    pointer,
                    format!("expected {}, found {}", show(constant), show(value)),
                );
            }
        }
        if let Some(Value::Array(options)) = schema.get("enum") {
            if !options.contains(value) {
                return self.problem(
                    pointer,
                    format!("expected one of {}, found {}", list(options), show(value)),
                );
            }
        }
        match value {
            Value::String(s) => self.string(schema, s, pointer),
            Value::Number(_) => self.number(schema, value, pointer),
            Value::Object(object) => self.object(schema, object, pointer),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    // Descending into data ends any `$ref` chain.
                    let refs = std::mem::take(&mut self.refs_followed);
                    for (i, item) in items.iter().enumerate() {
                        self.check(item_schema, item, &child(pointer, i), None);
                    }
                    self.refs_followed = refs;
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }

    /// `#/$defs/Name` (any JSON pointer into the root, in fact) and its last segment.
    fn resolve(&self, reference: &'s str) -> Option<(&'s Value, &'s str)> {
        let pointer = reference.strip_prefix('#')?;
        let target = self.root.pointer(pointer)?;
        Some((target, pointer.rsplit('/').next().unwrap_or(pointer)))
    }

    /// Follows `$ref`s to the schema a `oneOf`/`anyOf` branch stands for.
    fn follow(&self, mut schema: &'s Value) -> &'s Value {
        for _ in 0..MAX_REF_CHAIN {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match self.resolve(r) {
                    Some((target, _)) => schema = target,
                    None => break,
                },
                None => break,
            }
        }
        schema
    }

    fn string(&mut self, schema: &Map<String, Value>, s: &str, pointer: &str) {
        // `pattern` only ever accompanies `format: date`, which `Date::parse` checks
        // more strictly than the pattern could.
        if schema.get("format").and_then(Value::as_str) == Some("date") {
            if let Err(e) = Date::parse(s) {
                self.problem(pointer, format!("{}: {e}", quote(s)));
            }
        }
    }

    fn number(&mut self, schema: &Map<String, Value>, value: &Value, pointer: &str) {
        let Some(n) = value.as_f64() else { return };
        let (mut low, mut high) = schema
            .get("format")
            .and_then(Value::as_str)
            .and_then(integer_range)
            .map_or((None, None), |(l, h)| (Some(l), Some(h)));
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
            low = Some(low.map_or(min, |l: f64| l.max(min)));
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
            high = Some(high.map_or(max, |h: f64| h.min(max)));
        }
        if let Some(low) = low.filter(|&l| n < l) {
            self.problem(pointer, format!("must be at least {low}, found {value}"));
        } else if let Some(high) = high.filter(|&h| n > h) {
            self.problem(pointer, format!("must be at most {high}, found {value}"));
        }
    }

    fn object(
        &mut self,
        schema: &'s Map<String, Value>,
        object: &Map<String, Value>,
        pointer: &str,
    ) {
        if let Some(Value::Array(required)) = schema.get("required") {
            for key in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(key) {
                    self.problem(pointer, format!("missing field `{key}`"));
                }
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let refs = std::mem::take(&mut self.refs_followed);
        for (key, item) in object {
            let at = child(pointer, key);
            match (properties.and_then(|p| p.get(key)), additional) {
                (Some(property), _) => self.check(property, item, &at, None),
                (None, Some(Value::Bool(false))) => {
                    let expected = properties.map(|p| list_keys(p.keys())).unwrap_or_default();
                    self.problem(
                        &at,
                        format!("unknown field {}, expected one of {expected}", quote(key)),
                    );
                }
                (None, Some(extra)) => self.check(extra, item, &at, None),
                (None, None) => {}
            }
        }
        self.refs_followed = refs;
    }

    /// `oneOf`/`anyOf`. Picks the branch the value means, so problems are reported
    /// against that branch alone: by a constant tag field (internally tagged enums such
    /// as `Block`), by the single key (externally tagged enums such as `LinkTarget`),
    /// by the constant itself (unit enums such as `Topic`), or else by JSON type.
    fn choice(
        &mut self,
        branches: &'s [Value],
        value: &Value,
        pointer: &str,
        name: Option<&'s str>,
    ) {
        let resolved: Vec<&'s Value> = branches.iter().map(|b| self.follow(b)).collect();
        let what = name.map(words).unwrap_or_else(|| "value".to_string());

        if let Some(constants) = resolved
            .iter()
            .map(|b| b.get("const"))
            .collect::<Option<Vec<_>>>()
        {
            if !constants.contains(&value) {
                let all_strings = constants.iter().all(|c| c.is_string());
                let message = if all_strings && !value.is_string() {
                    format!("expected a string, found {}", kind_of(value))
                } else {
                    format!(
                        "unknown {what} {}, expected one of {}",
                        show(value),
                        list(constants)
                    )
                };
                self.problem(pointer, message);
            }
            return;
        }

        if let Some(tag) = tag_field(&resolved) {
            let Some(object) = value.as_object() else {
                return self.problem(
                    pointer,
                    format!("expected an object, found {}", kind_of(value)),
                );
            };
            let tags: Vec<&Value> = resolved.iter().filter_map(|b| tag_of(b, tag)).collect();
            match object.get(tag) {
                None => self.problem(
                    pointer,
                    format!("missing field `{tag}`, expected one of {}", list(tags)),
                ),
                Some(found) => match resolved.iter().find(|b| tag_of(b, tag) == Some(found)) {
                    Some(branch) => self.check(branch, value, pointer, None),
                    None if !found.is_string() => self.problem(
                        &child(pointer, tag),
                        format!("expected a string, found {}", kind_of(found)),
                    ),
                    None => self.problem(
                        &child(pointer, tag),
                        format!(
                            "unknown {what} {tag} {}, expected one of {}",
                            show(found),
                            list(tags)
                        ),
                    ),
                },
            }
            return;
        }

        if let Some(keys) = resolved
            .iter()
            .map(|b| single_key(b))
            .collect::<Option<Vec<_>>>()
        {
            let Some(object) = value.as_object() else {
                return self.problem(
                    pointer,
                    format!("expected an object, found {}", kind_of(value)),
                );
            };
            let expected = list_keys(keys.iter().copied());
            let mut present = object.keys();
            match (present.next(), present.next()) {
                (None, _) => self.problem(
                    pointer,
                    format!("expected one of {expected}, found an empty object"),
                ),
                (Some(key), None) => match keys.iter().position(|k| k == key) {
                    Some(i) => self.check(resolved[i], value, pointer, None),
                    None => self.problem(
                        &child(pointer, key),
                        format!("unknown {what} {}, expected one of {expected}", quote(key)),
                    ),
                },
                (Some(_), Some(_)) => self.problem(
                    pointer,
                    format!(
                        "a {what} has exactly one of {expected}, found {}",
                        list_keys(object.keys())
                    ),
                ),
            }
            return;
        }

        // Check against the branch as written, so a `$ref` names what it stands for.
        let fitting: Vec<&'s Value> = branches
            .iter()
            .zip(&resolved)
            .filter(|(_, r)| self.branch_accepts_type(r, value))
            .map(|(b, _)| b)
            .collect();
        match fitting.as_slice() {
            [] => {
                let mut expected: Vec<&str> = Vec::new();
                for r in &resolved {
                    for t in self.types_of(r) {
                        if !expected.contains(&t) {
                            expected.push(t);
                        }
                    }
                }
                let expected = describe_types(&Value::from(expected));
                self.problem(
                    pointer,
                    format!("expected {expected}, found {}", kind_of(value)),
                );
            }
            [only] => self.check(only, value, pointer, None),
            several => {
                let mut first_failure = None;
                for branch in several {
                    let mut trial = Walk {
                        root: self.root,
                        problems: Vec::new(),
                        refs_followed: self.refs_followed,
                    };
                    trial.check(branch, value, pointer, None);
                    if trial.problems.is_empty() {
                        return;
                    }
                    first_failure.get_or_insert(trial.problems);
                }
                self.problems.extend(first_failure.unwrap_or_default());
            }
        }
    }

    /// The JSON types a (resolved) schema allows, looking into `oneOf`/`anyOf`.
    fn types_of(&self, schema: &'s Value) -> Vec<&'s str> {
        match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => ["oneOf", "anyOf"]
                .iter()
                .filter_map(|k| schema.get(*k).and_then(Value::as_array))
                .flatten()
                .flat_map(|b| self.types_of(self.follow(b)))
                .collect(),
        }
    }

    fn branch_accepts_type(&self, branch: &'s Value, value: &Value) -> bool {
        match branch.get("type") {
            Some(types) => accepts_type(types, value),
            None => ["oneOf", "anyOf"].iter().all(|k| match branch.get(*k) {
                Some(Value::Array(bs)) => bs
                    .iter()
                    .any(|b| self.branch_accepts_type(self.follow(b), value)),
                _ => true,
            }),
        }
    }
}

/// The field every branch tags with a constant string (`type` for `Block`).
fn tag_field<'s>(branches: &[&'s Value]) -> Option<&'s str> {
    let first = branches.first()?.get("properties")?.as_object()?;
    first.keys().map(String::as_str).find(|key| {
        branches.iter().all(|b| {
            tag_of(b, key).is_some_and(Value::is_string)
                && b.get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|k| k == key))
        })
    })
}

fn tag_of<'s>(branch: &'s Value, tag: &str) -> Option<&'s Value> {
    branch.get("properties")?.get(tag)?.get("const")
}

/// The only key of a closed object with one required field (a branch of an
/// externally tagged enum, such as `{"url": …}`).
fn single_key(branch: &Value) -> Option<&str> {
    let required = branch.get("required")?.as_array()?;
    let properties = branch.get("properties")?.as_object()?;
    match (required.as_slice(), properties.len()) {
        ([key], 1) if branch.get("additionalProperties") == Some(&Value::Bool(false)) => {
            key.as_str()
        }
        _ => None,
    }
}

fn accepts_type(types: &Value, value: &Value) -> bool {
    match types {
        Value::String(t) => type_matches(t, value),
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(|t| type_matches(t, value)),
        _ => true,
    }
}

fn type_matches(t: &str, value: &Value) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        // As serde sees it: `1.0` is not an integer.
        "integer" => value.is_i64() || value.is_u64(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    }
}

fn describe_types(types: &Value) -> String {
    let names: Vec<&str> = match types {
        Value::String(t) => vec![t],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    names
        .iter()
        .map(|t| match *t {
            "null" => "null",
            "boolean" => "true or false",
            "string" => "a string",
            "number" => "a number",
            "integer" => "an integer",
            "array" => "an array",
            "object" => "an object",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn integer_range(format: &str) -> Option<(f64, f64)> {
    Some(match format {
        "uint8" => (0.0, u8::MAX as f64),
        "uint16" => (0.0, u16::MAX as f64),
        "uint32" => (0.0, u32::MAX as f64),
        "uint64" | "uint" => (0.0, u64::MAX as f64),
        "int8" => (i8::MIN as f64, i8::MAX as f64),
        "int16" => (i16::MIN as f64, i16::MAX as f64),
        "int32" => (i32::MIN as f64, i32::MAX as f64),
        "int64" | "int" => (i64::MIN as f64, i64::MAX as f64),
        _ => return None,
    })
}

/// A value for a message: strings in backticks, anything else as JSON.
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => quote(s),
        Value::Array(_) | Value::Object(_) => kind_of(value).to_string(),
        other => format!("`{other}`"),
    }
}

fn list<'a>(values: impl IntoIterator<Item = &'a Value>) -> String {
    values.into_iter().map(show).collect::<Vec<_>>().join(", ")
}

fn list_keys<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> String {
    keys.into_iter()
        .map(|k| quote(k.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `LinkTarget` → `link target`.
fn words(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::check::kinds::FileKind;
    use serde_json::json;

    fn problems(kind: FileKind, value: Value) -> Vec<String> {
        let mut out: Vec<String> = Validator::new(kind.schema())
            .validate(&value)
            .into_iter()
            .map(|p| format!("{}: {}", p.pointer, p.message))
            .collect();
        out.sort();
        out
    }

    fn article(body: Value) -> Value {
        json!({
            "slug": "a", "title": "t", "published": "2024-01-02",
            "category": "c", "supervisor": "d", "body": body
        })
    }

    #[test]
    fn every_keyword_and_format_in_the_schemas_is_understood() {
        fn visit(schema: &Value, path: &str) {
            let Some(object) = schema.as_object() else {
                return;
            };
            for (key, sub) in object {
                assert!(
                    KEYWORDS.contains(&key.as_str()),
                    "{path}: unsupported keyword {key}"
                );
                match key.as_str() {
                    "properties" | "$defs" => {
                        for (name, s) in sub.as_object().unwrap() {
                            visit(s, &format!("{path}/{key}/{name}"));
                        }
                    }
                    "oneOf" | "anyOf" => {
                        for s in sub.as_array().unwrap() {
                            visit(s, &format!("{path}/{key}"));
                        }
                    }
                    "items" | "additionalProperties" => visit(sub, &format!("{path}/{key}")),
                    "format" => assert!(
                        FORMATS.contains(&sub.as_str().unwrap()),
                        "{path}: format {sub}"
                    ),
                    "pattern" => assert_eq!(object.get("format"), Some(&json!("date")), "{path}"),
                    _ => {}
                }
            }
        }
        for kind in FileKind::ALL {
            visit(kind.schema().as_value(), &format!("{kind:?}"));
        }
    }

    #[test]
    fn accepts_valid_content() {
        let value = article(json!([
            {"type": "section", "id": "s", "title": "t", "collapsible": true, "topic": "side_effects",
             "blocks": [{"type": "paragraph", "text": "p"}]},
            {"type": "list", "items": ["a"], "ordered": false},
            {"type": "link", "text": "x", "to": {"article": {"slug": "b", "section": null}}},
            {"type": "link", "text": "x", "to": {"faq": {}}},
            {"type": "price_table", "rows": [{"item": "i", "yen": 4294967295u32}]},
            {"type": "consultation", "text": "c"}
        ]));
        assert_eq!(problems(FileKind::Article, value), Vec::<String>::new());
        let mut with_schema = article(json!([]));
        with_schema["$schema"] = json!("../schema/article.schema.json");
        with_schema["updated"] = json!(null);
        assert_eq!(
            problems(FileKind::Article, with_schema),
            Vec::<String>::new()
        );
    }

    #[test]
    fn reports_missing_unknown_and_mistyped_fields_all_at_once() {
        let mut value = article(json!([{"type": "paragraph", "text": 3, "extra": 1}]));
        value.as_object_mut().unwrap().remove("title");
        value["colour"] = json!("red");
        value["related"] = json!("b");
        assert_eq!(
            problems(FileKind::Article, value),
            [
                "/body/0/extra: unknown field `extra`, expected one of `text`, `type`",
                "/body/0/text: expected a string, found a number",
                "/colour: unknown field `colour`, expected one of `$schema`, `body`, `category`, \
                 `disclosures`, `published`, `related`, `slug`, `supervisor`, `title`, `updated`",
                "/related: expected an array, found a string",
                ": missing field `title`",
            ]
        );
    }

    #[test]
    fn picks_the_block_by_its_type_tag() {
        let value = article(json!([
            {"type": "paragrahp", "text": "x"},
            {"text": "x"},
            {"type": 1},
            {"type": "list"},
            "text"
        ]));
        assert_eq!(
            problems(FileKind::Article, value),
            [
                "/body/0/type: unknown block type `paragrahp`, expected one of `section`, \
                 `paragraph`, `list`, `link`, `price_table`, `consultation`",
                "/body/1: missing field `type`, expected one of `section`, `paragraph`, \
                 `list`, `link`, `price_table`, `consultation`",
                "/body/2/type: expected a string, found a number",
                "/body/3: missing field `items`",
                "/body/4: expected an object, found a string",
            ]
        );
    }

    #[test]
    fn picks_the_link_target_by_its_key() {
        let link = |to: Value| json!({"type": "link", "text": "x", "to": to});
        let value = article(json!([
            link(json!({"categry": "a"})),
            link(json!({})),
            link(json!({"url": "https://a.example", "faq": {}})),
            link(json!({"article": {"section": "s"}})),
            link(json!({"clinics": {"clinic": 3}})),
        ]));
        let expected = "`category`, `article`, `faq`, `clinics`, `url`";
        assert_eq!(
            problems(FileKind::Article, value),
            [
                format!(
                    "/body/0/to/categry: unknown link target `categry`, expected one of {expected}"
                ),
                format!("/body/1/to: expected one of {expected}, found an empty object"),
                format!(
                    "/body/2/to: a link target has exactly one of {expected}, found `faq`, `url`"
                ),
                "/body/3/to/article: missing field `slug`".to_string(),
                "/body/4/to/clinics/clinic: expected a string or null, found a number".to_string(),
            ]
        );
    }

    #[test]
    fn checks_constants_dates_and_integer_ranges() {
        let value = json!({
            "articles": [{
                "slug": "a", "title": "t", "published": "2023-02-30", "updated": "2023/01/01",
                "category": "c", "supervisor": "d", "excerpt": "", "reading_minutes": -1
            }, {
                "slug": "b", "title": "t", "published": 20230101, "updated": 5,
                "category": "c", "supervisor": "d", "excerpt": "", "reading_minutes": 1.5
            }, {
                "slug": "c", "title": "t", "published": "2023-01-01",
                "category": "c", "supervisor": "d", "excerpt": "", "reading_minutes": 4294967296u64
            }]
        });
        assert_eq!(
            problems(FileKind::Index, value),
            [
                "/articles/0/published: `2023-02-30`: there is no such day in the calendar",
                "/articles/0/reading_minutes: must be at least 0, found -1",
                "/articles/0/updated: `2023/01/01`: a date must be written YYYY-MM-DD",
                "/articles/1/published: expected a string, found a number",
                "/articles/1/reading_minutes: expected an integer, found a number",
                "/articles/1/updated: expected a string or null, found a number",
                "/articles/2/reading_minutes: must be at most 4294967295, found 4294967296",
            ]
        );
        let topic = article(json!([
            {"type": "section", "id": "s", "title": "t", "topic": "price", "blocks": []},
            {"type": "section", "id": "s", "title": "t", "topic": 2, "blocks": []},
        ]));
        assert_eq!(
            problems(FileKind::Article, topic),
            [
                "/body/0/topic: unknown topic `price`, expected one of `treatment`, `cost`, \
                 `side_effects`, `downsides`",
                "/body/1/topic: expected a string or null, found a number",
            ]
        );
    }

    #[test]
    fn the_root_must_be_an_object() {
        assert_eq!(
            problems(FileKind::Site, json!([1])),
            [": expected an object, found an array"]
        );
    }
}
