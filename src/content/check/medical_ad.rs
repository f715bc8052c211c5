//! Japan's medical advertising guideline (医療広告ガイドライン). A page about a self-pay
//! (自由診療) treatment may go beyond the basic limits only if it also shows the usual
//! treatment, its cost, its main risks and side effects, and a real contact point
//! (限定解除要件); and no page may make absolute or superlative claims. These are
//! warnings, as the final judgement is an editor's; `--strict` makes them errors.

use super::blocks::{blocks, texts};
use super::report::{quote, Report};
use super::rules::https_problem;
use super::{ArticleFile, Content};
use crate::content::{files, Block, Category, Topic};

pub(crate) fn check(content: &Content, report: &mut Report) {
    let contact = contact(content);
    for a in &content.articles {
        let category = content
            .site
            .as_ref()
            .and_then(|s| s.category(&a.article.category));
        if let Some(category) = category.filter(|c| c.self_pay == Some(true)) {
            self_pay_requirements(a, category, contact, report);
        }
        for t in texts(&a.article) {
            for (term, sentence) in absolute_claims(t.text) {
                report.warning(&a.file, &t.pointer, claim_message(term, sentence));
            }
        }
    }
    // The FAQ answers for the articles, so the same rule holds there.
    if let Some(faq) = &content.faq {
        for (i, group) in faq.groups.iter().enumerate() {
            for (j, item) in group.items.iter().enumerate() {
                let at = format!("/groups/{i}/items/{j}");
                let answers = item
                    .answer
                    .iter()
                    .enumerate()
                    .map(|(k, text)| (format!("{at}/answer/{k}"), text));
                for (pointer, text) in
                    std::iter::once((format!("{at}/question"), &item.question)).chain(answers)
                {
                    for (term, sentence) in absolute_claims(text) {
                        report.warning(files::FAQ, &pointer, claim_message(term, sentence));
                    }
                }
            }
        }
    }
}

/// Whether a patient can reach the clinic from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contact {
    Reachable,
    Missing,
    /// A file that could hold the contact could not be read.
    Unknown,
}

fn contact(content: &Content) -> Contact {
    let usable_url =
        |url: &Option<String>| url.as_deref().is_some_and(|u| https_problem(u).is_none());
    let filled = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    let brand = content
        .site
        .as_ref()
        .map(|s| usable_url(&s.brand.consultation_url));
    let clinic = content.clinics.as_ref().map(|c| {
        c.clinics
            .iter()
            .any(|c| filled(&c.phone) || filled(&c.address) || usable_url(&c.consultation_url))
    });
    match (brand, clinic) {
        (Some(true), _) | (_, Some(true)) => Contact::Reachable,
        (Some(false), Some(false)) => Contact::Missing,
        _ => Contact::Unknown,
    }
}

const GUIDELINE: &str = "医療広告ガイドライン 限定解除要件";

fn self_pay_requirements(
    a: &ArticleFile,
    category: &Category,
    contact: Contact,
    report: &mut Report,
) {
    let placed = blocks(&a.article);
    let has_topic = |wanted: &[Topic]| {
        placed
            .iter()
            .any(|p| matches!(p.block, Block::Section { topic: Some(t), .. } if wanted.contains(t)))
    };
    let has_price = placed
        .iter()
        .any(|p| matches!(p.block, Block::PriceTable { rows, .. } if !rows.is_empty()));
    let consultation = placed
        .iter()
        .find(|p| matches!(p.block, Block::Consultation { .. }));
    let treatment = format!("self-pay treatment {}", quote(&category.name));
    let mut warn = |pointer: &str, message: String| report.warning(&a.file, pointer, message);

    if !has_topic(&[Topic::Treatment]) {
        warn(
            "/body",
            format!(
                "{treatment} without its usual treatment ({GUIDELINE}: 通常必要とされる治療等の内容): \
                 add a section with \"topic\": \"treatment\""
            ),
        );
    }
    if !has_price {
        warn(
            "/body",
            format!(
                "{treatment} without its cost ({GUIDELINE}: 費用): add a price_table block with \
                 at least one row; prose about cost is not a price"
            ),
        );
    }
    if !has_topic(&[Topic::SideEffects, Topic::Downsides]) {
        warn(
            "/body",
            format!(
                "{treatment} without its main risks and side effects ({GUIDELINE}: 主なリスク、副作用): \
                 add a section with \"topic\": \"side_effects\" or \"downsides\""
            ),
        );
    }
    const WHERE: &str = "set brand.consultation_url in site.json, or a clinic's \
                         consultation_url, phone or address in clinics.json";
    match (consultation, contact) {
        (Some(_), Contact::Reachable | Contact::Unknown) => {}
        (Some(block), Contact::Missing) => warn(
            &block.pointer,
            format!(
                "{treatment}: the consultation call to action has no reachable contact \
                 ({GUIDELINE}: 問い合わせ先): the content has no consultation URL, phone or \
                 address; {WHERE}"
            ),
        ),
        (None, Contact::Missing) => warn(
            "/body",
            format!(
                "{treatment} without a contact point ({GUIDELINE}: 問い合わせ先): add a \
                 consultation block, and {WHERE}"
            ),
        ),
        (None, _) => warn(
            "/body",
            format!(
                "{treatment} without a contact point ({GUIDELINE}: 問い合わせ先): add a \
                 consultation block"
            ),
        ),
    }
}

