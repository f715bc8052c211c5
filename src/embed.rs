//! Embedding on landing pages: the options an embed accepts (as query parameters of
//! `/embed/...`, or data attributes of the loader's placeholder), UTM tagging of the
//! links inside an embed, and the snippets marketers copy. Every option is validated;
//! a bad value is dropped with a warning and the embed still works.

use crate::listing::encode;
use crate::paths::AppPath;

/// The kinds of embed, and their paths under the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedKind {
    Article {
        slug: String,
    },
    Faq,
    Clinics,
    /// The latest columns, optionally of one category.
    Columns,
}

impl EmbedKind {
    pub fn path(&self) -> String {
        match self {
            EmbedKind::Article { slug } => AppPath::EmbedArticle { slug: slug.clone() }.path(),
            EmbedKind::Faq => AppPath::EmbedFaq.path(),
            EmbedKind::Clinics => AppPath::EmbedClinics.path(),
            EmbedKind::Columns => AppPath::EmbedColumns.path(),
        }
    }

    /// The iframe's accessible name.
    pub fn title(&self) -> &'static str {
        match self {
            EmbedKind::Article { .. } => "医師監修コラム記事",
            EmbedKind::Faq => "よくある質問",
            EmbedKind::Clinics => "クリニック紹介",
            EmbedKind::Columns => "新着コラム",
        }
    }
}

/// The colour scheme of an embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The UTM parameters an embed may carry, in the order they are written.
pub const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
];

/// Whether an embed view reads this query parameter (see [`EmbedOptions::parse`]).
pub fn is_option_key(key: &str) -> bool {
    matches!(key, "theme" | "accent" | "limit" | "category") || UTM_KEYS.contains(&key)
}

/// Latest-columns embeds show between 1 and this many articles.
pub const MAX_LIMIT: usize = 20;
pub const DEFAULT_LIMIT: usize = 5;
const MAX_UTM_CHARS: usize = 100;

/// An embed's validated options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub theme: Theme,
    /// A `#rrggbb` accent colour that keeps text readable.
    pub accent: Option<String>,
    /// UTM parameters, in `UTM_KEYS` order.
    pub utm: Vec<(String, String)>,
    /// For the latest-columns embed.
    pub limit: usize,
    pub category: Option<String>,
}

impl EmbedOptions {
    /// Reads options from query parameters; returns them with a warning per value
    /// that was dropped. `known_category` says whether a category id exists.
    pub fn parse<'a>(
        get: impl Fn(&str) -> Option<&'a str>,
        known_category: impl Fn(&str) -> bool,
    ) -> (Self, Vec<Warning>) {
        let mut warnings = Vec::new();
        let mut opts = EmbedOptions {
            limit: DEFAULT_LIMIT,
            ..Default::default()
        };
        if let Some(t) = get("theme") {
            match t {
                "auto" => opts.theme = Theme::Auto,
                "light" => opts.theme = Theme::Light,
                "dark" => opts.theme = Theme::Dark,
                other => warnings.push(Warning::Theme(other.to_string())),
            }
        }
        if let Some(a) = get("accent") {
            match accent(a) {
                Ok(c) => opts.accent = Some(c),
                Err(why) => warnings.push(Warning::Accent(a.to_string(), why)),
            }
        }
        for key in UTM_KEYS {
            if let Some(v) = get(key) {
                match utm_value(v) {
                    Some(v) => opts.utm.push((key.to_string(), v)),
                    None => warnings.push(Warning::Utm(key)),
                }
            }
        }
        if let Some(l) = get("limit") {
            match l.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => opts.limit = n,
                _ => warnings.push(Warning::Limit(l.to_string())),
            }
        }
        if let Some(c) = get("category").filter(|c| !c.is_empty()) {
            if known_category(c) {
                opts.category = Some(c.to_string());
            } else {
                warnings.push(Warning::Category(c.to_string()));
            }
        }
        (opts, warnings)
    }

    /// The options that differ from the defaults, as (parameter, value) pairs in a
    /// fixed order: the one list behind both the query string and the data attributes.
    fn pairs(&self, kind: &EmbedKind) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if self.theme != Theme::Auto {
            pairs.push(("theme".to_string(), self.theme.as_str().to_string()));
        }
        if let Some(a) = &self.accent {
            pairs.push(("accent".to_string(), a.clone()));
        }
        if *kind == EmbedKind::Columns {
            if self.limit != DEFAULT_LIMIT {
                pairs.push(("limit".to_string(), self.limit.to_string()));
            }
            if let Some(c) = &self.category {
                pairs.push(("category".to_string(), c.clone()));
            }
        }
        pairs.extend(self.utm.iter().cloned());
        pairs
    }

    /// The options as a query string (without `?`), defaults left out.
    pub fn to_query_string(&self, kind: &EmbedKind) -> String {
        self.pairs(kind)
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn utm_value(v: &str) -> Option<String> {
    let v = v.trim();
    let ok =
        !v.is_empty() && v.chars().count() <= MAX_UTM_CHARS && !v.chars().any(|c| c.is_control());
    ok.then(|| v.to_string())
}

/// An embed option that was dropped, and why: in English for the console of the page
/// that embeds (developers read it), in Japanese on the embed-code page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    Theme(String),
    /// The value, and why it was refused (see [`accent`]).
    Accent(String, AccentProblem),
    Utm(&'static str),
    Limit(String),
    Category(String),
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Theme(t) => write!(f, "theme=\"{t}\" is not light, dark or auto; using auto"),
            Warning::Accent(a, why) => write!(f, "accent=\"{a}\" ignored: {}", why.english()),
            Warning::Utm(key) => {
                write!(
                    f,
                    "{key} ignored: use up to {MAX_UTM_CHARS} visible characters"
                )
            }
            Warning::Limit(l) => write!(
                f,
                "limit=\"{l}\" is not a number from 1 to {MAX_LIMIT}; using {DEFAULT_LIMIT}"
            ),
            Warning::Category(c) => write!(f, "category=\"{c}\" does not exist; showing all"),
        }
    }
}

