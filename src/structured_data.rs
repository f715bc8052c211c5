//! Structured data (schema.org JSON-LD) for search engines, built from content only:
//! a field the content does not have is left out, never guessed.

use serde_json::{json, Map, Value};

use crate::content::{Article, Clinic, Site};

/// The article page: a MedicalWebPage whose main entity is the article, reviewed by
/// its supervising doctor.
pub fn medical_web_page(site: &Site, article: &Article, url: &str, image: &str) -> Value {
    let reviewed = article.updated.unwrap_or(article.published).to_string();
    let publisher = json!({ "@type": "Organization", "name": site.brand.name });
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": article.title,
        "inLanguage": "ja",
        "datePublished": article.published.to_string(),
        "dateModified": reviewed,
        "lastReviewed": reviewed,
        "isPartOf": { "@type": "Blog", "name": site.column.name },
        "publisher": publisher,
        "author": publisher,
        "image": image,
        "mainEntity": {
            "@type": "Article",
            "headline": article.title,
            "datePublished": article.published.to_string(),
            "dateModified": reviewed,
            "inLanguage": "ja",
            "publisher": publisher,
            "author": publisher,
            "image": image,
        },
    });
    if let Some(doctor) = site.doctor(&article.supervisor) {
        page["reviewedBy"] = json!({
            "@type": "Person",
            "name": doctor.name,
            "alternateName": doctor.reading,
            "jobTitle": "医師",
            "affiliation": { "@type": "Organization", "name": doctor.affiliation },
        });
    }
    if let Some(category) = site.category(&article.category) {
        page["about"] = json!({ "@type": "MedicalTherapy", "name": category.name });
    }
    page
}

/// The FAQ as an FAQPage: each question with its answer's text.
pub fn faq_page(faq: &crate::content::Faq, url: &str) -> Value {
    let questions: Vec<Value> = faq
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|item| {
            json!({
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": { "@type": "Answer", "text": item.answer.join("\n") },
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "inLanguage": "ja",
        "mainEntity": questions,
    })
}

/// A breadcrumb trail of (name, absolute URL).
pub fn breadcrumb_list(trail: &[(String, String)]) -> Value {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// A clinic, with only what the clinic has published.
pub fn medical_clinic(site: &Site, clinic: &Clinic, url: &str) -> Value {
    let mut address = Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    address.insert("addressCountry".into(), json!("JP"));
    address.insert("addressLocality".into(), json!(clinic.name));
    if let Some(street) = &clinic.address {
        address.insert("streetAddress".into(), json!(street));
    }
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": format!("{} {}", site.brand.name, clinic.name),
        "url": url,
        "address": Value::Object(address),
    });
    if let Some(phone) = &clinic.phone {
        v["telephone"] = json!(phone);
    }
    v
}

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so
/// no content can close the script element.
pub fn script_text(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled<T: serde::de::DeserializeOwned>(file: &str) -> T {
        let path = format!("{}/public/content/{file}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn the_seed_article_is_a_reviewed_medical_web_page() {
        let site: Site = bundled("site.json");
        let article: Article = bundled("articles/exosome-side-effects.json");
        let v = medical_web_page(
            &site,
            &article,
            "https://x.example/column/exosome-side-effects",
            "https://x.example/column/share/exosome-side-effects.png",
        );
        assert_eq!(
            v["image"],
            "https://x.example/column/share/exosome-side-effects.png"
        );
        assert_eq!(v["author"]["name"], site.brand.name);
        assert_eq!(v["@type"], "MedicalWebPage");
        assert_eq!(v["mainEntity"]["@type"], "Article");
        assert_eq!(v["mainEntity"]["headline"], article.title);
        assert_eq!(v["reviewedBy"]["name"], "中川 哲");
        assert_eq!(v["lastReviewed"], "2023-06-12");
        assert_eq!(v["about"]["name"], "エクソソーム");
    }

    #[test]
    fn the_faq_is_an_faq_page_of_questions_and_answers() {
        let faq: crate::content::Faq = bundled("faq.json");
        let v = faq_page(&faq, "https://x.example/faq");
        assert_eq!(v["@type"], "FAQPage");
        let first = &faq.groups[0].items[0];
        assert_eq!(v["mainEntity"][0]["name"], first.question);
        assert_eq!(
            v["mainEntity"][0]["acceptedAnswer"]["text"],
            first.answer.join("\n")
        );
        let count: usize = faq.groups.iter().map(|g| g.items.len()).sum();
        assert_eq!(v["mainEntity"].as_array().unwrap().len(), count);
    }

    #[test]
    fn clinics_leave_out_what_is_unknown() {
        let site: Site = bundled("site.json");
        let clinics: crate::content::Clinics = bundled("clinics.json");
        let v = medical_clinic(
            &site,
            &clinics.clinics[0],
            "https://x.example/clinics#shinjuku",
        );
        assert_eq!(v["name"], "リアラクリニック 新宿");
        assert!(v.get("telephone").is_none());
        assert!(v["address"].get("streetAddress").is_none());
    }

    #[test]
    fn script_text_cannot_close_the_script() {
        let v = json!({ "name": "</script><script>alert(1)</script>&" });
        let s = script_text(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn breadcrumbs_are_numbered_from_one() {
        let v = breadcrumb_list(&[
            ("コラム".into(), "https://x/".into()),
            ("記事".into(), "https://x/a".into()),
        ]);
        assert_eq!(v["itemListElement"][1]["position"], 2);
    }
}
