//! The embeds' bundle: the views landing pages frame, `/embed/...` (see `app::EmbedApp`).

#[cfg(any(feature = "csr", feature = "hydrate"))]
fn main() {
    use clinic_column::app::EmbedApp;
    use leptos::prelude::*;

    clinic_column::start::start(|deployment, content| view! { <EmbedApp deployment content /> });
}

#[cfg(not(any(feature = "csr", feature = "hydrate")))]
fn main() {
    eprintln!("This is the embed views' browser bundle: serve it with `make serve`, build it with `make dist`.");
    std::process::exit(2);
}
