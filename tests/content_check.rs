//! The content validator end to end: the bundled content, one broken content folder
//! per kind of problem (built from a copy of the bundled content), the real binaries,
//! and garbage input that must never make it panic.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clinic_column::content::check;
use serde_json::{json, Value};

const SEED: &str = "articles/exosome-side-effects.json";

/// The truthful medical-advertising warnings of the seed article: it shows no price;
/// its call to consultation leads to no URL, phone or address; five sentences compare
/// the treatment or its product favourably with others (比較優良広告); and its
/// category's unapproved-product disclosures lack how the product is obtained and
/// what is known of its safety abroad, which the seed does not say.
const SEED_WARNINGS: [&str; 9] = [
    "articles/exosome-side-effects.json:/body: warning: 限定解除要件 (自由診療の限定解除要件): \
     self-pay treatment `エクソソーム` without its cost (医療広告ガイドライン 限定解除要件: 費用): add a \
     price_table block with at least one row; prose about cost is not a price",
    "articles/exosome-side-effects.json:/body/0/blocks/0/blocks/0/text: warning: \
     比較優良広告 (他の治療・他院・他の製品との比較): `そのため、幹細胞培養上清液は、幹細胞培養液よりも安全性が高いです`: \
     他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください",
    "articles/exosome-side-effects.json:/body/0/blocks/0/blocks/1/text: warning: \
     比較優良広告 (他の治療・他院・他の製品との比較): `さらに、幹細胞培養上清液(エクソソーム)には、幹細胞培養液よりも高純度の成分が含…`: \
     他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください",
    "articles/exosome-side-effects.json:/body/0/blocks/0/blocks/1/text: warning: \
     比較優良広告 (他の治療・他院・他の製品との比較): `そのため、幹細胞培養上清液には、幹細胞培養液以上の効果が期待できるのです`: \
     他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください",
    "articles/exosome-side-effects.json:/body/0/blocks/2/blocks/0/text: warning: \
     比較優良広告 (他の治療・他院・他の製品との比較): `エクソソームは、多くの研究によって免疫系に対する損傷を与えないことが確認されてお…`: \
     他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください",
    "articles/exosome-side-effects.json:/body/1/blocks/0/text: warning: 比較優良広告 \
     (他の治療・他院・他の製品との比較): `上記のように、エクソソームは、他の治療法と比較して安全性が高いとされています`: \
     他の治療法・他院・他の製品より優れているという表現は使えません。この治療そのものの内容・効果・リスクを事実として書いてください",
    "articles/exosome-side-effects.json:/body/6/blocks/2: warning: 限定解除要件 \
     (自由診療の限定解除要件): self-pay treatment `エクソソーム`: the consultation call to action has \
     no reachable contact (医療広告ガイドライン 限定解除要件: 問い合わせ先): the content has no \
     consultation URL, phone or address; set brand.consultation_url in site.json, or \
     a clinic's consultation_url, phone or address in clinics.json",
    "site.json:/categories/8/unapproved/acquisition: warning: 限定解除要件(未承認医薬品等) \
     (未承認医薬品等の説明): `エクソソーム(幹細胞培養上清液)製剤` has no `acquisition`: 「入手経路等(例: \
     医師の責任で輸入)」を、クリニックが確認した事実だけで記載してください",
    "site.json:/categories/8/unapproved/safety_abroad: warning: 限定解除要件(未承認医薬品等) \
     (未承認医薬品等の説明): `エクソソーム(幹細胞培養上清液)製剤` has no `safety_abroad`: \
     「諸外国における安全性等に係る情報」を、クリニックが確認した事実だけで記載してください",
];

const WRITE_INDEX: &str = "run `cargo run --features ssr --bin content-check -- --write-index`";

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content")
}

fn lines_of(dir: &Path) -> Vec<String> {
    check::check(dir).lines().collect()
}

#[test]
fn the_bundled_content_has_no_errors_and_two_truthful_warnings() {
    let report = check::check(&bundled());
    assert_eq!(report.lines().collect::<Vec<_>>(), SEED_WARNINGS);
    assert_eq!(
        report.summary(),
        format!(
            "content-check: 0 errors, {} warnings in 5 files",
            SEED_WARNINGS.len()
        )
    );
}

/// A scratch content folder under cargo's temporary folder for tests.
struct Folder {
    path: PathBuf,
}

impl Folder {
    fn empty(name: &str) -> Folder {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("content-check")
            .join(name);
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        Folder { path }
    }

