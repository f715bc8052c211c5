//! Full-text search over every article without downloading them: an index of
//! character bigrams built at build time and split into shards, so a query fetches
//! only the shards its characters need.
//!
//! Text is folded as in [`crate::search`] (kana, width, case) and cut into runs at
//! spaces and punctuation. A term of two or more characters matches where its
//! characters occur in sequence in a title, heading or body text. The index stores,
//! for each bigram, what follows it in its run (up to [`EXTENSION`] characters) with the
//! documents where each continuation occurs, so one key answers a term of up to
//! `EXTENSION + 2` characters exactly, and the count equals a plain scan of the
//! articles. A longer term is matched piece by piece. A one-character term matches
//! titles and headings only. There is no dictionary: `けんけつ` does not find 献血.
//!
//! Pure logic: the build writes the files, the data layer fetches them.

use std::collections::{BTreeMap, HashMap};

use crate::content::{Article, Block};
use crate::search::{fold, is_separator};

/// How many characters after a bigram the index keeps.
pub const EXTENSION: usize = 10;

/// Where a match is, best first: ranking puts title matches before heading matches
/// before body matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Heading = 1,
    Body = 2,
}

/// Every searchable text of an article in reading order: title, section headings,
/// body text (paragraphs, list items, table cells, notes).
pub fn search_fields(article: &Article) -> Vec<(Field, &str)> {
    let mut out = vec![(Field::Title, article.title.as_str())];
    for (_, block) in article.walk() {
        match block {
            Block::Section { title, .. } => out.push((Field::Heading, title)),
            Block::Paragraph { text } | Block::Consultation { text } | Block::Link { text, .. } => {
                out.push((Field::Body, text))
            }
            Block::List { items, .. } => {
                out.extend(items.iter().map(|i| (Field::Body, i.as_str())))
            }
            Block::PriceTable { caption, rows } => {
                out.extend(caption.as_deref().map(|c| (Field::Body, c)));
                for r in rows {
                    out.push((Field::Body, &r.item));
                    out.extend(r.note.as_deref().map(|n| (Field::Body, n)));
                }
            }
        }
    }
    out
}

/// The keys a term is looked up by, each with the rest of its piece: the term in
/// pieces of at most `EXTENSION + 2` characters that together cover it, each piece as
/// its first two characters (the key) and the rest. A one-character term is its own
/// key.
pub fn term_keys(term: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = term.chars().collect();
    let piece = EXTENSION + 2;
    let mut starts = vec![0];
    while let Some(&last) = starts.last().filter(|&&s| s + piece < chars.len()) {
        starts.push((last + piece - 1).min(chars.len() - piece));
    }
    match chars.len() {
        0 => vec![],
        1 => vec![(term.to_string(), String::new())],
        n => starts
            .into_iter()
            .map(|i| {
                let end = (i + piece).min(n);
                (
                    chars[i..i + 2].iter().collect(),
                    chars[i + 2..end].iter().collect(),
                )
            })
            .collect(),
    }
}

/// The shard file a key lives in (FNV-1a of its UTF-8 bytes).
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        hash = (hash ^ b as u32).wrapping_mul(0x0100_0193);
    }
    hash % shards.max(1)
}

/// The documents a continuation of a key occurs in: in a title, in a heading,
/// anywhere (ascending).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    pub title: Vec<u32>,
    pub heading: Vec<u32>,
    pub all: Vec<u32>,
}

/// A key's entry: each text that follows it (cut at [`EXTENSION`] characters or the end
/// of its run), with where that occurs.
pub type Entry = Vec<(String, Docs)>;

/// Collects, document by document in document order, every key and what follows it.
#[derive(Default)]
pub struct Builder {
    entries: BTreeMap<String, BTreeMap<String, Docs>>,
    docs: u32,
}

impl Builder {
    /// Adds the next document (numbered from 0 in the order added).
    pub fn add(&mut self, fields: &[(Field, &str)]) -> u32 {
        let doc = self.docs;
        self.docs += 1;
        for &(field, text) in fields {
            let folded = fold(text).text;
            for run in folded.split(is_separator) {
                let chars: Vec<char> = run.chars().collect();
                for i in 0..chars.len() {
                    if field != Field::Body {
                        self.note(chars[i].to_string(), String::new(), doc, field);
                    }
                    if i + 1 < chars.len() {
                        let end = (i + 2 + EXTENSION).min(chars.len());
                        let key = chars[i..i + 2].iter().collect();
                        self.note(key, chars[i + 2..end].iter().collect(), doc, field);
                    }
                }
            }
        }
        doc
    }

