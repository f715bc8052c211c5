//! `/embed-code`: for marketers. Choose what to embed and how, see it live, and copy the
//! snippet for a landing page (or the plain iframe for sites that strip scripts).

use std::sync::Arc;

use leptos::prelude::*;

use crate::base;
use crate::components::{Breadcrumbs, CopyButton, PageContent, PageMeta};
use crate::content::{ArticleSummary, Site};
use crate::data::{use_content, LoadError};
use crate::embed::{iframe_snippet, script_snippet, EmbedKind, EmbedOptions, SANDBOX, UTM_KEYS};
use crate::paths::AppPath;

/// How many of the newest articles the article picker offers.
const PICKABLE: usize = 50;

#[component]
pub fn EmbedCodePage() -> impl IntoView {
    let source = use_content();
    let content = Resource::new(
        || (),
        move |_| {
            let (site, latest) = (source.site(), source.latest(None, PICKABLE));
            async move {
                let (site, latest) = futures::future::try_join(site, latest).await?;
                Ok::<_, LoadError>((site, Arc::new(latest)))
            }
        },
    );
    // Wide from its first tag: main widens before anything in it is drawn.
    view! {
        <div class="wide-page">
        <PageMeta
            title="コラムを埋め込む | 美脱毛コラム"
            description="記事・よくある質問・クリニック紹介・新着コラムを、ランディングページに埋め込むコードを作成します。"
            path=AppPath::EmbedCode
        />
        <Breadcrumbs trail=vec![("コラム一覧".into(), AppPath::home().path()), ("コラムを埋め込む".into(), AppPath::EmbedCode.path())] />
        <h1 tabindex="-1">"コラムを埋め込む"</h1>
        <p class="lead">
            "記事・よくある質問・クリニック紹介・新着コラムを、ほかのサイトのページに表示できます。"
            "埋め込んだ記事には、監修医師・日付・副作用とデメリットの項目が必ず表示されます。"
        </p>
        <PageContent content render=|(site, articles)| view! { <EmbedForm site articles /> } />
        </div>
    }
}

