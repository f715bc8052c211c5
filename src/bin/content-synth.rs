//! `content-synth OUT_DIR [--articles N]`: writes a complete content folder with N
//! (default 10000) clearly labelled sample articles, for scale tests and benchmarks.
//! The site, clinics and FAQ are the bundled ones, with the seed article the FAQ cites;
//! the index and schemas are generated as `content-check` would. Deterministic: the
//! same N gives the same bytes. It never writes under `public/`, so sample data is
//! never served by default.

// The browser build has no file system; there this tool is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    synth::run(std::env::args_os().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
mod synth {
    use std::ffi::OsString;
    use std::fs;
    use std::io;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clinic_column::content::check::{self, kinds::pretty_json};
    use clinic_column::content::{
        files, Article, Block, ClinicsLink, Date, FaqLink, LinkTarget, SectionLink, Site, Topic,
    };

    const USAGE: &str = "\
usage: content-synth OUT_DIR [--articles N]

Writes a complete content folder with N sample articles (default 10000) to OUT_DIR,
which must be empty, new, or an earlier content-synth output. Never under public/.";

    /// Marks a folder as this tool's output, so a rerun may replace it.
    const MARKER: &str = ".content-synth";

    // The bundled files, copied as they are.
    const SITE: &str = include_str!("../../public/content/site.json");
    const CLINICS: &str = include_str!("../../public/content/clinics.json");
    const FAQ: &str = include_str!("../../public/content/faq.json");
    /// The FAQ's answers cite this article's sections, so it comes along.
    const SEED_SLUG: &str = "exosome-side-effects";
    const SEED: &str = include_str!("../../public/content/articles/exosome-side-effects.json");

    pub fn run(args: Vec<OsString>) -> ExitCode {
        let (out, count) = match parse(args) {
            Ok(parsed) => parsed,
            Err(e) => {
                eprintln!("content-synth: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match write(&out, count) {
            Ok(()) => {
                println!(
                    "content-synth: wrote {} sample articles to {}",
                    count,
                    out.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("content-synth: {}: {e}", out.display());
                ExitCode::FAILURE
            }
        }
    }

    fn parse(args: Vec<OsString>) -> Result<(PathBuf, usize), String> {
        let mut out = None;
        let mut count = 10_000;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--articles") => {
                    let n = args.next().ok_or("--articles needs a number")?;
                    count = n
                        .to_str()
                        .and_then(|n| n.parse().ok())
                        .filter(|&n| (1..=1_000_000).contains(&n))
                        .ok_or("--articles needs a number from 1 to 1000000")?;
                }
                Some(flag) if flag.starts_with('-') => {
                    return Err(format!("unknown option `{flag}`"))
                }
                _ if out.is_some() => return Err("more than one OUT_DIR given".into()),
                _ => out = Some(PathBuf::from(arg)),
            }
        }
        Ok((out.ok_or("OUT_DIR is missing")?, count))
    }

    fn write(out: &Path, count: usize) -> io::Result<()> {
        let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        if let (Ok(public), Ok(target)) = (public.canonicalize(), resolve(out)) {
            if target.starts_with(&public) {
                return Err(refuse("sample content is never written under public/"));
            }
        }
        prepare(out)?;
        let site: Site = serde_json::from_str(SITE).map_err(io::Error::other)?;
        let articles_dir = out.join(files::ARTICLES_DIR);
        fs::create_dir_all(&articles_dir)?;
        fs::write(out.join(files::SITE), SITE)?;
        fs::write(out.join(files::CLINICS), CLINICS)?;
        fs::write(out.join(files::FAQ), FAQ)?;
        fs::write(out.join(files::article(SEED_SLUG)), SEED)?;
        let mut articles: Vec<Article> =
            vec![serde_json::from_str(SEED).map_err(io::Error::other)?];
        for n in 1..=count {
            let article = sample_article(n, count, &site);
            fs::write(
                out.join(files::article(&article.slug)),
                pretty_json(&article),
            )?;
            articles.push(article);
        }
        fs::write(out.join(files::INDEX), check::index_json(&articles))?;
        let faq = serde_json::from_str(FAQ).map_err(io::Error::other)?;
        check::write_derived(out, &site, Some(&faq), &articles)?;
        check::write_schemas(out)?;
        fs::write(
            out.join(MARKER),
            "written by content-synth; safe to delete\n",
        )
    }

    fn refuse(why: &str) -> io::Error {
        io::Error::new(io::ErrorKind::PermissionDenied, why)
    }

