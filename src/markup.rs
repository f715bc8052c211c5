//! Text into HTML and XML: the one escaping the sitemap, the feed, the editor's report,
//! the prerendered pages' stamp and the views' highlighted titles and cards share.

use crate::content::ArticleSummary;

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

/// A title or heading's text in a `<span>`, escaped, with `<wbr>` between its phrases
/// (see [`highlighted`]).
pub fn phrased(text: &str) -> String {
    format!("<span>{}</span>", highlighted(text, &[], true))
}

/// Where a link leads and how it opens, for markup built as a string.
pub struct Link {
    pub href: String,
    pub rel: Option<&'static str>,
    /// Opens in a new tab (links out of an embed), said to screen readers too.
    pub new_tab: bool,
}

/// An article card's content, the inside of `<article class="card">`: title (an `h3`
/// when `nested`) with the search `terms` marked, date, category, reading time, excerpt
/// and supervising doctor (the line is left out when the content names none). One
/// string, so a list of results is one DOM write per card.
pub fn card(
    summary: &ArticleSummary,
    category: &str,
    doctor: &str,
    terms: &[String],
    nested: bool,
    link: &Link,
) -> String {
    let heading = if nested { "h3" } else { "h2" };
    let mut out = String::with_capacity(512);
    out.push_str(&format!("<{heading} class=\"card__title\">"));
    out.push_str(&anchor(
        link,
        None,
        &highlighted(&summary.title, terms, true),
    ));
    out.push_str(&format!(
        "</{heading}><p class=\"card__meta\"><time datetime=\"{}\">{}</time>\
         <span class=\"badge\">{}</span><span class=\"card__reading\">約{}分で読めます</span></p>\
         <p class=\"card__excerpt\">{}</p>",
        summary.published,
        summary.published.dotted(),
        escape(category),
        summary.reading_minutes,
        highlighted(&summary.excerpt, terms, false),
    ));
    if !doctor.is_empty() {
        out.push_str(&format!(
            "<p class=\"card__doctor\">監修: {} 先生</p>",
            escape(doctor)
        ));
    }
    out
}

/// `<a>` around `inner` (markup), the link's target and rel set, a new tab said.
pub fn anchor(link: &Link, class: Option<&str>, inner: &str) -> String {
    let mut out = format!("<a href=\"{}\"", escape(&link.href));
    if let Some(class) = class {
        out.push_str(&format!(" class=\"{}\"", escape(class)));
    }
    if link.new_tab {
        out.push_str(" target=\"_blank\"");
    }
    if let Some(rel) = link.rel {
        out.push_str(&format!(" rel=\"{}\"", escape(rel)));
    }
    out.push('>');
    out.push_str(inner);
    if link.new_tab {
        out.push_str(&format!("<span class=\"visually-hidden\">{NEW_TAB}</span>"));
    }
    out.push_str("</a>");
    out
}

/// Said after a link that opens in a new tab.
pub const NEW_TAB: &str = "(新しいタブで開きます)";

#[cfg(test)]
mod tests {
    use super::{card, escape, highlighted, Link};
    use crate::content::{ArticleSummary, Date};

    fn summary(title: &str, excerpt: &str) -> ArticleSummary {
        ArticleSummary {
            slug: "exosome-side-effects".into(),
            title: title.into(),
            published: Date::parse("2023-06-12").unwrap(),
            updated: None,
            category: "exosome".into(),
            supervisor: "nakagawa".into(),
            excerpt: excerpt.into(),
            reading_minutes: 7,
        }
    }

    fn plain(href: &str) -> Link {
        Link {
            href: href.into(),
            rel: None,
            new_tab: false,
        }
    }

    #[test]
    fn a_card_carries_title_date_category_time_excerpt_and_doctor() {
        let terms = vec!["副作用".to_string()];
        let out = card(
            &summary("エクソソームの副作用", "副作用はまれです。"),
            "エクソソーム",
            "中川 明",
            &terms,
            false,
            &plain("/column/exosome-side-effects"),
        );
        assert_eq!(
            out,
            "<h2 class=\"card__title\"><a href=\"/column/exosome-side-effects\">\
             エクソソームの<wbr><mark>副作用</mark></a></h2>\
             <p class=\"card__meta\"><time datetime=\"2023-06-12\">2023.06.12</time>\
             <span class=\"badge\">エクソソーム</span>\
             <span class=\"card__reading\">約7分で読めます</span></p>\
             <p class=\"card__excerpt\"><mark>副作用</mark>はまれです。</p>\
             <p class=\"card__doctor\">監修: 中川 明 先生</p>"
        );
    }

    #[test]
    fn a_nested_card_out_of_an_embed_opens_a_new_tab_and_omits_an_unnamed_doctor() {
        let link = Link {
            href: "https://clinic.example/column/x?utm_source=lp&a=1".into(),
            rel: Some("noopener"),
            new_tab: true,
        };
        let out = card(&summary("題", "本文"), "", "", &[], true, &link);
        assert!(out.starts_with(
            "<h3 class=\"card__title\"><a href=\"https://clinic.example/column/x?utm_source=lp&amp;a=1\" \
             target=\"_blank\" rel=\"noopener\">題<span class=\"visually-hidden\">(新しいタブで開きます)</span></a></h3>"
        ), "{out}");
        assert!(!out.contains("card__doctor"), "{out}");
    }

    #[test]
    fn nothing_in_a_card_becomes_markup() {
        let hostile = "<img src=x onerror=alert(1)>\"'&";
        let out = card(
            &summary(hostile, hostile),
            hostile,
            hostile,
            &[],
            false,
            &plain("/column/x\"><script>"),
        );
        assert!(!out.contains("<img") && !out.contains("<script"), "{out}");
        assert_eq!(out.matches("&lt;img").count(), 4, "{out}");
        assert!(
            out.contains("href=\"/column/x&quot;&gt;&lt;script&gt;\""),
            "{out}"
        );
    }

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
