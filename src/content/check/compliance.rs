//! The editor's view of the medical-advertising checks: every finding with its
//! sentence in context, grouped by file and rule, as a self-contained HTML page
//! (`content-check --report compliance.html`) or as JSON for other tools
//! (`content-check --format json`).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::report::{Diagnostic, Finding, Location, Report, Rule};
use crate::markup::escape;

/// A finding and the diagnostic that carries it.
type Found<'a> = (&'a Diagnostic, &'a Finding);

fn pointer(d: &Diagnostic) -> String {
    match &d.location {
        Location::Pointer(p) if p.is_empty() => "/".into(),
        Location::Pointer(p) => p.clone(),
        Location::Text { line, column } => format!("{line}:{column}"),
    }
}

/// The findings, in the report's order.
fn findings(report: &Report) -> impl Iterator<Item = Found<'_>> {
    report
        .diagnostics
        .iter()
        .filter_map(|d| d.finding.as_ref().map(|f| (d, f)))
}

/// How many findings each rule has, most first.
fn counts(report: &Report) -> Vec<(Rule, usize)> {
    let mut by_rule: BTreeMap<Rule, usize> = BTreeMap::new();
    for (_, f) in findings(report) {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    let mut out: Vec<(Rule, usize)> = by_rule.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The findings as JSON: a count per rule, then each finding.
pub fn to_json(report: &Report) -> String {
    let counts: Vec<Value> = counts(report)
        .into_iter()
        .map(|(rule, n)| json!({ "rule": rule, "count": n }))
        .collect();
    let items: Vec<Value> = findings(report)
        .map(|(d, f)| {
            json!({
                "file": d.file,
                "pointer": pointer(d),
                "severity": d.severity.to_string(),
                "rule": f.rule,
                "sentence": f.sentence,
                "context": f.context,
                "hint": f.hint,
            })
        })
        .collect();
    let value = json!({
        "errors": report.errors(),
        "warnings": report.warnings(),
        "counts": counts,
        "findings": items,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The context with the reported sentence marked.
fn in_context(context: &str, sentence: &str) -> String {
    match (sentence.is_empty(), context.find(sentence)) {
        (false, Some(at)) => format!(
            "{}<mark>{}</mark>{}",
            escape(&context[..at]),
            escape(sentence),
            escape(&context[at + sentence.len()..])
        ),
        (false, None) => format!("<mark>{}</mark>", escape(sentence)),
        (true, _) => escape(context),
    }
}

const STYLE: &str = "\
body{font-family:system-ui,sans-serif;line-height:1.7;max-width:60rem;margin:0 auto;\
padding:1.5rem;color:#222;background:#fff}\
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:2px solid #8a4b5c;margin-top:2.5rem}\
h3{font-size:1.05rem;margin-top:1.5rem}table{border-collapse:collapse}\
th,td{border:1px solid #d9d2ce;padding:.25rem .75rem;text-align:left}\
li{margin:.75rem 0}code{font-size:.875rem;color:#595959}\
mark{background:#ffe08a;color:#222;padding:0 .1em}.hint{color:#3f3f3f}\
@media (prefers-color-scheme:dark){body{background:#1b1a1a;color:#ece8e6}\
code{color:#b8b0ad}.hint{color:#d6d0cd}th,td{border-color:#4a4442}}";

/// A self-contained page (no script, no request to any host) listing, per file,
/// each finding grouped by rule, with its sentence marked in context and a count per
/// rule at the top.
pub fn to_html(report: &Report, folder: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>医療広告ガイドライン チェック結果</title><style>",
    );
    out.push_str(STYLE);
    out.push_str("</style></head><body><main><h1>医療広告ガイドライン チェック結果</h1>");
    let total = findings(report).count();
    out.push_str(&format!(
        "<p>対象: <code>{}</code> ・ 指摘 {total} 件(最終的な判断は編集者・医師が行ってください)</p>",
        escape(folder)
    ));
    let counts = counts(report);
    if counts.is_empty() {
        out.push_str("<p>指摘はありません。</p>");
    } else {
        out.push_str(
            "<table><caption>規則ごとの件数</caption><thead><tr><th scope=\"col\">区分</th>\
             <th scope=\"col\">規則</th><th scope=\"col\">件数</th></tr></thead><tbody>",
        );
        for (rule, n) in &counts {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{n}</td></tr>",
                escape(rule.category),
                escape(rule.name)
            ));
        }
        out.push_str("</tbody></table>");
    }
    let mut by_file: BTreeMap<&str, BTreeMap<Rule, Vec<Found>>> = BTreeMap::new();
    for (d, f) in findings(report) {
        by_file
            .entry(d.file.as_str())
            .or_default()
            .entry(f.rule)
            .or_default()
            .push((d, f));
    }
    for (file, rules) in by_file {
        out.push_str(&format!("<section><h2><code>{}</code></h2>", escape(file)));
        for (rule, items) in rules {
            out.push_str(&format!(
                "<h3>{}({}) {} 件</h3><ul>",
                escape(rule.name),
                escape(rule.category),
                items.len()
            ));
            for (d, f) in items {
                out.push_str(&format!(
                    "<li><code>{}</code><br>{}<br><span class=\"hint\">{}</span></li>",
                    escape(&pointer(d)),
                    in_context(&f.context, &f.sentence),
                    escape(&f.hint)
                ));
            }
            out.push_str("</ul>");
        }
        out.push_str("</section>");
    }
    out.push_str("</main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::check::check;

    fn bundled() -> Report {
        check(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/content"
        )))
    }

    #[test]
    fn the_page_marks_each_sentence_in_context_and_counts_rules() {
        let report = bundled();
        let html = to_html(&report, "public/content");
        let comparisons = report
            .diagnostics
            .iter()
            .filter(|d| {
                d.finding
                    .as_ref()
                    .is_some_and(|f| f.rule.id == "comparative")
            })
            .count();
        assert!(comparisons > 0);
        assert!(html.contains(&format!("<td>比較優良広告</td><td>他の治療・他院・他の製品との比較</td><td>{comparisons}</td>")), "{html}");
        assert!(html.contains(
            "<mark>そのため、幹細胞培養上清液は、幹細胞培養液よりも安全性が高いです</mark>"
        ));
        // Self-contained: nothing to load, nothing to run.
        assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    }

    #[test]
    fn content_is_escaped() {
        assert_eq!(in_context("前<b>後", "<b>"), "前<mark>&lt;b&gt;</mark>後");
    }

    #[test]
    fn json_lists_every_finding_with_its_rule() {
        let report = bundled();
        let v: Value = serde_json::from_str(&to_json(&report)).unwrap();
        let n = report
            .diagnostics
            .iter()
            .filter(|d| d.finding.is_some())
            .count();
        assert_eq!(v["findings"].as_array().unwrap().len(), n);
        assert!(v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"]["category"] == "比較優良広告"
                && f["pointer"] == "/body/1/blocks/0/text"));
        let counted: u64 = v["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .sum();
        assert_eq!(counted as usize, n);
    }
}
