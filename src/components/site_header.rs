use leptos::prelude::*;
use leptos_router::components::A;

use crate::base;
use crate::paths::AppPath;

/// The site bar: brand and the three sections of the column.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a href=base::href(&AppPath::home().path()) class="site-header__brand">"美脱毛コラム"</a>
                <nav aria-label="メインメニュー">
                    <ul class="site-header__nav">
                        <li><A href=base::href(&AppPath::home().path()) exact=true>"コラム一覧"</A></li>
                        <li><A href=base::href(&AppPath::Clinics.path())>"クリニック紹介"</A></li>
                        <li><A href=base::href(&AppPath::Faq.path())>"よくある質問"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
