//! Japan's medical advertising guideline (医療広告ガイドライン). A page about a self-pay
//! (自由診療) treatment may go beyond the basic limits only if it also shows the usual
//! treatment, its cost, its main risks and side effects, and a real contact point
//! (限定解除要件); a treatment with an unapproved medicine or device (未承認医薬品等)
//! must also say so, how it is obtained, whether an approved alternative exists, what
//! is known of its safety abroad, and that the relief system does not cover it. No page
//! may make absolute, comparative or ranking claims, or use testimonials (see
//! [`super::claims`]). These are warnings, as the final judgement is an editor's;
//! `--strict` makes them errors.

use super::blocks::{blocks, texts};
use super::claims::{claims, hint, BEFORE_AFTER};
use super::report::{quote, Finding, Report, Rule};
use super::rules::https_problem;
use super::{ArticleFile, Content};
use crate::content::{files, Article, Block, Disclosures, Site, Topic, Unapproved};

pub(crate) const SELF_PAY: Rule = Rule {
    id: "self-pay",
    name: "自由診療の限定解除要件",
    category: "限定解除要件",
};
pub(crate) const UNAPPROVED: Rule = Rule {
    id: "unapproved",
    name: "未承認医薬品等の説明",
    category: "限定解除要件(未承認医薬品等)",
};

/// Words naming products that are not approved as medicines in Japan: an article that
/// mentions one without declaring it unapproved is reported.
const UNAPPROVED_PRODUCTS: &[&str] = &["エクソソーム", "幹細胞培養上清液", "幹細胞上清液"];

pub(crate) fn check(content: &Content, report: &mut Report) {
    let contact = contact(content);
    for a in &content.articles {
        let disclosures = content
            .site
            .as_ref()
            .map(|s| s.disclosures(&a.article))
            .unwrap_or_default();
        let details = Details::of(&a.article);
        if disclosures.self_pay == Some(true) {
            let name = content
                .site
                .as_ref()
                .and_then(|s| s.category(&a.article.category))
                .map_or(a.article.category.as_str(), |c| c.name.as_str());
            self_pay_requirements(a, name, &details, contact, report);
        }
        if let Some(site) = &content.site {
            unapproved_declared(a, site, &disclosures, report);
        }
        for t in texts(&a.article) {
            for c in claims(t.text) {
                // Photos before and after are allowed beside the treatment's details.
                if c.rule == BEFORE_AFTER && details.complete() {
                    continue;
                }
                report.finding(&a.file, &t.pointer, found(c.rule, c.sentence, t.text));
            }
        }
    }
    if let Some(site) = &content.site {
        unapproved_disclosures(content, site, report);
    }
    // The FAQ answers for the articles, so the same rules hold there.
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
                    for c in claims(text) {
                        report.finding(files::FAQ, &pointer, found(c.rule, c.sentence, text));
                    }
                }
            }
        }
    }
}

fn found(rule: Rule, sentence: &str, context: &str) -> Finding {
    Finding {
        rule,
        sentence: sentence.trim().to_string(),
        context: context.to_string(),
        hint: hint(rule).to_string(),
    }
}

fn missing(rule: Rule, hint: String) -> Finding {
    Finding {
        rule,
        sentence: String::new(),
        context: String::new(),
        hint,
    }
}

/// What of the guideline's treatment details an article shows.
struct Details {
    treatment: bool,
    price: bool,
    risks: bool,
    /// The pointer of its consultation call to action, if it has one.
    consultation: Option<String>,
}

impl Details {
    fn of(article: &Article) -> Self {
        let placed = blocks(article);
        let topic = |wanted: &[Topic]| {
            placed.iter().any(
                |p| matches!(p.block, Block::Section { topic: Some(t), .. } if wanted.contains(t)),
            )
        };
        Details {
            treatment: topic(&[Topic::Treatment]),
            risks: topic(&[Topic::SideEffects, Topic::Downsides]),
            price: placed
                .iter()
                .any(|p| matches!(p.block, Block::PriceTable { rows, .. } if !rows.is_empty())),
            consultation: placed
                .iter()
                .find(|p| matches!(p.block, Block::Consultation { .. }))
                .map(|p| p.pointer.clone()),
        }
    }