    /// Makes `out` ready: new, empty, or an earlier output whose articles are dropped
    /// (a smaller N must not leave stale ones behind).
    fn prepare(out: &Path) -> io::Result<()> {
        if !out.exists() {
            return fs::create_dir_all(out);
        }
        if out.join(MARKER).is_file() {
            let articles = out.join(files::ARTICLES_DIR);
            if articles.exists() {
                fs::remove_dir_all(articles)?;
            }
            return Ok(());
        }
        if fs::read_dir(out)?.next().is_some() {
            return Err(refuse(
                "the folder is not empty and was not written by content-synth",
            ));
        }
        Ok(())
    }

    /// The absolute path with every existing part's symlinks resolved, so `public/`
    /// cannot be reached by another name.
    fn resolve(path: &Path) -> io::Result<PathBuf> {
        let absolute = std::env::current_dir()?.join(path);
        let mut existing = absolute.as_path();
        let mut missing = Vec::new();
        while !existing.exists() {
            let name = existing.file_name().ok_or_else(|| refuse("odd path"))?;
            missing.push(name);
            existing = existing.parent().ok_or_else(|| refuse("odd path"))?;
        }
        let mut resolved = existing.canonicalize()?;
        resolved.extend(missing.iter().rev());
        Ok(resolved)
    }

    /// A tiny deterministic generator (Knuth's MMIX LCG), seeded per article so each
    /// article depends only on its number.
    pub struct Lcg(u64);

    impl Lcg {
        pub fn new(seed: u64) -> Self {
            let mut lcg = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
            lcg.next();
            lcg
        }

        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        /// A number in `0..n`.
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// Title subjects in every script a search must handle: hiragana, katakana
    /// (full- and half-width), kanji, ASCII and full-width ASCII.
    const SUBJECTS: &[&str] = &[
        "エクソソーム治療のよくある疑問",
        "ひらがなで よむ はだの おていれ",
        "基礎知識",
        "ダウンタイムの過ごし方",
        "カウンセリングで聞かれること",
        "GLP-1 と食事の sample メモ",
        "ＡＧＡ ケアの用語集",
        "ｻﾝﾌﾟﾙ ﾃｷｽﾄ の よみかた",
        "施術前後のスキンケア",
        "Q&A まとめ",
        "エクソソームと保湿の関係",
        "きほんの用語 step by step",
    ];

    const WORDS: &[&str] = &[
        "はだ",
        "うるおい",
        "きめ",
        "すこやか",
        "おていれ",
        "ほしつ",
        "エクソソーム",
        "ダーマペン",
        "ヒアルロンサン",
        "コラーゲン",
        "ダウンタイム",
        "カウンセリング",
        "美肌",
        "脱毛",
        "施術",
        "医師",
        "保湿",
        "毛穴",
        "再生医療",
        "AGA",
        "GLP-1",
        "care",
        "sample",
        "skin",
        "test",
        "ＡＧＡ",
        "ＬＥＤ",
        "ｻﾝﾌﾟﾙ",
        "ｴｸｿｿｰﾑ",
    ];

    const SAMPLE_NOTE: &str = "この文章は負荷試験用のサンプルテキストです。実在の治療・効果・\
                               価格・症例を示すものではありません。";

    /// A sentence of sample words, clearly labelled.
    fn sentence(lcg: &mut Lcg) -> String {
        let n = 6 + lcg.below(7);
        let words: Vec<&str> = (0..n).map(|_| lcg.pick(WORDS)).collect();
        format!("（サンプル文）{}。", words.join("、"))
    }

    fn paragraph(lcg: &mut Lcg) -> Block {
        let n = 1 + lcg.below(3);
        Block::Paragraph {
            text: (0..n).map(|_| sentence(lcg)).collect(),
        }
    }

