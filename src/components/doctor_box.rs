use super::external_link;
use crate::base;
use crate::content::Doctor;
use crate::markup::{anchor, escape};

/// "この記事の監修医師": who is responsible for the article's medical content. Only
/// what the content gives is shown: a doctor with a name alone reads as complete.
/// Markup that never changes once drawn, shown in the article's header and after it.
pub fn doctor_box(doctor: Doctor) -> String {
    let photo = doctor.photo.map(|p| base::use_deployment().content_url(&p));
    let mut out = format!(
        "<aside class=\"doctor-box{}\" aria-label=\"この記事の監修医師\">",
        if photo.is_some() {
            " doctor-box--photo"
        } else {
            ""
        }
    );
    if let Some(src) = photo {
        out.push_str(&format!(
            "<img class=\"doctor-box__photo\" src=\"{}\" alt=\"{} 先生\" width=\"96\" \
             height=\"96\" loading=\"lazy\" decoding=\"async\">",
            escape(&src),
            escape(&doctor.name)
        ));
    }
    let title = doctor
        .title
        .map(|t| format!(" {}", escape(&t)))
        .unwrap_or_default();
    out.push_str(&format!(
        "<div class=\"doctor-box__text\"><p class=\"doctor-box__label\">この記事の監修医師</p>\
         <p class=\"doctor-box__affiliation\">{}{title}</p>\
         <p class=\"doctor-box__name\">{}<span class=\"doctor-box__reading\">({})</span> 先生</p>",
        escape(&doctor.affiliation),
        escape(&doctor.name),
        escape(&doctor.reading),
    ));
    for (class, text) in [("specialty", doctor.specialty), ("profile", doctor.profile)] {
        if let Some(text) = text {
            out.push_str(&format!(
                "<p class=\"doctor-box__{class}\">{}</p>",
                escape(&text)
            ));
        }
    }
    if let Some(url) = doctor.profile_url.filter(|u| u.starts_with("https://")) {
        out.push_str(&format!(
            "<p class=\"doctor-box__link\">{}</p>",
            anchor(&external_link(url), None, "医師のプロフィールを見る")
        ));
    }
    out.push_str("</div></aside>");
    out
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use leptos::prelude::*;

    fn html(doctor: Doctor) -> String {
        let owner = Owner::new();
        owner.with(|| doctor_box(doctor))
    }

    fn doctor() -> Doctor {
        Doctor {
            id: "d".into(),
            name: "中川 哲".into(),
            reading: "ナカガワ アキラ".into(),
            affiliation: "リアラクリニック".into(),
            profile: None,
            title: None,
            specialty: None,
            profile_url: None,
            photo: None,
        }
    }

    #[test]
    fn shows_only_what_the_content_gives() {
        let bare = html(doctor());
        assert!(bare.contains("中川 哲") && bare.contains("リアラクリニック"));
        for absent in [
            "<img",
            "doctor-box__specialty",
            "プロフィールを見る",
            "院長",
        ] {
            assert!(!bare.contains(absent), "{absent}: {bare}");
        }
        let full = html(Doctor {
            title: Some("院長".into()),
            specialty: Some("サンプル専門医".into()),
            profile_url: Some("https://clinic.example/d".into()),
            photo: Some("images/doctors/d.jpg".into()),
            ..doctor()
        });
        for present in [
            "院長",
            "サンプル専門医",
            "https://clinic.example/d",
            "/content/images/doctors/d.jpg",
            "alt=\"中川 哲 先生\"",
            "width=\"96\"",
        ] {
            assert!(full.contains(present), "{present}: {full}");
        }
    }
}