    fn note(&mut self, key: String, rest: String, doc: u32, field: Field) {
        let docs = self
            .entries
            .entry(key)
            .or_default()
            .entry(rest)
            .or_default();
        for (list, yes) in [
            (&mut docs.title, field == Field::Title),
            (&mut docs.heading, field == Field::Heading),
            (&mut docs.all, true),
        ] {
            if yes && list.last() != Some(&doc) {
                list.push(doc);
            }
        }
    }

    /// The shard files: how many, and each one's bytes.
    pub fn finish(self) -> (u32, Vec<Vec<u8>>) {
        let blobs: Vec<(String, Vec<u8>)> = self
            .entries
            .into_iter()
            .map(|(key, rests)| {
                let mut blob = Vec::new();
                put_varint(&mut blob, rests.len() as u32);
                for (rest, docs) in rests {
                    put_varint(&mut blob, rest.len() as u32);
                    blob.extend_from_slice(rest.as_bytes());
                    put_docs(&mut blob, &docs.title);
                    put_docs(&mut blob, &docs.heading);
                    put_docs(&mut blob, &docs.all);
                }
                (key, blob)
            })
            .collect();
        let total: usize = blobs.iter().map(|(k, b)| k.len() + b.len() + 4).sum();
        let shards = (total / TARGET_SHARD_BYTES)
            .next_power_of_two()
            .clamp(1, MAX_SHARDS) as u32;
        let mut files = vec![Vec::new(); shards as usize];
        for (key, blob) in blobs {
            let file = &mut files[shard_of(&key, shards) as usize];
            put_varint(file, key.len() as u32);
            file.extend_from_slice(key.as_bytes());
            put_varint(file, blob.len() as u32);
            file.extend_from_slice(&blob);
        }
        (shards, files)
    }
}

/// About this many bytes per shard before compression: a query touches a few.
const TARGET_SHARD_BYTES: usize = 8 * 1024;
const MAX_SHARDS: usize = 4096;

/// A document list as deltas, or as a bitmap when that is smaller (common keys).
fn put_docs(out: &mut Vec<u8>, docs: &[u32]) {
    put_varint(out, docs.len() as u32);
    let Some(&last) = docs.last() else { return };
    let mut deltas = Vec::new();
    let mut previous = 0;
    for &d in docs {
        put_varint(&mut deltas, d - previous);
        previous = d;
    }
    let bitmap_len = last as usize / 8 + 1;
    if bitmap_len < deltas.len() {
        let mut bitmap = vec![0u8; bitmap_len];
        for &d in docs {
            bitmap[d as usize / 8] |= 1 << (d % 8);
        }
        out.push(BITMAP);
        put_varint(out, bitmap_len as u32);
        out.extend_from_slice(&bitmap);
    } else {
        out.push(DELTAS);
        out.extend_from_slice(&deltas);
    }
}

const DELTAS: u8 = 0;
const BITMAP: u8 = 1;

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads varints; `None` once the bytes run out or a varint is malformed.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= ((b & 0x7f) as u32).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn deltas(&mut self, n: usize) -> Option<Vec<u32>> {
        let mut out = Vec::with_capacity(n.min(self.bytes.len()));
        let mut value = 0u32;
        for _ in 0..n {
            value = value.checked_add(self.varint()?)?;
            out.push(value);
        }
        Some(out)
    }

    fn docs(&mut self) -> Option<Vec<u32>> {
        let n = self.varint()? as usize;
        if n == 0 {
            return Some(Vec::new());
        }
        match *self.take(1)?.first()? {
            DELTAS => self.deltas(n),
            BITMAP => {
                let len = self.varint()? as usize;
                let bitmap = self.take(len)?;
                // A damaged count must not size the allocation.
                if n > len.saturating_mul(8) {
                    return None;
                }
                // Set bits only: a word in every article has a bitmap of 10,000 bits.
                let mut docs = Vec::with_capacity(n);
                for (at, &byte) in bitmap.iter().enumerate() {
                    let mut bits = byte;
                    while bits != 0 {
                        docs.push(at as u32 * 8 + bits.trailing_zeros());
                        bits &= bits - 1;
                    }
                }
                (docs.len() == n).then_some(docs)
            }
            _ => None,
        }
    }
}

