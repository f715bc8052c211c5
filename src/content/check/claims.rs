//! Sentences Japan's medical advertising guideline (医療広告ガイドライン) does not allow
//! on a clinic's page, found by phrase: absolute claims (虚偽広告), comparisons with
//! other treatments, clinics or products and rankings or superlatives (比較優良広告),
//! patients' testimonials (体験談), and references to before/after photos, which
//! need the treatment's details beside them. A sentence that only denies a claim
//! (「絶対的な安全性を保証することはできません」) is a caution, not a claim.

use super::report::Rule;

pub(crate) const ABSOLUTE: Rule = Rule {
    id: "absolute",
    name: "絶対的な表現",
    category: "虚偽広告",
};
pub(crate) const RANKING: Rule = Rule {
    id: "ranking",
    name: "順位・最上級の表現",
    category: "比較優良広告",
};
pub(crate) const COMPARATIVE: Rule = Rule {
    id: "comparative",
    name: "他の治療・他院・他の製品との比較",
    category: "比較優良広告",
};
pub(crate) const TESTIMONIAL: Rule = Rule {
    id: "testimonial",
    name: "治療内容・効果に関する体験談",
    category: "体験談",
};
pub(crate) const BEFORE_AFTER: Rule = Rule {
    id: "before-after",
    name: "術前術後の写真",
    category: "誇大広告",
};

/// How to fix a sentence the rule reports.
pub(crate) fn hint(rule: Rule) -> &'static str {
    match rule.id {
        "absolute" => "「絶対」「100%安全」のような断定はできません。事実として言える範囲に書き換えてください",
        "ranking" => "「日本一」「No.1」「最高」などの順位・最上級の表現は使えません。削除してください",
        "comparative" => {
            "他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください"
        }
        "testimonial" => "治療の内容や効果についての患者の体験談・口コミは広告に使えません。削除してください",
        _ => "術前術後の写真には、治療内容・費用・主なリスクと副作用を併記してください",
    }
}

/// A phrase the guideline does not allow, after `fold` (so `１００％安全` and `NO.1`
/// are found too), with the rule and how a message names it.
struct Phrase {
    folded: &'static str,
    name: &'static str,
    rule: Rule,
}

const fn p(folded: &'static str, name: &'static str, rule: Rule) -> Phrase {
    Phrase { folded, name, rule }
}

const PHRASES: &[Phrase] = &[
    p("絶対", "絶対", ABSOLUTE),
    p("100%安全", "100%安全", ABSOLUTE),
    p("完全に安全", "完全に安全", ABSOLUTE),
    p("必ず治る", "必ず治る", ABSOLUTE),
    p("副作用なし", "副作用なし", ABSOLUTE),
    p("副作用が一切ない", "副作用が一切ない", ABSOLUTE),
    p("日本一", "日本一", RANKING),
    p("世界一", "世界一", RANKING),
    p("no.1", "No.1", RANKING),
    p("ナンバーワン", "ナンバーワン", RANKING),
    p("第1位", "第1位", RANKING),
    p("ランキング", "ランキング", RANKING),
    p("最高", "最高", RANKING),
    p("最上級", "最上級", RANKING),
    p("最強", "最強", RANKING),
    p("他院", "他院", COMPARATIVE),
    p("以上の効果", "以上の効果", COMPARATIVE),
    p("体験談", "体験談", TESTIMONIAL),
    p("患者様の声", "患者様の声", TESTIMONIAL),
    p("患者さまの声", "患者さまの声", TESTIMONIAL),
    p("お客様の声", "お客様の声", TESTIMONIAL),
    p("口コミ", "口コミ", TESTIMONIAL),
    p("クチコミ", "クチコミ", TESTIMONIAL),
    p("受けてよかった", "受けてよかった", TESTIMONIAL),
    p("受けて良かった", "受けて良かった", TESTIMONIAL),
    p("ビフォーアフター", "ビフォーアフター", BEFORE_AFTER),
    p("ビフォー・アフター", "ビフォー・アフター", BEFORE_AFTER),
    p("before/after", "before/after", BEFORE_AFTER),
    p("術前術後", "術前術後", BEFORE_AFTER),
    p("施術前後の写真", "施術前後の写真", BEFORE_AFTER),
    p("治療前後の写真", "治療前後の写真", BEFORE_AFTER),
    p("症例写真", "症例写真", BEFORE_AFTER),
];