    /// Sample article number `n` (from 1) of `count`.
    pub fn sample_article(n: usize, count: usize, site: &Site) -> Article {
        let mut lcg = Lcg::new(n as u64);
        let width = count.to_string().len().max(4);
        let slug = |k: usize| format!("sample-{k:0width$}");
        let category = &site.categories[(n - 1) % site.categories.len()];
        let supervisor = &site.doctors[n % site.doctors.len()];

        let year = 2015 + lcg.below(11) as u16;
        let (month, day) = (1 + lcg.below(12) as u8, 1 + lcg.below(28) as u8);
        let published = Date::new(year, month, day).expect("days 1-28 exist in every month");
        let updated = (lcg.below(3) == 0).then(|| {
            Date::new(year + 1, 1 + lcg.below(12) as u8, 1 + lcg.below(28) as u8)
                .expect("days 1-28 exist in every month")
        });

        let mut body = vec![Block::Section {
            id: "overview".into(),
            title: "この記事について".into(),
            collapsible: false,
            topic: None,
            blocks: vec![Block::Paragraph {
                text: format!("{SAMPLE_NOTE}{}", sentence(&mut lcg)),
            }],
        }];
        let parts = 2 + lcg.below(4);
        for part in 1..=parts {
            let mut blocks = vec![paragraph(&mut lcg)];
            if lcg.below(2) == 0 {
                blocks.push(Block::List {
                    ordered: lcg.below(2) == 0,
                    items: (0..2 + lcg.below(3))
                        .map(|_| format!("サンプル項目：{}", lcg.pick(WORDS)))
                        .collect(),
                });
            }
            if lcg.below(3) == 0 {
                blocks.push(Block::Section {
                    id: format!("part-{part}-detail"),
                    title: format!("{}の補足（サンプル）", lcg.pick(WORDS)),
                    collapsible: false,
                    topic: None,
                    blocks: vec![paragraph(&mut lcg)],
                });
            }
            let topic = match (part, n % 4) {
                (1, 0 | 1) => Some(Topic::Treatment),
                (2, 0 | 2) => Some(Topic::SideEffects),
                _ => None,
            };
            body.push(Block::Section {
                id: format!("part-{part}"),
                title: format!("{}について（サンプル）", lcg.pick(WORDS)),
                collapsible: topic == Some(Topic::SideEffects),
                topic,
                blocks,
            });
        }
        let to = match lcg.below(4) {
            0 => LinkTarget::Category(category.id.clone()),
            1 => LinkTarget::Faq(FaqLink {
                item: Some("exosome-side-effects".into()),
            }),
            2 => LinkTarget::Clinics(ClinicsLink {
                clinic: Some("shinjuku".into()),
            }),
            _ => LinkTarget::Article(SectionLink {
                slug: SEED_SLUG.into(),
                section: Some("side-effects".into()),
            }),
        };
        body.push(Block::Link {
            text: "関連ページ（サンプルリンク）".into(),
            to,
        });
        if n.is_multiple_of(4) {
            body.push(Block::Consultation {
                text: "（サンプル）ご相談はクリニックまで。".into(),
            });
        }

        let related = if count > 1 {
            let next = n % count + 1;
            let other = 1 + lcg.below(count);
            let mut related = vec![slug(next)];
            if other != n && other != next {
                related.push(slug(other));
            }
            related
        } else {
            vec![]
        };

        Article {
            schema: Some(check::FileKind::Article.schema_ref()),
            slug: slug(n),
            title: format!(
                "サンプル記事 {n:0width$}：{}の{}",
                category.name,
                lcg.pick(SUBJECTS)
            ),
            published,
            updated,
            category: category.id.clone(),
            supervisor: supervisor.id.clone(),
            body,
            related,
            disclosures: None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn site() -> Site {
            serde_json::from_str(SITE).unwrap()
        }

        #[test]
        fn articles_are_deterministic_and_labelled_as_samples() {
            let site = site();
            let a = sample_article(7, 300, &site);
            assert_eq!(a, sample_article(7, 300, &site));
            assert_eq!(a.slug, "sample-0007");
            assert!(a.title.starts_with("サンプル記事 0007："), "{}", a.title);
            assert!(a.related.iter().all(|r| *r != a.slug));
            assert_eq!(sample_article(1, 10_000, &site).slug, "sample-00001");
        }

        #[test]
        fn articles_cover_every_category() {
            let site = site();
            let used: std::collections::HashSet<String> = (1..=site.categories.len())
                .map(|n| sample_article(n, 100, &site).category)
                .collect();
            assert_eq!(used.len(), site.categories.len());
        }

        #[test]
        fn refuses_bad_arguments() {
            let parse = |a: &[&str]| parse(a.iter().map(OsString::from).collect());
            assert_eq!(parse(&["out"]).unwrap(), (PathBuf::from("out"), 10_000));
            assert_eq!(
                parse(&["out", "--articles", "300"]).unwrap(),
                (PathBuf::from("out"), 300)
            );
            assert!(parse(&[]).is_err());
            assert!(parse(&["out", "--articles"]).is_err());
            assert!(parse(&["out", "--articles", "x"]).is_err());
            assert!(parse(&["out", "--articles", "0"]).is_err());
            assert!(parse(&["out", "--fast"]).is_err());
        }
    }
}