    /// The bundled content files (not the schemas), copied.
    fn bundled(name: &str) -> Folder {
        let folder = Folder::empty(name);
        fs::create_dir_all(folder.path.join("articles")).unwrap();
        for file in ["site.json", "clinics.json", "faq.json", "index.json"] {
            fs::copy(bundled().join(file), folder.path.join(file)).unwrap();
        }
        for entry in fs::read_dir(bundled().join("articles")).unwrap() {
            let entry = entry.unwrap();
            fs::copy(
                entry.path(),
                folder.path.join("articles").join(entry.file_name()),
            )
            .unwrap();
        }
        folder
    }

    fn json(&self, file: &str) -> Value {
        serde_json::from_str(&fs::read_to_string(self.path.join(file)).unwrap()).unwrap()
    }

    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) {
        let mut value = self.json(file);
        change(&mut value);
        self.write(file, serde_json::to_string_pretty(&value).unwrap());
    }

    fn write(&self, file: &str, contents: impl AsRef<[u8]>) {
        fs::write(self.path.join(file), contents).unwrap();
    }

    fn remove(&self, file: &str) {
        let path = self.path.join(file);
        if path.is_dir() {
            fs::remove_dir_all(path).unwrap();
        } else {
            fs::remove_file(path).unwrap();
        }
    }

    /// Keeps the index in step after an edit that changes an article's summary, so
    /// a case has only its own defect.
    fn reindex(&self) {
        check::write_index(&self.path).unwrap();
    }

    fn lines(&self) -> Vec<String> {
        lines_of(&self.path)
    }
}

/// Asserts that `folder` reports exactly `expected` beyond what the bundled content
/// reports anyway (the seed's warnings, also when a copy of the seed has another
/// file name).
fn assert_reports(folder: &Folder, expected: &[String]) {
    let baseline = lines_of(&bundled());
    let as_seed = |l: &str| match l.split_once(':') {
        Some((file, rest)) if file.starts_with("articles/") => format!("{SEED}:{rest}"),
        _ => l.to_string(),
    };
    let extra: Vec<String> = folder
        .lines()
        .into_iter()
        .filter(|l| !baseline.contains(&as_seed(l)))
        .collect();
    assert_eq!(extra, expected, "in {}", folder.path.display());
}