/// Words that compare with something else (「他の治療法に比べて」「幹細胞培養液よりも」)…
const COMPARISONS: &[&str] = &["に比べ", "と比べ", "に比較し", "と比較し", "よりも"];
/// …and that, after a comparison in the same sentence, make it a claim of superiority.
const MERITS: &[&str] = &[
    "安全",
    "効果",
    "高純度",
    "優れ",
    "優位",
    "良い",
    "よい",
    "安心",
    "早い",
    "少ない",
    "痛くない",
    "長持ち",
    "効く",
];

/// A first-person account of being treated: 「私」 with one of these.
const EXPERIENCES: &[&str] = &[
    "受けました",
    "受けてみ",
    "施術を受け",
    "治療を受け",
    "通って",
];

/// Words that, after a claim in the same sentence, deny the claim itself. A bare
/// polite negative is not among them: 「絶対に痛くありません」 still claims something.
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

/// A sentence a rule reports, and the words that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claim<'a> {
    pub rule: Rule,
    pub term: &'static str,
    pub sentence: &'a str,
}

/// Every claim in `text`, sentence by sentence, at most once per rule and sentence.
pub(crate) fn claims(text: &str) -> Vec<Claim<'_>> {
    let mut found: Vec<Claim> = Vec::new();
    for sentence in text.split(SENTENCE_ENDS) {
        let folded = fold(sentence);
        let mut push = |rule: Rule, term: &'static str| {
            if !found
                .iter()
                .any(|c| c.rule == rule && c.sentence == sentence)
            {
                found.push(Claim {
                    rule,
                    term,
                    sentence,
                });
            }
        };
        for phrase in PHRASES {
            let claimed = folded.match_indices(phrase.folded).any(|(at, _)| {
                let after = &folded[at + phrase.folded.len()..];
                let before = &folded[..at];
                // `No.1` but not `No.12` or `piano.1`; `最高` but not `最高値`.
                let whole = match phrase.folded {
                    "no.1" => {
                        !after.starts_with(|c: char| c.is_ascii_digit())
                            && !before.ends_with(|c: char| c.is_ascii_alphanumeric())
                    }
                    "最高" => !after.starts_with(['値', '血', '気', '裁']),
                    _ => true,
                };
                whole && !denied(after)
            });
            if claimed {
                push(phrase.rule, phrase.name);
            }
        }
        if let Some(term) = comparison(&folded) {
            push(COMPARATIVE, term);
        }
        if folded.contains('私') && EXPERIENCES.iter().any(|e| folded.contains(e)) {
            push(TESTIMONIAL, "私");
        }
    }
    found
}

fn denied(after: &str) -> bool {
    NEGATIONS.iter().any(|n| after.contains(n))
}

/// A comparison followed by a merit in the same sentence, not denied after it.
fn comparison(folded: &str) -> Option<&'static str> {
    COMPARISONS.iter().copied().find(|c| {
        folded.match_indices(c).any(|(at, _)| {
            let after = &folded[at + c.len()..];
            MERITS.iter().any(|m| after.contains(m)) && !denied(after)
        })
    })
}

