//! The marketers' bundle: the embed-code page, loaded only there (see `app::MarketerApp`).

#[cfg(any(feature = "csr", feature = "hydrate"))]
fn main() {
    use clinic_column::app::MarketerApp;
    use leptos::prelude::*;

    clinic_column::start::start(|deployment, content| view! { <MarketerApp deployment content /> });
}

#[cfg(not(any(feature = "csr", feature = "hydrate")))]
fn main() {
    eprintln!("This is the embed-code page's browser bundle: serve it with `make serve`, build it with `make dist`.");
    std::process::exit(2);
}
