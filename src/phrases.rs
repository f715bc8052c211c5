//! Where Japanese text may break between lines: at phrase boundaries found by
//! BudouX's Japanese model (Apache License 2.0, <https://github.com/google/budoux>).
//!
//! Browsers break Japanese between any two characters, so headings split words
//! (「注|射」). The views mark these boundaries with `<wbr>` and style headings with
//! `word-break: keep-all`, which works in Safari too (it has no `auto-phrase`). The
//! model is a table (`phrases_model.rs`, generated and checked against the
//! `budoux` crate by this module's tests) read once into numeric keys, so the wasm
//! carries data rather than code, and scoring a character allocates nothing.

use crate::phrases_model::{MODEL_KEYS, MODEL_SCORES, UNICODE_BLOCKS};

/// BudouX's default: a boundary needs a score above this.
const THRESHOLD: i32 = 1000;
/// The feature of a position before the text's start or after its end.
const NONE: &str = "▔";

/// The byte offsets inside `text` where a line may break, in order: between phrases
/// and after punctuation browsers break after anyway. Never 0 or the
/// end, and never before closing punctuation or after an opening bracket.
pub fn breaks(text: &str) -> Vec<usize> {
    // Views draw the same titles again and again (a list re-rendered per keystroke).
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Vec<usize>>> =
            Default::default();
    }
    if let Some(hit) = SEEN.with(|s| s.borrow().get(text).cloned()) {
        return hit;
    }
    let found = find_breaks(text);
    SEEN.with(|s| {
        let mut seen = s.borrow_mut();
        if seen.len() >= 2048 {
            seen.clear();
        }
        seen.insert(text.to_string(), found.clone());
    });
    found
}

fn find_breaks(text: &str) -> Vec<usize> {
    // Browsers break after these even under `keep-all`, so they end phrases too.
    let after_punctuation = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '、' | '。' | '・' | '，' | '！' | '？' | ' ' | '　'))
        .map(|(at, c)| at + c.len_utf8())
        .filter(|&at| at < text.len());
    merge(model_breaks(text), after_punctuation)
        .into_iter()
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            !after.is_some_and(no_break_before) && !before.is_some_and(no_break_after)
        })
        .collect()
}

/// Two ascending sequences as one, without repeats (a sort would cost kilobytes of wasm).
fn merge(a: Vec<usize>, b: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut a = a.into_iter().peekable();
    let mut b = b.peekable();
    let mut out = Vec::new();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if x <= y => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        if let Some(v) = next.filter(|v| out.last() != Some(v)) {
            out.push(v);
        }
    }
    out
}

/// `text` cut at its [`breaks`].
pub fn phrases(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for at in breaks(text) {
        out.push(&text[start..at]);
        start = at;
    }
    out.push(&text[start..]);
    out
}

/// Pieces of one text, some marked (as [`crate::search::highlight`] gives them), cut
/// again at the phrase boundaries of the whole text: `(text, marked, break before)`.
pub fn cut(pieces: Vec<(String, bool)>) -> Vec<(String, bool, bool)> {
    let whole: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
    let mut breaks = breaks(&whole).into_iter().peekable();
    let mut out = Vec::new();
    let mut start = 0;
    for (text, marked) in pieces {
        let end = start + text.len();
        let mut from = start;
        let mut before = breaks.next_if_eq(&start).is_some();
        while let Some(at) = breaks.next_if(|&at| at < end) {
            out.push((whole[from..at].to_string(), marked, before));
            (from, before) = (at, true);
        }
        out.push((whole[from..end].to_string(), marked, before));
        start = end;
    }
    out
}

fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | '!'
            | '?'
            | '！'
            | '？'
            | ')'
            | '）'
            | ']'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '・'
            | 'ー'
            | '…'
            | ':'
            | '：'
            | ';'
            | '；'
            | 'っ'
            | 'ッ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | '々'
            | '〜'
            | '~'
    )
}

fn no_break_after(c: char) -> bool {
    matches!(
        c,
        '(' | '（' | '[' | '「' | '『' | '【' | '〔' | '〈' | '《'
    )
}

