//! The patient app in the browser: the column's views. The embed views are
//! `bin/embed-views.rs`'s bundle, the embed-code page `bin/embed-code.rs`'s.

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
