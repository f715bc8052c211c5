//! The patient app in the browser: every view but the embed-code page.

#[cfg(any(feature = "csr", feature = "hydrate"))]
fn main() {
    use clinic_column::app::App;
    use leptos::prelude::*;

    clinic_column::start::start(|deployment, content| view! { <App deployment content /> });
}

#[cfg(not(any(feature = "csr", feature = "hydrate")))]
fn main() {
    eprintln!("This is the browser app: serve it with `make serve`, build it with `make dist`.");
    std::process::exit(2);
}