fn claim_message(term: &str, sentence: &str) -> String {
    format!(
        "absolute claim 「{term}」 in {}: 医療広告ガイドライン does not allow absolute or \
         superlative claims; rephrase it",
        quote(sentence.trim())
    )
}

/// Claims the guideline does not allow, as written after `fold` (so `１００％安全` and
/// `NO.1` are found too), and how a message names each.
const CLAIMS: &[(&str, &str)] = &[
    ("絶対", "絶対"),
    ("100%安全", "100%安全"),
    ("完全に安全", "完全に安全"),
    ("日本一", "日本一"),
    ("世界一", "世界一"),
    ("必ず治る", "必ず治る"),
    ("副作用なし", "副作用なし"),
    ("副作用が一切ない", "副作用が一切ない"),
    ("no.1", "No.1"),
];

/// Words that, after a claim in the same sentence, deny the claim itself
/// (「絶対的な安全性を保証することはできません」 is a caution, not a claim). A bare polite
/// negative is not among them: 「絶対に痛くありません」 still claims something absolute.
const NEGATIONS: &[&str] = &[
    "できません",
    "ではありません",
    "じゃありません",
    "とは言えません",
    "とはいえません",
    "とは言い切れません",
    "とは限りません",
    "わけではありません",
    "ではない",
    "じゃない",
    "ではなく",
    "とは言えない",
    "とはいえない",
    "とは言い切れない",
    "とは限らない",
    "わけではない",
    "できない",
    "できず",
];

/// Sentences end at these (and at line breaks).
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n', '\r'];

/// Each claim in `text` with the sentence it is in, at most once per term.
pub(crate) fn absolute_claims(text: &str) -> Vec<(&'static str, &str)> {
    let mut found: Vec<(&'static str, &str)> = Vec::new();
    for sentence in text.split(SENTENCE_ENDS) {
        let folded = fold(sentence);
        for &(term, name) in CLAIMS {
            let claimed = folded.match_indices(term).any(|(at, _)| {
                let after = &folded[at + term.len()..];
                let before = &folded[..at];
                let denied = NEGATIONS.iter().any(|n| after.contains(n));
                // `No.1` but not `No.12` or `piano.1`.
                let whole = term != "no.1"
                    || (!after.starts_with(|c: char| c.is_ascii_digit())
                        && !before.ends_with(|c: char| c.is_ascii_alphanumeric()));
                !denied && whole
            });
            if claimed && !found.iter().any(|(t, _)| *t == name) {
                found.push((name, sentence));
            }
        }
    }
    found
}

/// The NFKC folds that matter for the claims, plus ASCII case: full-width ASCII to
/// ASCII (`１００％` → `100%`), the ideographic space, `﹪` and `№`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{ff01}'..='\u{ff5e}' => {
                let ascii = char::from_u32(c as u32 - 0xfee0).unwrap_or(c);
                out.push(ascii.to_ascii_lowercase());
            }
            '\u{3000}' => out.push(' '),
            '\u{fe6a}' => out.push('%'),
            // NFKC makes `№` plain `No`; `№1` means `No.1`.
            '\u{2116}' => out.push_str("no."),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<&'static str> {
        absolute_claims(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn finds_absolute_claims_in_any_width_or_case() {
        assert_eq!(terms("当院の施術は100%安全です。"), ["100%安全"]);
        assert_eq!(terms("当院の施術は１００％安全です。"), ["100%安全"]);
        assert_eq!(terms("満足度ＮＯ．１のクリニック"), ["No.1"]);
        assert_eq!(terms("満足度№1"), ["No.1"]);
        assert_eq!(terms("絶対に痛くない施術"), ["絶対"]);
        assert_eq!(terms("絶対に痛くありません。"), ["絶対"]);
        assert_eq!(
            terms("日本一の症例数、世界一の技術。副作用なし!"),
            ["日本一", "世界一", "副作用なし"]
        );
        assert_eq!(
            terms("必ず治る。副作用が一切ない。完全に安全。"),
            ["必ず治る", "副作用が一切ない", "完全に安全"]
        );
    }

    #[test]
    fn a_claim_denied_later_in_its_sentence_is_a_caution() {
        let seed = "一般的にはアレルギーのような拒否反応は非常にまれですが、個人の体質によっては\
                    絶対的な安全性を保証することはできません。";
        assert_eq!(terms(seed), Vec::<&str>::new());
        assert_eq!(
            terms("100%安全とは言い切れない治療です"),
            Vec::<&str>::new()
        );
        assert_eq!(
            terms("副作用が一切ないわけではありません"),
            Vec::<&str>::new()
        );
        // The denial must be in the same sentence, after the claim.
        assert_eq!(terms("保証はできません。絶対に安全です。"), ["絶対"]);
        assert_eq!(terms("できませんが絶対に治ります"), ["絶対"]);
    }

    #[test]
    fn no_1_must_stand_alone() {
        assert_eq!(terms("No.12 の症例"), Vec::<&str>::new());
        assert_eq!(terms("piano.1"), Vec::<&str>::new());
        assert_eq!(terms("人気No.1!"), ["No.1"]);
    }

    #[test]
    fn the_claim_names_its_sentence() {
        assert_eq!(
            absolute_claims("安心です。当院は日本一です。"),
            [("日本一", "当院は日本一です")]
        );
    }
}
