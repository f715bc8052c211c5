use leptos::prelude::*;

use super::ExternalLink;
use crate::content::Disclosures;

/// 「自由診療・未承認医薬品等について」: what Japan's medical advertising guideline asks a
/// page about a self-pay treatment, or one with an unapproved medicine or device, to
/// state. Each item shows when the content has it; the block itself is always shown
/// (in print and in every embed), and no option removes it.
#[component]
pub fn TreatmentDisclosure(
    disclosures: Disclosures,
    /// Distinguishes the blocks of one page (their headings' ids).
    id: &'static str,
    /// The consultation page, the contact point, when the content gives one.
    consultation_url: Option<String>,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let heading = match (disclosures.self_pay == Some(true), &disclosures.unapproved) {
        (true, Some(_)) => "自由診療・未承認医薬品等について",
        (false, Some(_)) => "未承認医薬品等について",
        _ => "自由診療について",
    };
    let item = |term: &'static str, text: Option<String>| {
        text.filter(|t| !t.trim().is_empty()).map(|t| {
            view! {
                <div class="disclosure__item">
                    <dt>{term}</dt>
                    <dd>{t}</dd>
                </div>
            }
        })
    };
    let self_pay = (disclosures.self_pay == Some(true))
        .then(|| "本治療は保険適用外の自由診療(自費診療)です。".to_string());
    let u = disclosures.unapproved.clone();
    let field = |f: fn(&crate::content::Unapproved) -> &Option<String>| {
        u.as_ref().and_then(|u| f(u).clone())
    };
    view! {
        <aside class="disclosure" aria-labelledby=labelled_by>
            <h2 id=heading_id class="disclosure__heading">{heading}</h2>
            <dl class="disclosure__list">
                {item("診療の種類", self_pay)}
                {item("費用", disclosures.cost.clone())}
                {item("使用する医薬品等", u.as_ref().map(|u| u.product.clone()))}
                {item("未承認医薬品等であること", field(|u| &u.status))}
                {item("入手経路等", field(|u| &u.acquisition))}
                {item("国内の承認医薬品等の有無", field(|u| &u.domestic_alternatives))}
                {item("諸外国における安全性等に係る情報", field(|u| &u.safety_abroad))}
                {item("医薬品副作用被害救済制度", field(|u| &u.relief_system))}
                {consultation_url.map(|url| view! {
                    <div class="disclosure__item">
                        <dt>"お問い合わせ"</dt>
                        <dd><ExternalLink href=url>"無料相談のお申し込み"</ExternalLink></dd>
                    </div>
                })}
            </dl>
        </aside>
    }
}