/// The NFKC folds that matter for the phrases, plus ASCII case: full-width ASCII to
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

    fn found(text: &str) -> Vec<(&'static str, &'static str)> {
        claims(text)
            .into_iter()
            .map(|c| (c.rule.id, c.term))
            .collect()
    }

    fn none(text: &str) {
        assert_eq!(found(text), Vec::<(&str, &str)>::new(), "{text}");
    }

    #[test]
    fn absolute_claims_in_any_width_or_case() {
        assert_eq!(
            found("当院の施術は100%安全です。"),
            [("absolute", "100%安全")]
        );
        assert_eq!(
            found("当院の施術は１００％安全です。"),
            [("absolute", "100%安全")]
        );
        assert_eq!(found("絶対に痛くない施術"), [("absolute", "絶対")]);
        assert_eq!(found("絶対に痛くありません。"), [("absolute", "絶対")]);
        assert_eq!(
            found("必ず治る。副作用が一切ない。完全に安全。"),
            [
                ("absolute", "必ず治る"),
                ("absolute", "副作用が一切ない"),
                ("absolute", "完全に安全")
            ]
        );
    }

    #[test]
    fn rankings_and_superlatives() {
        assert_eq!(found("満足度ＮＯ．１のクリニック"), [("ranking", "No.1")]);
        assert_eq!(found("満足度№1"), [("ranking", "No.1")]);
        assert_eq!(found("症例数日本一。"), [("ranking", "日本一")]);
        assert_eq!(found("最高の仕上がりをお約束"), [("ranking", "最高")]);
        assert_eq!(found("人気ランキング第1位"), [("ranking", "第1位")]);
        none("No.12 の症例");
        none("piano.1");
        none("最高血圧が高い方はご相談ください");
        none("日本一とは言えませんが、丁寧に施術します");
    }

    #[test]
    fn comparisons_with_other_treatments_clinics_and_products() {
        // The seed's own sentences, reported as they are.
        assert_eq!(
            found("エクソソームは、他の治療法に比べて高い安全性が認められています"),
            [("comparative", "に比べ")]
        );
        assert_eq!(
            found("そのため、幹細胞培養上清液は、幹細胞培養液よりも安全性が高いです。"),
            [("comparative", "よりも")]
        );
        assert_eq!(
            found("幹細胞培養上清液には、幹細胞培養液以上の効果が期待できるのです。"),
            [("comparative", "以上の効果")]
        );
        assert_eq!(found("他院で断られた方も"), [("comparative", "他院")]);
        // Comparisons that claim no merit, and denied ones, are not.
        none("施術前と比べて、赤みが出ることがあります");
        none("飲み薬よりも費用がかかります");
        none("他の治療法に比べて安全とは言えません");
        none("より純度の高い物質です");
    }

    #[test]
    fn testimonials() {
        assert_eq!(
            found("患者様の声をご紹介します"),
            [("testimonial", "患者様の声")]
        );
        assert_eq!(found("口コミで話題の施術"), [("testimonial", "口コミ")]);
        assert_eq!(
            found("私も実際に施術を受けましたが、肌がきれいになりました。"),
            [("testimonial", "私")]
        );
        none("私たちは丁寧なカウンセリングを大切にしています");
        none("治療を受ける際は医師と相談してください");
    }

    #[test]
    fn before_after_photos() {
        assert_eq!(
            found("ビフォーアフター写真はこちら"),
            [("before-after", "ビフォーアフター")]
        );
        assert_eq!(
            found("症例写真を掲載しています"),
            [("before-after", "症例写真")]
        );
        none("施術の前後は日焼けを避けてください");
    }

    #[test]
    fn a_claim_denied_later_in_its_sentence_is_a_caution() {
        none(
            "一般的にはアレルギーのような拒否反応は非常にまれですが、個人の体質によっては\
             絶対的な安全性を保証することはできません。",
        );
        none("100%安全とは言い切れない治療です");
        none("副作用が一切ないわけではありません");
        // The denial must be in the same sentence, after the claim.
        assert_eq!(
            found("保証はできません。絶対に安全です。"),
            [("absolute", "絶対")]
        );
        assert_eq!(found("できませんが絶対に治ります"), [("absolute", "絶対")]);
    }

    #[test]
    fn each_claim_names_its_sentence() {
        let c = claims("安心です。当院は日本一です。");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].sentence, "当院は日本一です");
    }
}