/// BudouX's features: a name and the slots whose values follow it. Slots 0–2 are the
/// last three decisions, 3–8 the characters from i - 3 to i + 2, 9–14 their blocks.
const FEATURES: [(&str, &[usize]); 42] = [
    ("UP1:", &[0]),
    ("UP2:", &[1]),
    ("UP3:", &[2]),
    ("BP1:", &[0, 1]),
    ("BP2:", &[1, 2]),
    ("UW1:", &[3]),
    ("UW2:", &[4]),
    ("UW3:", &[5]),
    ("UW4:", &[6]),
    ("UW5:", &[7]),
    ("UW6:", &[8]),
    ("BW1:", &[4, 5]),
    ("BW2:", &[5, 6]),
    ("BW3:", &[6, 7]),
    ("TW1:", &[3, 4, 5]),
    ("TW2:", &[4, 5, 6]),
    ("TW3:", &[5, 6, 7]),
    ("TW4:", &[6, 7, 8]),
    ("UB1:", &[9]),
    ("UB2:", &[10]),
    ("UB3:", &[11]),
    ("UB4:", &[12]),
    ("UB5:", &[13]),
    ("UB6:", &[14]),
    ("BB1:", &[10, 11]),
    ("BB2:", &[11, 12]),
    ("BB3:", &[12, 13]),
    ("TB1:", &[9, 10, 11]),
    ("TB2:", &[10, 11, 12]),
    ("TB3:", &[11, 12, 13]),
    ("TB4:", &[12, 13, 14]),
    ("UQ1:", &[0, 9]),
    ("UQ2:", &[1, 10]),
    ("UQ3:", &[2, 11]),
    ("BQ1:", &[1, 10, 11]),
    ("BQ2:", &[1, 11, 12]),
    ("BQ3:", &[2, 10, 11]),
    ("BQ4:", &[2, 11, 12]),
    ("TQ1:", &[1, 9, 10, 11]),
    ("TQ2:", &[1, 10, 11, 12]),
    ("TQ3:", &[2, 9, 10, 11]),
    ("TQ4:", &[2, 10, 11, 12]),
];

/// The boundaries exactly as BudouX finds them.
fn model_breaks(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Each character and its block as codes, with three empty positions either side.
    let pad = || std::iter::repeat_n(NO_CODE, 3);
    let words: Vec<u32> = pad()
        .chain(chars.iter().map(|&(_, c)| u32::from(c)))
        .chain(pad())
        .collect();
    let blocks: Vec<u32> = pad()
        .chain(chars.iter().map(|&(_, c)| block_code(c)))
        .chain(pad())
        .collect();
    let table = table();
    let mut out = Vec::new();
    let mut previous = [UNKNOWN; 3];
    // A break between characters i - 1 and i, judged from i - 3 to i + 2; `p` is i
    // shifted by the padding.
    for p in 4..=chars.len() + 3 {
        let mut slots = [NO_CODE; 15];
        slots[..3].copy_from_slice(&previous);
        slots[3..9].copy_from_slice(&words[p - 3..p + 3]);
        slots[9..].copy_from_slice(&blocks[p - 3..p + 3]);
        let score: i32 = FEATURES
            .iter()
            .enumerate()
            .map(|(f, (_, parts))| {
                let key = feature_key(f, parts.iter().map(|&i| slots[i]));
                table.get(&key).copied().unwrap_or(0)
            })
            .sum();
        let boundary = chars.get(p - 3).map_or(text.len(), |&(start, _)| start);
        if score > THRESHOLD && boundary < text.len() {
            out.push(boundary);
        }
        previous = [
            previous[1],
            previous[2],
            if score > 0 { BREAK } else { NO_BREAK },
        ];
    }
    out
}

/// A slot's value as a number: a character's code point, a block's index plus one,
/// or a decision. 0 is "nothing": a position outside the text.
const NO_CODE: u32 = 0;
const UNKNOWN: u32 = 1;
const BREAK: u32 = 2;
const NO_BREAK: u32 = 3;

/// A feature and its slots' values as one number, so scoring allocates nothing.
fn feature_key(feature: usize, codes: impl Iterator<Item = u32>) -> u64 {
    const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
    codes.fold((feature as u64 + 1).wrapping_mul(MIX), |h, c| {
        let h = (h ^ u64::from(c)).wrapping_mul(MIX);
        h ^ (h >> 32)
    })
}