/// A key's blob in its shard file; `Some(None)` when the key is not there. A damaged
/// file reads as `None`, so it is reported rather than taken as "no match".
fn find<'a>(shard: &'a [u8], key: &str) -> Option<Option<&'a [u8]>> {
    let mut r = Reader {
        bytes: shard,
        at: 0,
    };
    while r.at < shard.len() {
        let len = r.varint()? as usize;
        let found = r.take(len)? == key.as_bytes();
        let len = r.varint()? as usize;
        let blob = r.take(len)?;
        if found {
            return Some(Some(blob));
        }
    }
    Some(None)
}

/// A key's entry from its shard file (empty when the key is not there). A damaged
/// file reads as `None`, so it is reported rather than taken as "no match".
pub fn lookup(shard: &[u8], key: &str) -> Option<Entry> {
    let Some(blob) = find(shard, key)? else {
        return Some(Vec::new());
    };
    let mut r = Reader { bytes: blob, at: 0 };
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(blob.len()));
    for _ in 0..n {
        let len = r.varint()? as usize;
        let rest = std::str::from_utf8(r.take(len)?).ok()?.to_string();
        let docs = Docs {
            title: r.docs()?,
            heading: r.docs()?,
            all: r.docs()?,
        };
        out.push((rest, docs));
    }
    Some(out)
}

/// A document that matches every term, and where its terms matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    /// The sum over terms of each term's best field: lower ranks first.
    pub rank: u32,
}

/// Per document, a rank plus one; 0 where the document does not match. Dense arrays
/// over the document numbers: at 10,000 articles a common word matches most of them,
/// and arrays beat maps by an order of magnitude there.
type Ranks = Vec<u32>;

/// The documents where one piece of a term occurs, with its best field in each.
fn piece_docs(entry: &Entry, rest: &str) -> Ranks {
    let mut out: Ranks = Vec::new();
    for (_, docs) in entry.iter().filter(|(r, _)| r.starts_with(rest)) {
        for (field, list) in [
            (Field::Title, &docs.title),
            (Field::Heading, &docs.heading),
            (Field::Body, &docs.all),
        ] {
            let rank = field as u32 + 1;
            for &doc in list {
                let doc = doc as usize;
                if doc >= out.len() {
                    out.resize(doc + 1, 0);
                }
                if out[doc] == 0 || rank < out[doc] {
                    out[doc] = rank;
                }
            }
        }
    }
    out
}

/// Keeps the documents in both: the better rank of two pieces of one term, or the sum
/// of two terms' ranks.
fn intersect(a: Option<Ranks>, b: Ranks, add: bool) -> Ranks {
    let Some(mut a) = a else {
        return b;
    };
    a.truncate(b.len());
    for (r, &m) in a.iter_mut().zip(&b) {
        *r = match (*r, m) {
            (0, _) | (_, 0) => 0,
            (r, m) if add => r + m - 1,
            (r, m) => r.min(m),
        };
    }
    a
}

/// The documents matching every term, best first (then in document order, newest
/// first). `entries` holds the entry of every key of every term.
pub fn evaluate(terms: &[String], entries: &HashMap<String, Entry>) -> Vec<Hit> {
    let empty = Vec::new();
    let mut ranks = None;
    for term in terms {
        let mut term_docs = None;
        for (key, rest) in term_keys(term) {
            let docs = piece_docs(entries.get(&key).unwrap_or(&empty), &rest);
            term_docs = Some(intersect(term_docs, docs, false));
        }
        if let Some(docs) = term_docs {
            ranks = Some(intersect(ranks, docs, true));
        }
    }
    let ranks = ranks.unwrap_or_default();
    // Ranks are small (a field per term), so one pass per rank orders the hits.
    let worst = ranks.iter().copied().max().unwrap_or(0);
    (1..=worst)
        .flat_map(|rank| {
            ranks
                .iter()
                .enumerate()
                .filter(move |&(_, &r)| r == rank)
                .map(move |(doc, _)| Hit {
                    doc: doc as u32,
                    rank: rank - 1,
                })
        })
        .collect()
}

