use leptos::prelude::*;
use leptos_router::components::A;

use super::rel_for;
use crate::base;
use crate::paths::AppPath;

/// The site bar: brand and the three sections of the column.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let (home, clinics, faq) = (
        AppPath::home().path(),
        AppPath::Clinics.path(),
        AppPath::Faq.path(),
    );
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a href=base::href(&home) class="site-header__brand" rel=rel_for(&home)>"美脱毛コラム"</a>
                <nav aria-label="メインメニュー">
                    <ul class="site-header__nav">
                        <li><A href=base::href(&home) exact=true attr:rel=rel_for(&home)>"コラム一覧"</A></li>
                        <li><A href=base::href(&clinics) attr:rel=rel_for(&clinics)>"クリニック紹介"</A></li>
                        <li><A href=base::href(&faq) attr:rel=rel_for(&faq)>"よくある質問"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
