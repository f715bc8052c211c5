//! Text into HTML and XML: the one escaping the sitemap, the feed, the editor's report
//! and the prerendered pages' stamp share.

/// Escapes text for an element's content or a quoted attribute, in HTML or XML, and
/// drops the control characters XML 1.0 cannot carry.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_become_entities_and_controls_go() {
        assert_eq!(
            escape("<a href=\"x\">A & B's</a>\u{7}\n"),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;\n"
        );
        assert_eq!(escape("美脱毛コラム"), "美脱毛コラム");
    }
}