/// Whether an article matches every term, by reading it: what the index must agree
/// with.
pub fn scan(fields: &[(Field, &str)], terms: &[String]) -> bool {
    let folded: Vec<(Field, String)> = fields.iter().map(|(f, t)| (*f, fold(t).text)).collect();
    terms.iter().all(|term| {
        folded.iter().any(|(field, text)| {
            (term.chars().count() > 1 || *field != Field::Body) && text.contains(term.as_str())
        })
    })
}

/// The passage to show under a result: the first heading or body text where a term
/// occurs, cut around the first match, with "…" where it was cut.
pub fn passage(fields: &[(Field, &str)], terms: &[String]) -> Option<String> {
    const BEFORE: usize = 30;
    const AFTER: usize = 70;
    fields
        .iter()
        .filter(|(f, _)| *f != Field::Title)
        .find_map(|(_, text)| {
            let first = fold(text).match_ranges(terms).into_iter().next()?;
            let start = text[..first.start]
                .char_indices()
                .rev()
                .nth(BEFORE - 1)
                .map_or(0, |(i, _)| i);
            let end = text[first.end..]
                .char_indices()
                .nth(AFTER)
                .map_or(text.len(), |(i, _)| first.end + i);
            let mut out = String::new();
            if start > 0 {
                out.push('…');
            }
            out.push_str(&text[start..end]);
            if end < text.len() {
                out.push('…');
            }
            Some(out)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query_terms;

    fn index(docs: &[&[(Field, &str)]]) -> (u32, Vec<Vec<u8>>) {
        let mut b = Builder::default();
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    fn shard<'a>(built: &'a (u32, Vec<Vec<u8>>), key: &str) -> &'a [u8] {
        &built.1[shard_of(key, built.0) as usize]
    }

    fn search(built: &(u32, Vec<Vec<u8>>), q: &str) -> Vec<Hit> {
        let terms = query_terms(q);
        let mut entries = HashMap::new();
        for t in &terms {
            for (key, _) in term_keys(t) {
                let entry = lookup(shard(built, &key), &key).expect("readable");
                entries.insert(key, entry);
            }
        }
        evaluate(&terms, &entries)
    }

    fn docs(hits: &[Hit]) -> Vec<u32> {
        hits.iter().map(|h| h.doc).collect()
    }

    const A: &[(Field, &str)] = &[
        (Field::Title, "エクソソームの副作用"),
        (Field::Body, "献血ができない期間があります。"),
    ];
    const B: &[(Field, &str)] = &[
        (Field::Title, "ダウンタイムの過ごし方"),
        (Field::Heading, "アナフィラキシー"),
        (
            Field::Body,
            "エクソソームは、まれにアナフィラキシーを起こします。",
        ),
    ];
    const C: &[(Field, &str)] = &[
        (Field::Title, "用語集"),
        // Every bigram of 献血 and ダウンタイム occurs, never the words.
        (
            Field::Body,
            "血液。献身。献血液ではなく、ダウンタ。ウンタイム",
        ),
    ];

    #[test]
    fn terms_are_looked_up_by_their_first_bigram() {
        assert_eq!(term_keys("献血"), vec![("献血".into(), String::new())]);
        assert_eq!(
            term_keys("だうんたいむ"),
            vec![("だう".into(), "んたいむ".into())]
        );
        assert_eq!(term_keys("肌"), vec![("肌".into(), String::new())]);
        // Longer than one piece: pieces that overlap and cover it.
        let long = "あいうえおかきくけこさしすせ";
        let keys = term_keys(long);
        assert_eq!(keys.len(), 2);
        assert_eq!(format!("{}{}", keys[0].0, keys[0].1), long[..12 * 3]);
        assert_eq!(format!("{}{}", keys[1].0, keys[1].1), long[2 * 3..]);
    }

    #[test]
    fn body_text_matches_only_in_sequence() {
        let built = index(&[A, B, C]);
        assert_eq!(docs(&search(&built, "献血")), vec![0, 2]);
        assert_eq!(docs(&search(&built, "献血が")), vec![0]);
        assert_eq!(docs(&search(&built, "ダウンタイム")), vec![1]);
        assert_eq!(docs(&search(&built, "えくそそーむ")), vec![0, 1]);
        assert_eq!(docs(&search(&built, "ｱﾅﾌｨﾗｷｼｰ 起こし")), vec![1]);
        assert!(search(&built, "けんけつ").is_empty());
        assert!(search(&built, "献血が ダウンタイム").is_empty());
    }

    #[test]
    fn title_and_heading_matches_rank_before_body_matches() {
        let built = index(&[
            &[(Field::Title, "題"), (Field::Body, "アナフィラキシーの話")],
            B,
            &[(Field::Title, "アナフィラキシーとは")],
        ]);
        assert_eq!(docs(&search(&built, "アナフィラキシー")), vec![2, 1, 0]);
    }

    #[test]
    fn one_character_terms_match_titles_and_headings() {
        let built = index(&[A, B, C]);
        assert_eq!(docs(&search(&built, "副")), vec![0]);
        assert!(search(&built, "献").is_empty());
    }

    #[test]
    fn the_index_agrees_with_a_plain_scan() {
        let long: &[(Field, &str)] = &[(Field::Body, "あいうえおかきくけこさしすせそ")];
        let all = [A, B, C, long];
        let built = index(&all);
        for q in [
            "献血",
            "アナフィラキシー",
            "ム",
            "ーム",
            "献血液",
            "ダウン タイム",
            "血液 献身",
            "いうえおかきくけこさしすせそ",
            "あいうえおかきくけこさしすせ",
        ] {
            let terms = query_terms(q);
            let want: Vec<u32> = (0..all.len() as u32)
                .filter(|&i| scan(all[i as usize], &terms))
                .collect();
            let mut got = docs(&search(&built, q));
            got.sort();
            assert_eq!(got, want, "{q}");
        }
    }

    #[test]
    fn damaged_shards_are_errors_not_empty_results() {
        let built = index(&[A]);
        let key = "献血";
        let file = shard(&built, key);
        assert_eq!(lookup(file, key).unwrap()[0].1.all, vec![0]);
        // A key that is not there is only known absent once the whole file was read.
        assert!(lookup(&file[..file.len() - 1], "zz").is_none());
        assert_eq!(lookup(file, "zz"), Some(vec![]));
        assert_eq!(lookup(&[], key), Some(vec![]));
        assert!(lookup(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], key).is_none());
        // A bitmap that claims more articles than it has bits.
        let mut bytes = Vec::new();
        put_varint(&mut bytes, u32::MAX);
        bytes.extend([BITMAP, 1, 0xff]);
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        assert_eq!(r.docs(), None);
    }

    #[test]
    fn common_keys_are_stored_as_bitmaps() {
        let docs: Vec<&[(Field, &str)]> = (0..100).map(|_| A).collect();
        let built = index(&docs);
        let file = shard(&built, "献血");
        assert_eq!(
            lookup(file, "献血").unwrap()[0].1.all,
            (0..100).collect::<Vec<_>>()
        );
        // The continuation (30 bytes) and a 13-byte bitmap.
        let blob = find(file, "献血").unwrap().unwrap();
        assert!(blob.len() < 60, "{}", blob.len());
    }

    #[test]
    fn passages_are_cut_around_the_first_match() {
        let long = format!("{}献血{}", "あ".repeat(50), "い".repeat(100));
        let fields = [(Field::Title, "献血"), (Field::Body, long.as_str())];
        let p = passage(&fields, &query_terms("献血")).unwrap();
        assert!(p.starts_with('…') && p.ends_with('…'));
        assert_eq!(p.chars().count(), 1 + 30 + 2 + 70 + 1);
        assert_eq!(
            passage(&[(Field::Title, "献血")], &query_terms("献血")),
            None
        );
        let short = [(Field::Body, "短い献血。")];
        assert_eq!(
            passage(&short, &query_terms("献血")).as_deref(),
            Some("短い献血。")
        );
    }
}