/// One test per broken folder: `broken!(name, |folder| setup, [expected lines])`.
macro_rules! broken {
    ($name:ident, |$folder:ident| $setup:block, [$($line:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let $folder = Folder::bundled(stringify!($name));
            $setup
            assert_reports(&$folder, &[$(String::from($line)),*]);
        }
    };
}

broken!(
    parse_error_gives_line_and_column,
    |f| {
        f.write(
            "site.json",
            "{\n  \"column\": {\n    \"name\": \"美脱毛コラム\" \"label\"\n",
        );
    },
    ["site.json:3:22: error: expected `,` or `}`"]
);

broken!(
    invalid_utf8_gives_line_and_column,
    |f| {
        f.write("site.json", b"{\n  \"column\": \"\xe7\xbe\x8e\xff\"\n}");
    },
    ["site.json:2:15: error: invalid UTF-8 (byte 0xFF); content files must be saved as UTF-8"]
);

broken!(
    missing_field,
    |f| {
        f.edit(SEED, |a| {
            a.as_object_mut().unwrap().remove("title");
        });
    },
    ["articles/exosome-side-effects.json:/: error: missing field `title`"]
);

broken!(unknown_field, |f| {
    f.edit(SEED, |a| a["body"][3]["colapsible"] = json!(true));
}, ["articles/exosome-side-effects.json:/body/3/colapsible: error: unknown field `colapsible`, \
     expected one of `blocks`, `collapsible`, `id`, `title`, `topic`, `type`"]);

broken!(
    unknown_block_type,
    |f| {
        f.edit(SEED, |a| {
            a["body"][1]["blocks"][0]["type"] = json!("paragrahp")
        });
    },
    [
        "articles/exosome-side-effects.json:/body/1/blocks/0/type: error: unknown block type \
     `paragrahp`, expected one of `section`, `paragraph`, `list`, `link`, `price_table`, \
     `consultation`"
    ]
);

broken!(
    wrong_type,
    |f| {
        f.edit("clinics.json", |c| {
            c["clinics"][0]["location"]["lat"] = json!("35.6896")
        });
    },
    ["clinics.json:/clinics/0/location/lat: error: expected a number, found a string"]
);

broken!(
    duplicate_key,
    |f| {
        f.write("faq.json", r#"{"groups": [], "groups": []}"#);
    },
    ["faq.json:/groups: error: duplicate field `groups`"]
);

broken!(
    bad_date,
    |f| {
        f.edit(SEED, |a| a["published"] = json!("2023/06/12"));
    },
    [
        "articles/exosome-side-effects.json:/published: error: `2023/06/12`: a date must be \
     written YYYY-MM-DD"
    ]
);

broken!(
    impossible_date,
    |f| {
        f.edit(SEED, |a| a["published"] = json!("2023-02-30"));
    },
    [
        "articles/exosome-side-effects.json:/published: error: `2023-02-30`: there is no such \
     day in the calendar"
    ]
);

broken!(
    updated_before_published,
    |f| {
        f.edit(SEED, |a| a["updated"] = json!("2020-01-01"));
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/updated: error: updated (2020-01-01) is earlier \
     than published (2023-06-12)"
    ]
);

broken!(
    duplicate_slug,
    |f| {
        // Another article with the seed's slug (and a category without self-pay rules).
        let mut copy = f.json(SEED);
        copy["category"] = json!("aga");
        f.write("articles/another-article.json", copy.to_string());
    },
    [
        "articles/another-article.json:/slug: error: duplicate slug `exosome-side-effects`: \
     articles/exosome-side-effects.json has it too",
        "articles/another-article.json:/slug: error: the file must be named after the slug: \
     articles/exosome-side-effects.json",
        // The copy names the seed's product in a category that declares none.
        "articles/another-article.json:/title: warning: 限定解除要件(未承認医薬品等) \
     (未承認医薬品等の説明): `【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?`: \
     「エクソソーム」は国内で医薬品として承認されていない未承認医薬品等です。site.json のカテゴリー\
     「AGA」か記事の disclosures に unapproved を記載してください",
    ]
);

broken!(
    file_name_not_matching_slug,
    |f| {
        fs::rename(f.path.join(SEED), f.path.join("articles/exosome.json")).unwrap();
    },
    [
        "articles/exosome.json:/slug: error: the file must be named after the slug: \
     articles/exosome-side-effects.json"
            .to_string(),
    ]
);

broken!(
    bad_slug_form,
    |f| {
        f.edit(SEED, |a| a["body"][0]["id"] = json!("Why_Low_Risk"));
    },
    [
        "articles/exosome-side-effects.json:/body/0/id: error: `Why_Low_Risk` is not a valid \
     section id: use lowercase ASCII letters and digits in words joined by single hyphens, \
     at most 80 characters"
    ]
);

broken!(
    duplicate_section_id,
    |f| {
        f.edit(SEED, |a| a["body"][1]["id"] = json!("why-low-risk"));
    },
    [
        "articles/exosome-side-effects.json:/body/1/id: error: duplicate section id \
     `why-low-risk` (first at /body/0/id)"
    ]
);

broken!(
    duplicate_faq_item_across_groups,
    |f| {
        f.edit("faq.json", |q| {
            q["groups"][1]["items"][0]["id"] = json!("exosome-side-effects")
        });
    },
    [
        "faq.json:/groups/1/items/0/id: error: duplicate question id `exosome-side-effects` \
     (first at /groups/0/items/0/id)"
    ]
);

broken!(
    dangling_category,
    |f| {
        f.edit(SEED, |a| a["category"] = json!("botox"));
        f.reindex();
    },
    ["articles/exosome-side-effects.json:/category: error: no category `botox` in site.json"]
);

broken!(
    dangling_doctor,
    |f| {
        f.edit(SEED, |a| a["supervisor"] = json!("tanaka-hanako"));
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/supervisor: error: no doctor `tanaka-hanako` in \
     site.json"
    ]
);

broken!(
    dangling_related_article,
    |f| {
        f.edit(SEED, |a| {
            a["related"] = json!(["no-such-article", "exosome-side-effects"])
        });
    },
    [
        "articles/exosome-side-effects.json:/related/0: error: no article has the slug \
     `no-such-article`",
        "articles/exosome-side-effects.json:/related/1: error: an article cannot be related to \
     itself",
    ]
);

broken!(
    dangling_faq_section,
    |f| {
        f.edit("faq.json", |q| {
            q["groups"][0]["items"][0]["source"]["section"] = json!("side-effect")
        });
    },
    [
        "faq.json:/groups/0/items/0/source/section: error: article `exosome-side-effects` has \
     no section `side-effect`"
    ]
);

broken!(
    dangling_link_targets,
    |f| {
        f.edit(SEED, |a| {
        let blocks = a["body"][2]["blocks"].as_array_mut().unwrap();
        blocks.push(json!({"type": "link", "text": "a", "to": {"clinics": {"clinic": "osaka"}}}));
        blocks.push(json!({"type": "link", "text": "b", "to": {"faq": {"item": "nope"}}}));
        blocks.push(json!({"type": "link", "text": "c",
                           "to": {"article": {"slug": "exosome-side-effects", "section": "nope"}}}));
    });
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/body/2/blocks/4/to/clinics/clinic: error: no clinic \
     `osaka` in clinics.json",
        "articles/exosome-side-effects.json:/body/2/blocks/5/to/faq/item: error: no question \
     `nope` in faq.json",
        "articles/exosome-side-effects.json:/body/2/blocks/6/to/article/section: error: article \
     `exosome-side-effects` has no section `nope`",
    ]
);

broken!(
    empty_title,
    |f| {
        f.edit(SEED, |a| a["title"] = json!("\u{3000} "));
        f.reindex();
    },
    ["articles/exosome-side-effects.json:/title: error: empty title"]
);

broken!(
    empty_body,
    |f| {
        // (In a category without self-pay rules, which an empty body would break too.)
        f.edit(SEED, |a| {
            a["body"] = json!([]);
            a["category"] = json!("aga");
        });
        f.edit("faq.json", |q| q["groups"] = json!([]));
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/body: error: empty body: the article has no blocks",
        // The title names the seed's product in a category that declares none.
        "articles/exosome-side-effects.json:/title: warning: 限定解除要件(未承認医薬品等) \
     (未承認医薬品等の説明): `【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?`: \
     「エクソソーム」は国内で医薬品として承認されていない未承認医薬品等です。site.json のカテゴリー\
     「AGA」か記事の disclosures に unapproved を記載してください",
    ]
);

broken!(
    index_out_of_sync,
    |f| {
        f.edit("index.json", |i| {
            i["articles"][0]["title"] = json!("古いタイトル")
        });
    },
    [format!(
        "index.json:/articles/0/title: error: differs from articles/exosome-side-effects.json: \
     expected `【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?`, found \
     `古いタイトル`; {WRITE_INDEX}"
    )]
);

broken!(index_with_missing_and_extra_entries, |f| {
    f.edit("index.json", |i| i["articles"][0]["slug"] = json!("old-article"));
}, [
    format!(
        "index.json:/articles: error: missing entry for `exosome-side-effects` \
         (articles/exosome-side-effects.json); {WRITE_INDEX}"
    ),
    format!("index.json:/articles/0: error: extra entry: no article has the slug `old-article`; {WRITE_INDEX}"),
]);

broken!(
    unsafe_url,
    |f| {
        f.edit("site.json", |s| {
            s["brand"]["consultation_url"] = json!("javascript:alert(1)")
        });
    },
    [
        "site.json:/brand/consultation_url: error: `javascript:alert(1)` is not an absolute \
     https URL (https://host/…)"
    ]
);

broken!(
    insecure_link,
    |f| {
        f.edit(SEED, |a| {
            let blocks = a["body"][2]["blocks"].as_array_mut().unwrap();
            blocks.push(
                json!({"type": "link", "text": "外部", "to": {"url": "http://clinic.example/"}}),
            );
        });
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/body/2/blocks/4/to/url: error: \
     `http://clinic.example/` is not an absolute https URL (https://host/…)"
    ]
);

broken!(
    too_deep_nesting,
    |f| {
        f.edit(SEED, |a| {
            let blocks = a["body"][3]["blocks"][0]["blocks"].as_array_mut().unwrap();
            blocks.push(
                json!({"type": "section", "id": "too-deep", "title": "深すぎる見出し",
                           "blocks": [{"type": "paragraph", "text": "本文"}]}),
            );
        });
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/body/3/blocks/0/blocks/2: error: sections nest 2 \
     levels deep at most (h2, then h3); this one is level 3"
    ]
);

broken!(
    coordinates_out_of_range,
    |f| {
        f.edit("clinics.json", |c| {
            c["clinics"][1]["location"]["lon"] = json!(236.88)
        });
    },
    [
        "clinics.json:/clinics/1/location/lon: error: longitude 236.88 is out of range \
     (-180 to 180)"
    ]
);

broken!(absolute_claim, |f| {
    f.edit(SEED, |a| {
        let blocks = a["body"][6]["blocks"].as_array_mut().unwrap();
        blocks.push(json!({"type": "paragraph",
                           "text": "当院の施術は１００％安全です。100%安全とは言い切れません。"}));
    });
    f.reindex();
}, ["articles/exosome-side-effects.json:/body/6/blocks/3/text: warning: 虚偽広告 (絶対的な表現): \
     `当院の施術は１００％安全です`: 「絶対」「100%安全」のような断定はできません。事実として言える範囲に書き換えてください"]);

#[test]
fn a_price_table_and_a_consultation_url_satisfy_the_guideline() {
    let f = Folder::bundled("guideline-satisfied");
    f.edit(SEED, |a| {
        let blocks = a["body"][6]["blocks"].as_array_mut().unwrap();
        blocks.push(json!({"type": "price_table", "rows": [{"item": "サンプル", "yen": 1}]}));
    });
    f.edit("site.json", |s| {
        s["brand"]["consultation_url"] = json!("https://clinic.example/")
    });
    f.reindex();
    // The self-pay requirements are met; the seed's comparisons and its product's
    // missing disclosures are still reported.
    let rest: Vec<&str> = SEED_WARNINGS
        .iter()
        .copied()
        .filter(|w| !w.contains("自由診療の限定解除要件"))
        .collect();
    assert_eq!(rest.len(), SEED_WARNINGS.len() - 2);
    assert_eq!(f.lines(), rest);
}

/// With every disclosure of its unapproved product filled in, price and contact
/// given, and its comparisons rephrased, the seed article passes.
#[test]
fn an_article_with_every_disclosure_passes() {
    let f = Folder::bundled("every-disclosure");
    f.edit(SEED, |a| {
        a["body"][6]["blocks"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": "price_table", "rows": [{"item": "サンプル", "yen": 1}]}));
        for at in [
            "/body/0/blocks/0/blocks/0/text",
            "/body/0/blocks/0/blocks/1/text",
            "/body/0/blocks/2/blocks/0/text",
            "/body/1/blocks/0/text",
        ] {
            *a.pointer_mut(at).unwrap() = json!("エクソソームは幹細胞培養上清液です。");
        }
        a["disclosures"] = json!({
            "unapproved": {
                "product": "テスト製剤",
                "status": "未承認医薬品等です。",
                "acquisition": "医師の責任で輸入しています(テスト)。",
                "domestic_alternatives": "国内の承認医薬品はありません。",
                "safety_abroad": "諸外国の情報(テスト)。",
                "relief_system": "救済制度の対象外です。"
            }
        });
    });
    f.edit("site.json", |s| {
        s["brand"]["consultation_url"] = json!("https://clinic.example/")
    });
    f.reindex();
    // The category's own declaration is not used by the article, so it is not judged.
    assert_eq!(f.lines(), Vec::<String>::new());
}

broken!(
    before_after_photos_beside_the_treatment_s_details_are_allowed,
    |f| {
        f.edit(SEED, |a| {
        let blocks = a["body"][6]["blocks"].as_array_mut().unwrap();
        blocks.push(json!({"type": "price_table", "rows": [{"item": "サンプル", "yen": 1}]}));
        blocks.push(json!({"type": "paragraph", "text": "ビフォーアフター写真はカウンセリングでご覧いただけます。"}));
    });
        f.reindex();
    },
    [
    // The price was the only detail missing: its warning goes, and the photo
    // reference, now beside the treatment, its cost and its risks, is not reported.
]
);

broken!(
    an_unapproved_product_named_in_another_category,
    |f| {
        f.edit(SEED, |a| a["category"] = json!("dermapen"));
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/title: warning: 限定解除要件(未承認医薬品等) \
     (未承認医薬品等の説明): `【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?`: \
     「エクソソーム」は国内で医薬品として承認されていない未承認医薬品等です。site.json のカテゴリー\
     「ダーマペン」か記事の disclosures に unapproved を記載してください"
    ]
);

broken!(testimonials_rankings_and_photos_without_details, |f| {
    f.edit("faq.json", |q| {
        q["groups"][0]["items"][0]["answer"]
            .as_array_mut()
            .unwrap()
            .push(json!("患者様の声:受けてよかったです。当院は口コミ満足度No.1です。"));
    });
    f.edit(SEED, |a| {
        a["body"][6]["blocks"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": "paragraph", "text": "ビフォーアフター写真はカウンセリングでご覧いただけます。"}));
    });
    f.reindex();
}, [
    "articles/exosome-side-effects.json:/body/6/blocks/3/text: warning: 誇大広告 (術前術後の写真): \
     `ビフォーアフター写真はカウンセリングでご覧いただけます`: 術前術後の写真には、治療内容・費用・主なリスクと副作用を併記してください",
    "faq.json:/groups/0/items/0/answer/1: warning: 体験談 (治療内容・効果に関する体験談): \
     `当院は口コミ満足度No.1です`: 治療の内容や効果についての患者の体験談・口コミは広告に使えません。削除してください",
    "faq.json:/groups/0/items/0/answer/1: warning: 体験談 (治療内容・効果に関する体験談): \
     `患者様の声:受けてよかったです`: 治療の内容や効果についての患者の体験談・口コミは広告に使えません。削除してください",
    "faq.json:/groups/0/items/0/answer/1: warning: 比較優良広告 (順位・最上級の表現): \
     `当院は口コミ満足度No.1です`: 「日本一」「No.1」「最高」などの順位・最上級の表現は使えません。削除してください",
]);

broken!(
    missing_required_file,
    |f| {
        f.remove("clinics.json");
    },
    ["clinics.json:/: error: required file is missing"]
);

broken!(
    missing_articles_folder,
    |f| {
        f.remove("articles");
    },
    ["articles:/: error: required folder is missing"]
);

broken!(
    folder_where_a_file_belongs,
    |f| {
        f.remove("faq.json");
        fs::create_dir(f.path.join("faq.json")).unwrap();
    },
    ["faq.json:/: error: expected a file, found a folder"]
);

broken!(
    huge_file_is_refused_unread,
    |f| {
        let file = fs::File::create(f.path.join("site.json")).unwrap();
        file.set_len(33 * 1024 * 1024).unwrap();
    },
    ["site.json:/: error: the file is too large (33 MiB); content files may be at most 32 MiB"]
);

broken!(
    control_characters_are_escaped_in_messages,
    |f| {
        f.edit(SEED, |a| a["category"] = json!("bad\u{7}\u{202e}id\n"));
        f.reindex();
    },
    [
        "articles/exosome-side-effects.json:/category: error: no category \
     `bad\\u{7}\\u{202e}id\\n` in site.json"
    ]
);

broken!(
    stray_files_in_articles_are_named,
    |f| {
        f.write("articles/notes.txt", "memo");
        f.write("articles/.DS_Store", "");
    },
    ["articles/notes.txt:/: warning: ignored: the articles folder holds only <slug>.json files"]
);

broken!(
    schema_reference_must_point_to_the_schema,
    |f| {
        f.edit("site.json", |s| s["$schema"] = json!("schemas/site.json"));
    },
    [
        "site.json:/$schema: warning: `$schema` should be `schema/site.schema.json`, found \
     `schemas/site.json`"
    ]
);

#[cfg(unix)]
broken!(
    non_utf8_file_name,
    |f| {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
        fs::write(f.path.join("articles").join(name), "{}").unwrap();
    },
    [
        "articles/caf\u{fffd}.json:/: error: the file name is not valid UTF-8; name article \
     files <slug>.json"
    ]
);

/// Runs a built binary of this package.
fn run(binary: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(binary)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

const CHECK: &str = env!("CARGO_BIN_EXE_content-check");

#[test]
fn the_binary_exits_0_on_good_content_and_1_on_errors_or_strict_warnings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let good = run(CHECK, &[], root);
    assert_eq!(good.status.code(), Some(0));
    let stdout = String::from_utf8(good.stdout).unwrap();
    let expected = format!(
        "{}\ncontent-check: 0 errors, {} warnings in 5 files\n",
        SEED_WARNINGS.join("\n"),
        SEED_WARNINGS.len()
    );
    assert_eq!(stdout, expected);

    let strict = run(CHECK, &["public/content", "--strict"], root);
    assert_eq!(strict.status.code(), Some(1));
    let stdout = String::from_utf8(strict.stdout).unwrap();
    assert!(
        stdout.ends_with(&format!(
            "content-check: {} errors, 0 warnings in 5 files\n",
            SEED_WARNINGS.len()
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("warning:"));

    let broken = Folder::bundled("binary-broken");
    broken.remove("site.json");
    let out = run(CHECK, &[broken.path.to_str().unwrap()], root);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("site.json:/: error: required file is missing\n"),
        "{stdout}"
    );
}

#[test]
fn the_binary_refuses_bad_arguments_with_usage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [&["--stritc"][..], &["a", "b"], &["/no/such/folder"]] {
        let out = run(CHECK, args, root);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
    }
    let help = run(CHECK, &["--help"], root);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .starts_with("usage: content-check"));
}

#[test]
fn the_binary_writes_index_and_schemas() {
    let f = Folder::bundled("binary-write");
    f.write("index.json", r#"{"articles": []}"#);
    let dir = f.path.to_str().unwrap();
    let out = run(CHECK, &[dir, "--write-index", "--write-schema"], &f.path);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        fs::read_to_string(f.path.join("index.json")).unwrap(),
        fs::read_to_string(bundled().join("index.json")).unwrap(),
        "the bundled index.json is what --write-index writes"
    );
    for kind in check::FileKind::ALL {
        let name = format!("schema/{}", kind.schema_file());
        assert_eq!(
            fs::read_to_string(f.path.join(&name)).unwrap(),
            fs::read_to_string(bundled().join(&name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn write_index_refuses_while_an_article_is_unreadable() {
    let f = Folder::bundled("write-index-refuses");
    f.write(SEED, "{");
    let before = fs::read_to_string(f.path.join("index.json")).unwrap();
    assert!(check::write_index(&f.path).is_err());
    assert_eq!(
        fs::read_to_string(f.path.join("index.json")).unwrap(),
        before
    );
}

#[test]
fn synthetic_content_checks_clean() {
    let f = Folder::empty("synth");
    let dir = f.path.join("out");
    let synth = env!("CARGO_BIN_EXE_content-synth");
    let out = run(
        synth,
        &[dir.to_str().unwrap(), "--articles", "300"],
        &f.path,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report = check::check(&dir);
    assert_eq!(
        report.errors(),
        0,
        "{:#?}",
        report.lines().collect::<Vec<_>>()
    );
    assert_eq!(report.files, 4 + 301);
    // Rerunning over its own output is allowed: a smaller run leaves no stale
    // articles, and the same run gives the same bytes.
    let first = fs::read(dir.join("articles/sample-0042.json")).unwrap();
    let smaller = run(synth, &[dir.to_str().unwrap(), "--articles", "50"], &f.path);
    assert_eq!(smaller.status.code(), Some(0));
    assert!(!dir.join("articles/sample-0051.json").exists());
    assert_eq!(check::check(&dir).errors(), 0);
    let again = run(
        synth,
        &[dir.to_str().unwrap(), "--articles", "300"],
        &f.path,
    );
    assert_eq!(again.status.code(), Some(0));
    assert!(fs::read(dir.join("articles/sample-0042.json")).unwrap() == first);
}

#[test]
fn synth_never_writes_into_public_or_over_other_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let synth = env!("CARGO_BIN_EXE_content-synth");
    let out = run(synth, &["public/content/sample", "--articles", "1"], root);
    assert_eq!(out.status.code(), Some(1));
    assert!(!root.join("public/content/sample").exists());
    let f = Folder::bundled("synth-occupied");
    let out = run(synth, &[f.path.to_str().unwrap(), "--articles", "1"], root);
    assert_eq!(out.status.code(), Some(1));
}

/// A small deterministic generator for the robustness tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A random JSON value, biased towards the shapes content has.
    fn value(&mut self, depth: u32) -> Value {
        const KEYS: &[&str] = &[
            "type",
            "id",
            "slug",
            "title",
            "text",
            "blocks",
            "body",
            "to",
            "url",
            "section",
            "category",
            "items",
            "rows",
            "yen",
            "published",
            "$schema",
            "groups",
            "answer",
        ];
        const STRINGS: &[&str] = &[
            "section",
            "paragraph",
            "link",
            "list",
            "price_table",
            "consultation",
            "",
            "2023-02-30",
            "2024-01-01",
            "https://a.example/",
            "javascript:x",
            "絶対",
            "a-b",
            "\u{0}\u{202e}",
            "exosome-side-effects",
            "side-effects",
        ];
        match (self.below(if depth > 4 { 5 } else { 8 }), depth) {
            (0, _) => Value::Null,
            (1, _) => Value::Bool(self.below(2) == 0),
            (2, _) => json!(self.next() as i64 - (1 << 30)),
            (3, _) => json!(self.next() as f64 / 7.0),
            (4, _) => json!(STRINGS[self.below(STRINGS.len() as u64) as usize]),
            (5 | 6, _) => {
                let n = self.below(5);
                Value::Object(
                    (0..n)
                        .map(|_| {
                            let key = KEYS[self.below(KEYS.len() as u64) as usize].to_string();
                            (key, self.value(depth + 1))
                        })
                        .collect(),
                )
            }
            _ => Value::Array((0..self.below(4)).map(|_| self.value(depth + 1)).collect()),
        }
    }

    /// Replaces a random place in `v` with a random value.
    fn mutate(&mut self, v: &mut Value) {
        let children = match v {
            Value::Object(o) => o.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if children == 0 || self.below(4) == 0 {
            *v = self.value(0);
            return;
        }
        let i = self.below(children as u64) as usize;
        match v {
            Value::Object(o) => {
                if let Some((_, child)) = o.iter_mut().nth(i) {
                    self.mutate(child);
                }
            }
            Value::Array(a) => self.mutate(&mut a[i]),
            _ => {}
        }
    }
}

#[test]
fn garbage_and_deep_nesting_never_panic() {
    let f = Folder::bundled("garbage");
    let originals: Vec<(&str, Vec<u8>)> =
        ["site.json", "clinics.json", "faq.json", "index.json", SEED]
            .into_iter()
            .map(|file| (file, fs::read(f.path.join(file)).unwrap()))
            .collect();
    let mut lcg = Lcg(42);
    for round in 0..60 {
        let (file, original) = &originals[round % originals.len()];
        let mut bytes = original.clone();
        match round % 3 {
            // Random bytes overwritten.
            0 => {
                for _ in 0..1 + lcg.below(8) {
                    let at = lcg.below(bytes.len() as u64) as usize;
                    bytes[at] = lcg.next() as u8;
                }
            }
            // Cut short.
            1 => bytes.truncate(lcg.below(bytes.len() as u64) as usize),
            // Pure noise.
            _ => bytes = (0..lcg.below(300)).map(|_| lcg.next() as u8).collect(),
        }
        f.write(file, &bytes);
        let _ = f.lines();
        f.write(file, original);
    }
    // Valid JSON of the wrong shape, at random places in every file.
    for round in 0..500 {
        let (file, original) = &originals[round % originals.len()];
        let mut value: Value = serde_json::from_slice(original).unwrap();
        for _ in 0..1 + lcg.below(3) {
            lcg.mutate(&mut value);
        }
        f.write(file, value.to_string());
        let lines = f.lines();
        // The schema walker passed nothing that serde then refused.
        assert!(
            !lines.iter().any(|l| l.contains("the app cannot read")),
            "{lines:#?}"
        );
        f.write(file, original);
    }
    // Nesting far past any sane depth, as arrays, objects and article sections.
    f.write(SEED, "[".repeat(1_000_000));
    assert!(f
        .lines()
        .iter()
        .any(|l| l.contains("recursion limit exceeded")));
    f.write(SEED, "{\"a\":".repeat(100_000));
    assert!(f
        .lines()
        .iter()
        .any(|l| l.contains("recursion limit exceeded")));
    f.write(SEED, &originals[4].1);
    let mut section = json!({"type": "paragraph", "text": "本文"});
    for level in 0..40 {
        section = json!({"type": "section", "id": format!("s{level}"), "title": "t", "blocks": [section]});
    }
    f.edit(SEED, |a| a["body"] = json!([section]));
    assert!(f.lines().iter().any(|l| l.contains("this one is level 40")));
}

/// A doctor's optional fields: links only to https pages, a photo only from the
/// content folder (nothing is fetched from another site at run time).
#[test]
fn a_doctor_s_photo_and_profile_link_stay_safe() {
    let f = Folder::bundled("doctor-fields");
    f.edit("site.json", |s| {
        let d = &mut s["doctors"][0];
        d["title"] = json!("院長");
        d["specialty"] = json!("サンプル専門医");
        d["profile_url"] = json!("https://clinic.example/doctors/nakagawa");
        d["photo"] = json!("images/doctors/nakagawa-akira.jpg");
    });
    assert_reports(&f, &[]);
    for (photo, url) in [
        ("https://cdn.example/a.jpg", "http://clinic.example/"),
        ("../site.json", "javascript:alert(1)"),
    ] {
        f.edit("site.json", |s| {
            s["doctors"][0]["photo"] = json!(photo);
            s["doctors"][0]["profile_url"] = json!(url);
        });
        let lines = f.lines();
        assert!(
            lines.iter().any(|l| l.contains("/doctors/0/photo: error")),
            "{photo}: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("/doctors/0/profile_url: error")),
            "{url}: {lines:?}"
        );
    }
}