impl Warning {
    /// What the embed-code page tells a marketer.
    pub fn japanese(&self) -> String {
        match self {
            Warning::Theme(t) => {
                format!("配色「{t}」は使えません。閲覧者の設定に合わせて表示します。")
            }
            Warning::Accent(a, why) => {
                format!("アクセントカラー「{a}」は使えません: {}", why.japanese())
            }
            Warning::Utm(key) => format!(
                "{key} は使えません。改行などを含まない{MAX_UTM_CHARS}文字以内で入力してください。"
            ),
            Warning::Limit(l) => format!(
                "表示件数「{l}」は1〜{MAX_LIMIT}の数ではありません。{DEFAULT_LIMIT}件で表示します。"
            ),
            Warning::Category(c) => {
                format!("カテゴリー「{c}」はありません。すべてのカテゴリーを表示します。")
            }
        }
    }

    pub fn is_category(&self) -> bool {
        matches!(self, Warning::Category(_))
    }
}

/// Why an accent colour was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccentProblem {
    NotAColour,
    TooLight,
}

impl AccentProblem {
    fn english(self) -> &'static str {
        match self {
            AccentProblem::NotAColour => "use a colour such as #8a4b5c",
            AccentProblem::TooLight => "too light to read on a white background",
        }
    }

    fn japanese(self) -> &'static str {
        match self {
            AccentProblem::NotAColour => "#8a4b5c のような色の値で入力してください。",
            AccentProblem::TooLight => {
                "白い背景の上で文字が読みにくい明るさです。もっと濃い色を選んでください。"
            }
        }
    }
}

/// Accepts `#rgb` or `#rrggbb` (with or without `#`) dark enough for white button text
/// (WCAG AA, 4.5:1). The accent colours buttons and rules only, never body text, so it
/// cannot make text unreadable in either colour scheme.
pub fn accent(input: &str) -> Result<String, AccentProblem> {
    let hex = input.trim().trim_start_matches('#');
    let hex = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_string(),
        _ => return Err(AccentProblem::NotAColour),
    };
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AccentProblem::NotAColour);
    }
    let rgb = u32::from_str_radix(&hex, 16).map_err(|_| AccentProblem::NotAColour)?;
    let colour = [(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8];
    if contrast(colour, [255, 255, 255]) < 4.5 {
        return Err(AccentProblem::TooLight);
    }
    Ok(format!("#{}", hex.to_ascii_lowercase()))
}

fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The WCAG contrast ratio of two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Appends UTM parameters to a URL's query, before any `#fragment`, replacing the
/// same keys if the URL had them.
pub fn with_utm(url: &str, utm: &[(String, String)]) -> String {
    if utm.is_empty() {
        return url.to_string();
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or_default();
            !utm.iter().any(|(k, _)| k == key)
        })
        .map(str::to_string)
        .collect();
    params.extend(utm.iter().map(|(k, v)| format!("{k}={}", encode(v))));
    let mut out = format!("{path}?{}", params.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The loader snippet for a landing page. `app_url` is where the app is deployed,
/// ending in `/` (e.g. `https://clinic.example/column/`).
pub fn script_snippet(
    app_url: &str,
    kind: &EmbedKind,
    opts: &EmbedOptions,
    carry_utm: bool,
) -> String {
    let mut attrs = vec![format!(
        "data-clinic-column=\"{}\"",
        match kind {
            EmbedKind::Article { .. } => "article",
            EmbedKind::Faq => "faq",
            EmbedKind::Clinics => "clinics",
            EmbedKind::Columns => "columns",
        }
    )];
    if let EmbedKind::Article { slug } = kind {
        attrs.push(format!("data-slug=\"{}\"", html_attr(slug)));
    }
    for (k, v) in opts.pairs(kind) {
        attrs.push(format!(
            "data-{}=\"{}\"",
            k.replace('_', "-"),
            html_attr(&v)
        ));
    }
    if carry_utm {
        attrs.push("data-utm-from-page=\"true\"".into());
    }
    format!(
        "<div {}></div>\n<script src=\"{}embed.js\" async></script>",
        attrs.join(" "),
        html_attr(app_url)
    )
}

/// The plain iframe, for sites that strip scripts: it cannot size itself, so it gets a
/// fixed height and scrolls.
pub fn iframe_snippet(app_url: &str, kind: &EmbedKind, opts: &EmbedOptions) -> String {
    let qs = opts.to_query_string(kind);
    let src = format!(
        "{}{}{}",
        app_url.trim_end_matches('/'),
        kind.path(),
        if qs.is_empty() {
            String::new()
        } else {
            format!("?{qs}")
        }
    );
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"800\" style=\"border:0;max-width:100%\" sandbox=\"{SANDBOX}\"></iframe>",
        html_attr(&src),
        kind.title()
    )
}

