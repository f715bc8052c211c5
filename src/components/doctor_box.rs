use leptos::prelude::*;

use crate::content::Doctor;

/// "この記事の監修医師": who is responsible for the article's medical content.
#[component]
pub fn DoctorBox(doctor: Doctor) -> impl IntoView {
    view! {
        <aside class="doctor-box" aria-label="この記事の監修医師">
            <p class="doctor-box__label">"この記事の監修医師"</p>
            <p class="doctor-box__affiliation">{doctor.affiliation}</p>
            <p class="doctor-box__name">
                {doctor.name}
                <span class="doctor-box__reading">"(" {doctor.reading} ")"</span>
                " 先生"
            </p>
            {doctor.profile.map(|p| view! { <p class="doctor-box__profile">{p}</p> })}
        </aside>
    }
}