/// The model by feature key, read once from the generated table. A key's text is
/// the feature's name and its slots' values run together, so it is read back into
/// codes; a word may be empty (beyond the text), so a key with fewer characters than
/// word slots stands for every way of placing them, as BudouX's own lookup does.
fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table::default();
        for (key, &score) in MODEL_KEYS.split('|').zip(MODEL_SCORES.iter()) {
            let Some((f, (name, parts))) = FEATURES
                .iter()
                .enumerate()
                .find(|(_, (name, _))| key.starts_with(name))
            else {
                continue;
            };
            for codes in readings(&key[name.len()..], parts) {
                table.insert(feature_key(f, codes.into_iter()), i32::from(score));
            }
        }
        table
    })
}

/// Feature keys are already mixed: the map uses them as they are.
type Table = std::collections::HashMap<u64, i32, std::hash::BuildHasherDefault<KeyHasher>>;

#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Every way `text` reads as the values of these slots.
fn readings(text: &str, slots: &[usize]) -> Vec<Vec<u32>> {
    let Some((&slot, rest)) = slots.split_first() else {
        return if text.is_empty() {
            vec![vec![]]
        } else {
            vec![]
        };
    };
    let mut out = Vec::new();
    let mut with = |code: u32, after: &str| {
        for mut tail in readings(after, rest) {
            tail.insert(0, code);
            out.push(tail);
        }
    };
    let first = text.chars().next();
    match slot {
        0..=2 => {
            let code = match first {
                Some('U') => UNKNOWN,
                Some('B') => BREAK,
                Some('O') => NO_BREAK,
                _ => return out,
            };
            with(code, &text[1..]);
        }
        3..=8 => {
            with(NO_CODE, text);
            if let Some(c) = first {
                with(u32::from(c), &text[c.len_utf8()..]);
            }
        }
        _ => {
            if let Some(after) = text.strip_prefix(NONE) {
                with(NO_CODE, after);
            } else if let Some(index) = text.get(..3).and_then(|d| d.parse::<u32>().ok()) {
                with(index + 1, &text[3..]);
            }
        }
    }
    out
}

