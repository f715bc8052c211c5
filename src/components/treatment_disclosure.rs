use leptos::prelude::*;

use super::{external_link, RawElement};
use crate::content::Disclosures;
use crate::markup::{anchor, escape};

/// 「自由診療・未承認医薬品等について」: what Japan's medical advertising guideline asks a
/// page about a self-pay treatment, or one with an unapproved medicine or device, to
/// state. Each item shows when the content has it; the block itself is always shown
/// (in print and in every embed), and no option removes it. Markup that never changes
/// once drawn.
#[component]
pub fn TreatmentDisclosure(
    disclosures: Disclosures,
    /// Distinguishes the blocks of one page (their headings' ids).
    id: &'static str,
    /// The consultation page, the contact point, when the content gives one.
    consultation_url: Option<String>,
) -> impl IntoView {
    let heading = match (disclosures.self_pay == Some(true), &disclosures.unapproved) {
        (true, Some(_)) => "自由診療・未承認医薬品等について",
        (false, Some(_)) => "未承認医薬品等について",
        _ => "自由診療について",
    };
    let mut out = format!(
        "<aside class=\"disclosure\" aria-labelledby=\"{id}-heading\">\
         <h2 id=\"{id}-heading\" class=\"disclosure__heading\">{heading}</h2>\
         <dl class=\"disclosure__list\">"
    );
    let mut item = |term: &str, inner: String| {
        out.push_str(&format!(
            "<div class=\"disclosure__item\"><dt>{term}</dt><dd>{inner}</dd></div>"
        ))
    };
    let mut text = |term: &str, text: Option<&str>| {
        if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
            item(term, escape(t));
        }
    };
    let self_pay = disclosures.self_pay == Some(true);
    text(
        "診療の種類",
        self_pay.then_some("本治療は保険適用外の自由診療(自費診療)です。"),
    );
    text("費用", disclosures.cost.as_deref());
    let u = disclosures.unapproved.as_ref();
    text("使用する医薬品等", u.map(|u| u.product.as_str()));
    text(
        "未承認医薬品等であること",
        u.and_then(|u| u.status.as_deref()),
    );
    text("入手経路等", u.and_then(|u| u.acquisition.as_deref()));
    text(
        "国内の承認医薬品等の有無",
        u.and_then(|u| u.domestic_alternatives.as_deref()),
    );
    text(
        "諸外国における安全性等に係る情報",
        u.and_then(|u| u.safety_abroad.as_deref()),
    );
    text(
        "医薬品副作用被害救済制度",
        u.and_then(|u| u.relief_system.as_deref()),
    );
    if let Some(url) = consultation_url {
        item(
            "お問い合わせ",
            anchor(&external_link(url), None, "無料相談のお申し込み"),
        );
    }
    out.push_str("</dl></aside>");
    RawElement(out)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::content::Unapproved;

    fn html(disclosures: Disclosures, consultation_url: Option<String>) -> String {
        Owner::new().with(|| {
            view! { <TreatmentDisclosure disclosures id="risk" consultation_url /> }.to_html()
        })
    }

    #[test]
    fn only_the_items_the_content_gives_are_listed_as_text() {
        let out = html(
            Disclosures {
                self_pay: Some(true),
                cost: Some("<b>1万円</b> & 税".into()),
                unapproved: None,
            },
            None,
        );
        assert!(
            out.contains(
                "<h2 id=\"risk-heading\" class=\"disclosure__heading\">自由診療について</h2>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<dd>&lt;b&gt;1万円&lt;/b&gt; &amp; 税</dd>"),
            "{out}"
        );
        assert!(out.contains("本治療は保険適用外の自由診療"), "{out}");
        for absent in ["使用する医薬品等", "お問い合わせ", "<b>"] {
            assert!(!out.contains(absent), "{absent}: {out}");
        }
    }

    #[test]
    fn an_unapproved_medicine_names_its_status_and_the_contact_point() {
        let out = html(
            Disclosures {
                self_pay: None,
                cost: Some("  ".into()),
                unapproved: Some(Unapproved {
                    product: "製剤".into(),
                    status: Some("未承認です。".into()),
                    acquisition: None,
                    domestic_alternatives: None,
                    safety_abroad: None,
                    relief_system: None,
                }),
            },
            Some("https://clinic.example/contact".into()),
        );
        assert!(out.contains(">未承認医薬品等について</h2>"), "{out}");
        assert!(
            out.contains("<dt>未承認医薬品等であること</dt><dd>未承認です。</dd>"),
            "{out}"
        );
        assert!(
            !out.contains("費用") && !out.contains("入手経路等"),
            "{out}"
        );
        assert!(
            out.contains("<dd><a href=\"https://clinic.example/contact\" rel=\"noopener\">無料相談のお申し込み</a></dd>"),
            "{out}"
        );
    }
}