#[component]
fn EmbedForm(site: Arc<Site>, articles: Arc<Vec<ArticleSummary>>) -> impl IntoView {
    let kind = RwSignal::new("article".to_string());
    let slug = RwSignal::new(articles.first().map(|a| a.slug.clone()).unwrap_or_default());
    let limit = RwSignal::new("5".to_string());
    let category = RwSignal::new(String::new());
    let theme = RwSignal::new("auto".to_string());
    let accent = RwSignal::new(String::new());
    let utm: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let carry = RwSignal::new(false);

    let site_for_check = site.clone();
    let chosen = Memo::new(move |_| {
        let kind = match kind.get().as_str() {
            "faq" => EmbedKind::Faq,
            "clinics" => EmbedKind::Clinics,
            "columns" => EmbedKind::Columns,
            _ => EmbedKind::Article { slug: slug.get() },
        };
        let raw: Vec<(&str, String)> = [
            ("theme", theme.get()),
            ("accent", accent.get()),
            ("limit", limit.get()),
            ("category", category.get()),
        ]
        .into_iter()
        .chain(UTM_KEYS.iter().zip(utm.iter()).map(|(k, v)| (*k, v.get())))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
        let (options, warnings) = EmbedOptions::parse(
            |k| {
                raw.iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.as_str())
            },
            |c| site_for_check.category(c).is_some(),
        );
        (kind, options, warnings)
    });
    let app_url = base::absolute("/");
    let script = {
        let app_url = app_url.clone();
        move || chosen.with(|(k, o, _)| script_snippet(&app_url, k, o, carry.get()))
    };
    let iframe = move || chosen.with(|(k, o, _)| iframe_snippet(&app_url, k, o));
    let deployment = base::use_deployment();
    let preview = move || {
        chosen.with(|(k, o, _)| {
            let qs = o.to_query_string(k);
            deployment.href(&if qs.is_empty() {
                k.path()
            } else {
                format!("{}?{qs}", k.path())
            })
        })
    };
    let categories = site.categories.clone();
    let articles = articles.as_ref().clone();

    let radio = move |name: &'static str,
                      signal: RwSignal<String>,
                      value: &'static str,
                      label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name=name
                    value=value
                    prop:checked=move || signal.get() == value
                    on:change=move |_| signal.set(value.to_string())
                />
                {label}
            </label>
        }
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           signal: RwSignal<String>,
                           hint: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" placeholder=hint prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) />
            </div>
        }
    };

    view! {
        // The preview beside the options on wide screens, right after them on phones.
        <div class="embed-builder">
        <form class="embed-form" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>"埋め込む内容"</legend>
                {radio("kind", kind, "article", "記事")}
                {radio("kind", kind, "faq", "よくある質問")}
                {radio("kind", kind, "clinics", "クリニック紹介")}
                {radio("kind", kind, "columns", "新着コラム")}
            </fieldset>
            <div class="field" hidden=move || kind.get() != "article">
                <label for="embed-slug">"記事"</label>
                <select id="embed-slug" on:change=move |ev| slug.set(event_target_value(&ev))>
                    {articles.into_iter().map(|a| view! { <option value=a.slug.clone()>{a.title}</option> }).collect_view()}
                </select>
            </div>
            <div class="field-row" hidden=move || kind.get() != "columns">
                {text_field("embed-limit", "表示件数(1〜20)", limit, "5")}
                <div class="field">
                    <label for="embed-category">"カテゴリー"</label>
                    <select id="embed-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="">"すべて"</option>
                        {categories.into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <fieldset>
                <legend>"配色"</legend>
                {radio("theme", theme, "auto", "閲覧者の設定に合わせる")}
                {radio("theme", theme, "light", "ライト")}
                {radio("theme", theme, "dark", "ダーク")}
            </fieldset>
            {text_field("embed-accent", "アクセントカラー(ボタンと罫線。例: #8a4b5c)", accent, "#8a4b5c")}
            <fieldset>
                <legend>"UTMパラメータ(埋め込み内のリンクに付きます)"</legend>
                {UTM_KEYS.iter().zip(utm).map(|(k, s)| text_field(k, k, s, "")).collect_view()}
                <label class="choice">
                    <input type="checkbox" prop:checked=move || carry.get() on:change=move |ev| carry.set(event_target_checked(&ev)) />
                    "ランディングページのURLに付いたUTMパラメータを引き継ぐ"
                </label>
            </fieldset>
            <div role="status">
                <ul class="embed-form__warnings">
                    {move || chosen.with(|(_, _, w)| w.iter().map(|w| view! { <li>{w.japanese()}</li> }).collect_view())}
                </ul>
            </div>
        </form>
        <section class="embed-builder__preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"プレビュー"</h2>
            <iframe class="embed-preview" src=preview title="埋め込みのプレビュー" sandbox=SANDBOX></iframe>
        </section>
        </div>

        <section aria-labelledby="snippet-heading">
            <h2 id="snippet-heading">"埋め込みコード"</h2>
            <CodeBox id="snippet-script" label="ページに貼り付けるコード(高さは自動で調整されます)" code=Signal::derive(script) />
            <CodeBox id="snippet-iframe" label="スクリプトを使えないサイト向けのiframe(高さは固定です)" code=Signal::derive(iframe) />
        </section>
    }
}

/// A snippet with a copy button.
#[component]
fn CodeBox(id: &'static str, label: &'static str, code: Signal<String>) -> impl IntoView {
    view! {
        <div class="code-box">
            <label for=id>{label}</label>
            <textarea id=id readonly rows="4" prop:value=move || code.get()></textarea>
            <CopyButton
                text=code
                label="コードをコピー"
                class="button"
                fallback="コピーできませんでした。コードを選択してコピーしてください。"
            />
        </div>
    }
}