/// The character's Unicode block as the model numbers it, plus one.
fn block_code(c: char) -> u32 {
    let index = match UNICODE_BLOCKS.binary_search(&(c as u32)) {
        Ok(i) => i + 1,
        Err(i) => i,
    };
    index as u32 + 1
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The generated table, as it should read for the `budoux` crate's model.
    fn generated() -> String {
        let mut entries: Vec<(&String, &i32)> =
            budoux::models::default_japanese_model().iter().collect();
        entries.sort();
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert!(keys
            .iter()
            .all(|k| !k.contains('|') && !k.contains('"') && !k.contains('\\')));
        let scores: Vec<String> = entries
            .iter()
            .map(|(_, &v)| i16::try_from(v).expect("scores fit in i16").to_string())
            .collect();
        format!(
            "//! Generated by `UPDATE_PHRASE_MODEL=1 cargo test --features ssr --lib phrases`\n\
             //! from the `budoux` crate's Japanese model (BudouX, Apache License 2.0,\n\
             //! <https://github.com/google/budoux>). Do not edit above the block table.\n\n\
             /// The features, sorted, joined by `|`.\n\
             pub static MODEL_KEYS: &str = \"{}\";\n\n\
             /// Each feature's score, in the same order.\n\
             #[rustfmt::skip]\n\
             pub static MODEL_SCORES: [i16; {}] = [{}];\n",
            keys.join("|"),
            scores.len(),
            scores.join(", ")
        )
    }

    #[test]
    fn the_table_is_budouxs_japanese_model() {
        let path = format!("{}/src/phrases_model.rs", env!("CARGO_MANIFEST_DIR"));
        let file = std::fs::read_to_string(&path).unwrap();
        // The model comes first; the block table after it is copied data.
        let end = file.find("];\n").expect("the model table") + 3;
        if std::env::var_os("UPDATE_PHRASE_MODEL").is_some() {
            std::fs::write(&path, generated() + &file[end..]).unwrap();
        }
        assert!(
            file[..end] == generated(),
            "src/phrases_model.rs is out of date: run with UPDATE_PHRASE_MODEL=1"
        );
    }

    /// Every title and heading of the bundled content, and text of other scripts.
    fn samples() -> Vec<String> {
        let mut out: Vec<String> = [
            "日本語の文章において語の区切りに空白を挟んで記述すること",
            "PythonとJavaScriptとGolang",
            "これはテストです。\n今日は晴天です。",
            "あなたに寄り添う最先端のテクノロジー。",
            "ＡＧＡ治療とGLP-1ダイエット、😀絵文字と한국어",
            "a",
            "",
        ]
        .map(String::from)
        .to_vec();
        let dir = format!("{}/public/content/articles", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            collect_strings(&json, &mut out);
        }
        out
    }

    fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| collect_strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn boundaries_are_budouxs() {
        let model = budoux::models::default_japanese_model();
        for text in samples() {
            let reference: Vec<usize> = budoux::parse(model, &text)
                .iter()
                .scan(0, |at, p| {
                    *at += p.len();
                    Some(*at)
                })
                .filter(|&at| at < text.len())
                .collect();
            assert_eq!(model_breaks(&text), reference, "{text}");
        }
    }

    #[test]
    fn every_reading_of_the_model_has_a_key_of_its_own() {
        let readings: usize = MODEL_KEYS
            .split('|')
            .map(|key| {
                let (_, parts) = FEATURES.iter().find(|(n, _)| key.starts_with(n)).unwrap();
                let name = key.split_inclusive(':').next().unwrap();
                let found = readings(&key[name.len()..], parts).len();
                assert!(found > 0, "{key} reads as nothing");
                found
            })
            .sum();
        assert_eq!(table().len(), readings, "two readings share a key");
    }

    #[test]
    fn headings_break_between_phrases_not_inside_words() {
        assert_eq!(
            phrases("【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?"),
            [
                "【医師が",
                "解説】",
                "エクソソームの",
                "注射や",
                "点滴に",
                "デメリットや",
                "副作用は",
                "ある?"
            ]
        );
        assert_eq!(
            phrases("①保険適用外の自費治療なので費用が高い"),
            ["①保険適用外の", "自費治療なので", "費用が", "高い"]
        );
        // Browsers break after a middle dot even under keep-all: it ends a phrase.
        assert_eq!(
            phrases("①患部に赤み・腫れ・かゆみが出ることがある"),
            [
                "①患部に",
                "赤み・",
                "腫れ・",
                "かゆみが",
                "出る",
                "ことがある"
            ]
        );
        assert_eq!(phrases("まとめ"), ["まとめ"]);
        assert_eq!(phrases(""), [""]);
        // Never a line starting with closing punctuation or ending with an opening one.
        for text in samples() {
            for p in phrases(&text).iter().skip(1) {
                assert!(
                    !p.chars().next().is_some_and(no_break_before),
                    "{text}: {p}"
                );
            }
        }
    }

    #[test]
    fn marked_pieces_are_cut_at_the_boundaries_of_the_whole_text() {
        let piece = |t: &str, m| (t.to_string(), m);
        let cut = cut(vec![
            piece("エクソソームの注", false),
            piece("射や点滴", true),
            piece("に", false),
        ]);
        let expected = [
            ("エクソソームの", false, false),
            ("注", false, true),
            ("射や", true, false),
            ("点滴", true, true),
            ("に", false, false),
        ]
        .map(|(t, m, b)| (t.to_string(), m, b));
        assert_eq!(cut, expected);
        assert_eq!(
            super::cut(vec![piece("", false)]),
            [(String::new(), false, false)]
        );
    }

    #[test]
    fn merging_keeps_order_and_drops_repeats() {
        assert_eq!(
            merge(vec![1, 4, 9], [2, 4, 10].into_iter()),
            [1, 2, 4, 9, 10]
        );
        assert_eq!(merge(vec![], [3].into_iter()), [3]);
        assert_eq!(merge(vec![3], std::iter::empty()), [3]);
    }

    #[test]
    fn odd_characters_do_not_panic() {
        for text in ["\u{10FFFF}", "\u{FFFF}\u{0}", "<script>", "🏥🏥"] {
            assert_eq!(phrases(text).concat(), text);
        }
    }
}
