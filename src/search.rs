//! Search that matches Japanese the way people type it: hiragana and katakana alike,
//! full-width and half-width alike, upper and lower case alike, so `えくそそーむ`,
//! `ｴｸｿｿｰﾑ` and `エクソソーム` all find エクソソーム. Matches map back to the original
//! text so they can be highlighted.

use std::ops::Range;

/// Text folded for matching, remembering where each folded character came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the byte range of the original it came from.
    origins: Vec<Range<usize>>,
}

/// Folds one character: width, kana and case. Returns the folded character, and
/// whether the next character (a half-width sound mark) was absorbed.
fn fold_char(c: char, next: Option<char>) -> (char, bool) {
    let c = match c {
        // Full-width ASCII variants → ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FF61}'..='\u{FF9F}' => return fold_half_width_kana(c, next),
        _ => c,
    };
    (fold_kana_and_case(c), false)
}

fn fold_kana_and_case(c: char) -> char {
    match c {
        // Katakana → hiragana (ァ..ヶ, ヽ ヾ).
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        _ => c,
    }
}

/// Half-width katakana (U+FF61..U+FF9F) in the order of the block, as full-width.
const HALF_WIDTH_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー',
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '゛', '゜',
];

fn fold_half_width_kana(c: char, next: Option<char>) -> (char, bool) {
    let full = HALF_WIDTH_KANA[(c as u32 - 0xFF61) as usize];
    let voiced = match next {
        // ﾞ: カ→ガ etc. are the next code point; ウ→ヴ is the exception.
        Some('\u{FF9E}') if full == 'ウ' => Some('ヴ'),
        Some('\u{FF9E}') if "カキクケコサシスセソタチツテトハヒフヘホ".contains(full) => {
            char::from_u32(full as u32 + 1)
        }
        // ﾟ: ハ→パ etc. are two code points on.
        Some('\u{FF9F}') if "ハヒフヘホ".contains(full) => char::from_u32(full as u32 + 2),
        _ => None,
    };
    match voiced {
        Some(v) => (fold_kana_and_case(v), true),
        None => (fold_kana_and_case(full), false),
    }
}

/// Folds text for matching.
pub fn fold(original: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(original.len()),
        origins: Vec::with_capacity(original.len()),
    };
    let mut chars = original.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let (folded, absorbed) = fold_char(c, next);
        let mut end = start + c.len_utf8();
        if absorbed {
            if let Some((i, n)) = chars.next() {
                end = i + n.len_utf8();
            }
        }
        out.text.push(folded);
        out.origins
            .extend(std::iter::repeat_n(start..end, folded.len_utf8()));
    }
    out
}

/// Whether a folded character ends a run of text that a term can match in: spaces
/// and sentence punctuation. Hyphens, dots and the like stay (GLP-1, 0.5mL).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || "、。「」『』【】〔〕〈〉《》・…‥〜～()[]{}!?:;\"“”‘’".contains(c)
}

/// The words of a query, folded; spaces and punctuation separate them, and empty
/// words are dropped.
pub fn query_terms(query: &str) -> Vec<String> {
    fold(query)
        .text
        .split(is_separator)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

impl Folded {
    /// Whether every term occurs in the text.
    pub fn matches_all(&self, terms: &[String]) -> bool {
        terms.iter().all(|t| self.text.contains(t.as_str()))
    }

    /// The byte ranges of the original text where any term occurs, merged and ordered.
    pub fn match_ranges(&self, terms: &[String]) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in terms.iter().filter(|t| !t.is_empty()) {
            for (at, m) in self.text.match_indices(term.as_str()) {
                let first = &self.origins[at];
                let last = &self.origins[at + m.len() - 1];
                ranges.push(first.start..last.end);
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(prev) if r.start <= prev.end => prev.end = prev.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// Splits `original` into pieces, each marked whether it matches a term, for rendering
/// with `<mark>`.
pub fn highlight(original: &str, terms: &[String]) -> Vec<(String, bool)> {
    if terms.is_empty() {
        return vec![(original.to_string(), false)];
    }
    let ranges = fold(original).match_ranges(terms);
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            pieces.push((original[at..r.start].to_string(), false));
        }
        pieces.push((original[r.clone()].to_string(), true));
        at = r.end;
    }
    if at < original.len() || pieces.is_empty() {
        pieces.push((original[at..].to_string(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, query: &str) -> bool {
        fold(text).matches_all(&query_terms(query))
    }

    #[test]
    fn hiragana_finds_katakana_and_back() {
        assert!(finds("エクソソームの副作用", "えくそそーむ"));
        assert!(finds("えくそそーむ", "エクソソーム"));
    }

    #[test]
    fn half_width_and_full_width_are_alike() {
        assert!(finds("エクソソーム", "ｴｸｿｿｰﾑ"));
        assert!(finds("ダーマペン", "ﾀﾞｰﾏﾍﾟﾝ"));
        assert!(finds("ヴィーナス", "ｳﾞｨｰﾅｽ"));
        assert!(finds("GLP-1", "ＧＬＰ－１"));
        assert!(finds("ＡＧＡ治療", "aga"));
    }

    #[test]
    fn case_is_ignored() {
        assert!(finds("AGA", "aga"));
        assert!(finds("faga", "FAGA"));
    }

    #[test]
    fn every_word_must_match() {
        assert!(finds("エクソソームの副作用", "副作用　えくそそーむ"));
        assert!(!finds("エクソソームの副作用", "副作用 ダーマペン"));
        assert!(finds("何でも", "   "));
    }

    #[test]
    fn matches_map_back_to_the_original_text() {
        let text = "ｴｸｿｿｰﾑとエクソソーム";
        let pieces = highlight(text, &query_terms("えくそそーむ"));
        assert_eq!(
            pieces,
            vec![
                ("ｴｸｿｿｰﾑ".to_string(), true),
                ("と".to_string(), false),
                ("エクソソーム".to_string(), true),
            ]
        );
        // A voiced half-width pair highlights as one unit.
        let pieces = highlight("ﾀﾞｰﾏﾍﾟﾝの施術", &query_terms("だーま"));
        assert_eq!(pieces[0], ("ﾀﾞｰﾏ".to_string(), true));
    }

    #[test]
    fn overlapping_terms_merge() {
        let pieces = highlight("副作用について", &query_terms("副作 作用"));
        assert_eq!(pieces[0], ("副作用".to_string(), true));
        assert_eq!(highlight("abc", &[]), vec![("abc".to_string(), false)]);
        assert_eq!(
            highlight("", &query_terms("x")),
            vec![(String::new(), false)]
        );
    }

    #[test]
    fn hostile_and_odd_text_is_safe() {
        for s in ["<script>", "\u{0}", "ﾞﾞﾟ", "e\u{301}", "𝔘𝔫𝔦", "ｶ"] {
            let f = fold(s);
            assert!(f.matches_all(&query_terms(s)), "{s:?}");
            let joined: String = highlight(s, &query_terms(s))
                .into_iter()
                .map(|p| p.0)
                .collect();
            assert_eq!(joined, s);
        }
    }
}
