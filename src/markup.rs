//! Text into HTML and XML: the one escaping the sitemap, the feed, the editor's report,
//! the prerendered pages' stamp and the views' highlighted titles share.

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

/// Text as HTML, escaped, with the parts matching the search `terms` in `<mark>` and,
/// when `phrased` (titles and headings), `<wbr>` where a line may break between
/// phrases. Views set it as one element's content: a title is one DOM write, not a
/// view per phrase, which matters when a list redraws on every keystroke.
pub fn highlighted(text: &str, terms: &[String], phrased: bool) -> String {
    let pieces = crate::search::highlight(text, terms);
    let pieces = if phrased {
        crate::phrases::cut(pieces)
    } else {
        pieces.into_iter().map(|(t, m)| (t, m, false)).collect()
    };
    let mut out = String::with_capacity(text.len() + 32);
    for (piece, marked, wbr) in pieces {
        if wbr {
            out.push_str("<wbr>");
        }
        match marked {
            true => {
                out.push_str("<mark>");
                out.push_str(&escape(&piece));
                out.push_str("</mark>");
            }
            false => out.push_str(&escape(&piece)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, highlighted};

    #[test]
    fn highlighted_marks_matches_breaks_phrases_and_escapes_the_rest() {
        let terms = vec!["えくそそーむ".to_string()];
        assert_eq!(
            highlighted("エクソソームの副作用", &terms, false),
            "<mark>エクソソーム</mark>の副作用"
        );
        let phrased = highlighted("エクソソームの注射や点滴に副作用はある?", &terms, true);
        assert_eq!(
            phrased,
            "<mark>エクソソーム</mark>の<wbr>注射や<wbr>点滴に<wbr>副作用は<wbr>ある?"
        );
        // Content never becomes markup, matched or not.
        let hostile = "<img src=x onerror=alert(1)> & \"副作用\"";
        let out = highlighted(hostile, &["副作用".to_string()], true);
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("&lt;img") && out.contains("&amp;") && out.contains("<mark>副作用</mark>")
        );
        assert_eq!(highlighted("", &terms, true), "");
    }

    #[test]
    fn markup_characters_become_entities_and_controls_go() {
        assert_eq!(
            escape("<a href=\"x\">A & B's</a>\u{7}\n"),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;\n"
        );
        assert_eq!(escape("美脱毛コラム"), "美脱毛コラム");
    }
}
