use leptos::prelude::*;

use super::ExternalLink;
use crate::base;
use crate::content::Doctor;

/// "この記事の監修医師": who is responsible for the article's medical content. Only
/// what the content gives is shown: a doctor with a name alone reads as complete.
#[component]
pub fn DoctorBox(doctor: Doctor) -> impl IntoView {
    let photo = doctor.photo.map(|p| base::use_deployment().content_url(&p));
    let alt = format!("{} 先生", doctor.name);
    let has_photo = photo.is_some();
    view! {
        <aside class="doctor-box" class:doctor-box--photo=has_photo aria-label="この記事の監修医師">
            {photo.map(|src| view! {
                <img class="doctor-box__photo" src=src alt=alt width="96" height="96" loading="lazy" decoding="async" />
            })}
            <div class="doctor-box__text">
                <p class="doctor-box__label">"この記事の監修医師"</p>
                <p class="doctor-box__affiliation">
                    {doctor.affiliation}
                    {doctor.title.map(|t| view! { " " {t} })}
                </p>
                <p class="doctor-box__name">
                    {doctor.name}
                    <span class="doctor-box__reading">"(" {doctor.reading} ")"</span>
                    " 先生"
                </p>
                {doctor.specialty.map(|s| view! { <p class="doctor-box__specialty">{s}</p> })}
                {doctor.profile.map(|p| view! { <p class="doctor-box__profile">{p}</p> })}
                {doctor.profile_url.filter(|u| u.starts_with("https://")).map(|u| view! {
                    <p class="doctor-box__link"><ExternalLink href=u>"医師のプロフィールを見る"</ExternalLink></p>
                })}
            </div>
        </aside>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn html(doctor: Doctor) -> String {
        let owner = Owner::new();
        owner.with(|| view! { <DoctorBox doctor /> }.to_html())
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