    /// The usual treatment, its cost and its risks, as a page with before/after
    /// photos must show.
    fn complete(&self) -> bool {
        self.treatment && self.price && self.risks
    }
}

/// An article that names an unapproved product must declare it.
fn unapproved_declared(a: &ArticleFile, site: &Site, d: &Disclosures, report: &mut Report) {
    // An unknown category is its own error; what it would declare is unknown.
    let Some(category) = site.category(&a.article.category) else {
        return;
    };
    if d.unapproved.is_some() {
        return;
    }
    for t in texts(&a.article) {
        if let Some(product) = UNAPPROVED_PRODUCTS.iter().find(|p| t.text.contains(*p)) {
            let sentence = t
                .text
                .split(['。', '\n'])
                .find(|s| s.contains(product))
                .unwrap_or(t.text);
            report.finding(
                &a.file,
                &t.pointer,
                Finding {
                    rule: UNAPPROVED,
                    sentence: sentence.trim().to_string(),
                    context: t.text.to_string(),
                    hint: format!(
                        "「{product}」は国内で医薬品として承認されていない未承認医薬品等です。\
                         site.json のカテゴリー「{}」か記事の disclosures に unapproved を記載してください",
                        category.name
                    ),
                },
            );
            return;
        }
    }
}

/// The disclosures of an unapproved product, where they are declared: each empty one
/// is reported once, at the declaration.
fn unapproved_disclosures(content: &Content, site: &Site, report: &mut Report) {
    for (i, category) in site.categories.iter().enumerate() {
        let used = content.articles.iter().any(|a| {
            a.article.category == category.id
                && a.article
                    .disclosures
                    .as_ref()
                    .is_none_or(|d| d.unapproved.is_none())
        });
        if let (Some(u), true) = (&category.unapproved, used) {
            missing_fields(
                files::SITE,
                &format!("/categories/{i}/unapproved"),
                u,
                report,
            );
        }
    }
    for a in &content.articles {
        if let Some(u) = a
            .article
            .disclosures
            .as_ref()
            .and_then(|d| d.unapproved.as_ref())
        {
            missing_fields(&a.file, "/disclosures/unapproved", u, report);
        }
    }
}

fn missing_fields(file: &str, at: &str, u: &Unapproved, report: &mut Report) {
    let fields = [
        ("status", &u.status, "未承認医薬品等であること"),
        (
            "acquisition",
            &u.acquisition,
            "入手経路等(例: 医師の責任で輸入)",
        ),
        (
            "domestic_alternatives",
            &u.domestic_alternatives,
            "国内の承認医薬品等の有無",
        ),
        (
            "safety_abroad",
            &u.safety_abroad,
            "諸外国における安全性等に係る情報",
        ),
        (
            "relief_system",
            &u.relief_system,
            "医薬品副作用被害救済制度の対象外であること",
        ),
    ];
    for (field, value, what) in fields {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            report.finding(
                file,
                &format!("{at}/{field}"),
                missing(
                    UNAPPROVED,
                    format!(
                        "{} has no `{field}`: 「{what}」を、クリニックが確認した事実だけで記載してください",
                        quote(&u.product)
                    ),
                ),
            );
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
    category: &str,
    details: &Details,
    contact: Contact,
    report: &mut Report,
) {
    let treatment = format!("self-pay treatment {}", quote(category));
    let mut warn = |pointer: &str, message: String| {
        report.finding(&a.file, pointer, missing(SELF_PAY, message))
    };

    if !details.treatment {
        warn(
            "/body",
            format!(
                "{treatment} without its usual treatment ({GUIDELINE}: 通常必要とされる治療等の内容): \
                 add a section with \"topic\": \"treatment\""
            ),
        );
    }
    if !details.price {
        warn(
            "/body",
            format!(
                "{treatment} without its cost ({GUIDELINE}: 費用): add a price_table block with \
                 at least one row; prose about cost is not a price"
            ),
        );
    }
    if !details.risks {
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
    match (&details.consultation, contact) {
        (Some(_), Contact::Reachable | Contact::Unknown) => {}
        (Some(pointer), Contact::Missing) => warn(
            pointer,
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
