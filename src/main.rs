//! Entry point of the browser app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use clinic_column::base;
    console_error_panic_hook::set_once();
    base::init(base::Deployment::from_document());
    leptos::mount::mount_to_body(clinic_column::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app: build and serve it with `make serve`.");
    std::process::exit(2);
}