/// What an embed's iframe may do: run its own scripts against its own origin, and
/// open links in a new tab; never navigate or script the landing page.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (EmbedOptions, Vec<Warning>) {
        EmbedOptions::parse(
            |k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| *v),
            |c| c == "exosome",
        )
    }

    #[test]
    fn good_options_are_kept() {
        let (o, w) = parse(&[
            ("theme", "dark"),
            ("accent", "#8A4B5C"),
            ("utm_source", "lp"),
            ("utm_campaign", "spring sale"),
            ("limit", "3"),
            ("category", "exosome"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.accent.as_deref(), Some("#8a4b5c"));
        assert_eq!(
            o.utm,
            [
                ("utm_source".to_string(), "lp".to_string()),
                ("utm_campaign".to_string(), "spring sale".to_string())
            ]
        );
        assert_eq!((o.limit, o.category.as_deref()), (3, Some("exosome")));
    }

    #[test]
    fn bad_options_are_dropped_with_a_warning() {
        let long = "x".repeat(101);
        let (o, w) = parse(&[
            ("theme", "purple"),
            ("accent", "red;background:url(x)"),
            ("utm_source", &long),
            ("utm_medium", "a\nb"),
            ("limit", "abc"),
            ("category", "<b>"),
        ]);
        assert_eq!(
            o,
            EmbedOptions {
                limit: DEFAULT_LIMIT,
                ..Default::default()
            }
        );
        assert_eq!(w.len(), 6, "{w:?}");
        assert!(parse(&[("limit", "0")]).1[0].to_string().contains("limit"));
        assert!(parse(&[("limit", "21")]).1[0].to_string().contains("limit"));
        // The embed-code page explains each in Japanese, with the value given.
        for warning in &w {
            let text = warning.japanese();
            assert!(!text.is_ascii() && !text.contains("ignored"), "{text}");
        }
        assert!(w[1].japanese().contains("red;background:url(x)"));
    }

    #[test]
    fn accents_must_keep_text_readable() {
        assert_eq!(accent("#036").as_deref(), Ok("#003366"));
        assert!(accent("#ffff00").is_err(), "yellow on white is unreadable");
        assert!(accent("#12345").is_err());
        assert!(accent("javascript:alert(1)").is_err());
        assert!(
            accent("+00000").is_err(),
            "from_str_radix alone would accept a sign"
        );
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
    }

    #[test]
    fn utm_goes_into_the_query_before_the_fragment() {
        let utm = vec![
            ("utm_source".to_string(), "lp".to_string()),
            ("utm_term".to_string(), "副作用 & x".to_string()),
        ];
        assert_eq!(
            with_utm("https://a.example/x", &utm),
            "https://a.example/x?utm_source=lp&utm_term=%E5%89%AF%E4%BD%9C%E7%94%A8%20%26%20x"
        );
        assert_eq!(
            with_utm("https://a.example/x?a=1&utm_source=old#s", &utm[..1]),
            "https://a.example/x?a=1&utm_source=lp#s"
        );
        assert_eq!(with_utm("/y", &[]), "/y");
    }

    #[test]
    fn snippets_escape_and_carry_the_options() {
        let (mut o, _) = parse(&[("theme", "light"), ("utm_source", "a\"b")]);
        o.limit = 3;
        let kind = EmbedKind::Columns;
        let s = script_snippet("https://c.example/column/", &kind, &o, true);
        assert!(s.contains("data-clinic-column=\"columns\""));
        assert!(s.contains("data-limit=\"3\""));
        assert!(s.contains("data-utm-source=\"a&quot;b\""));
        assert!(s.contains("data-utm-from-page=\"true\""));
        assert!(s.contains("<script src=\"https://c.example/column/embed.js\" async></script>"));
        let i = iframe_snippet(
            "https://c.example/column/",
            &EmbedKind::Article {
                slug: "exosome-side-effects".into(),
            },
            &o,
        );
        assert!(i.starts_with("<iframe src=\"https://c.example/column/embed/column/exosome-side-effects?theme=light&amp;utm_source=a%22b\""), "{i}");
        assert!(i.contains("title=\"医師監修コラム記事\""));
        assert!(i.contains(SANDBOX));
    }
}
