//! The typed content model: one type per content file, shared by the app and the tools.
//!
//! Article bodies are structured blocks, never HTML, so any text an editor (or an
//! attacker) writes can only ever render as text. Every struct refuses unknown fields,
//! so a misspelt field is an error rather than silently lost content.

use serde::{Deserialize, Serialize};

use super::date::Date;

macro_rules! content_type {
    ($($item:item)*) => {$(
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        $item
    )*};
}

content_type! {
    /// `site.json`: the column, the clinic brand, the treatment menu and the doctors.
    #[serde(deny_unknown_fields)]
    pub struct Site {
        /// The JSON Schema an editor's tools validate this file against.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        /// Where the column is published, e.g. `https://clinic.example` (no path): used
        /// for canonical URLs, share images, the sitemap and the feed. The build
        /// variable `SITE_ORIGIN` overrides it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub origin: Option<String>,
        pub column: Column,
        pub brand: Brand,
        /// The treatment menu, in the order the site lists it.
        pub categories: Vec<Category>,
        pub doctors: Vec<Doctor>,
        /// The footer's guide links ("はじめての方へ", "よくある質問").
        pub guides: Vec<Guide>,
    }

    /// The column's header.
    #[serde(deny_unknown_fields)]
    pub struct Column {
        /// The small Latin label above the name, e.g. "Column".
        pub label: String,
        /// e.g. "美脱毛コラム".
        pub name: String,
        pub description: String,
    }

    /// The clinic brand that publishes the column.
    #[serde(deny_unknown_fields)]
    pub struct Brand {
        pub name: String,
        /// Where a patient books a consultation; empty until the clinic gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub consultation_url: Option<String>,
    }

    /// One entry of the treatment menu; articles belong to exactly one.
    #[serde(deny_unknown_fields)]
    pub struct Category {
        /// URL-safe id, used in `?category=`.
        pub id: String,
        pub name: String,
        /// The clinic's own page about the treatment (https), if it has one: the
        /// treatment menus link there. Absent until the clinic gives it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub page: Option<String>,
        /// Whether the treatment is self-pay (自由診療); unknown when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_pay: Option<bool>,
        /// The treatment's cost as the clinic publishes it, e.g. "1回 00,000円(税込)".
        /// Never estimated: absent until the clinic states it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cost: Option<String>,
        /// The treatment uses a medicine or device not approved in Japan
        /// (未承認医薬品等), with the disclosures the guideline asks for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub unapproved: Option<Unapproved>,
    }

    /// What a page about a treatment with an unapproved medicine or device must also
    /// state (医療広告ガイドライン, 限定解除要件 for 未承認医薬品等). Each field is shown
    /// on the article when filled; an empty one is reported by `content-check`. Only
    /// what the clinic states, or a public regulatory fact, goes here.
    #[serde(deny_unknown_fields)]
    pub struct Unapproved {
        /// The product, e.g. "幹細胞培養上清液(エクソソーム)製剤".
        pub product: String,
        /// That it is unapproved (未承認医薬品等であること).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
        /// How the clinic obtains it (入手経路等), e.g. imported by the physician.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub acquisition: Option<String>,
        /// Whether an approved product with the same indication exists in Japan
        /// (国内の承認医薬品等の有無).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub domestic_alternatives: Option<String>,
        /// What is known of its safety abroad (諸外国における安全性等に係る情報).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub safety_abroad: Option<String>,
        /// That the relief system for adverse drug reactions does not cover it
        /// (医薬品副作用被害救済制度の対象外).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub relief_system: Option<String>,
    }

    /// An article's own disclosures, replacing its category's where given.
    #[derive(Default)]
    #[serde(deny_unknown_fields)]
    pub struct Disclosures {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_pay: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cost: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub unapproved: Option<Unapproved>,
    }

    /// A supervising doctor.
    #[serde(deny_unknown_fields)]
    pub struct Doctor {
        pub id: String,
        /// e.g. "中川 哲".
        pub name: String,
        /// The reading in katakana, e.g. "ナカガワ アキラ".
        pub reading: String,
        /// The clinic the doctor is presented with, e.g. "リアラクリニック".
        pub affiliation: String,
        /// A short profile, only as the clinic publishes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub profile: Option<String>,
        /// The doctor's position, e.g. "院長", as the clinic publishes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        /// Specialties or certifications, only as the clinic publishes them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub specialty: Option<String>,
        /// The clinic's page about the doctor (https).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub profile_url: Option<String>,
        /// A square portrait in the content folder, e.g.
        /// "images/doctors/nakagawa-akira.jpg", shown at 96×96.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub photo: Option<String>,
    }

    /// A guide link in the footer.
    #[serde(deny_unknown_fields)]
    pub struct Guide {
        pub id: String,
        pub title: String,
        pub description: String,
        /// Where it leads; a guide without a page yet is shown without a link.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to: Option<LinkTarget>,
    }

    /// `clinics.json`: the clinics, grouped by area.
    #[serde(deny_unknown_fields)]
    pub struct Clinics {
        /// The JSON Schema an editor's tools validate this file against.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        pub areas: Vec<Area>,
        pub clinics: Vec<Clinic>,
    }

    #[serde(deny_unknown_fields)]
    pub struct Area {
        pub id: String,
        /// e.g. "関東エリア".
        pub name: String,
    }

    /// A clinic. Only what the clinic has published is filled in.
    #[serde(deny_unknown_fields)]
    pub struct Clinic {
        /// Also the clinic's anchor on the clinics page, e.g. `shinjuku`.
        pub id: String,
        /// e.g. "新宿".
        pub name: String,
        pub area: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub phone: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub hours: Option<String>,
        /// City-level position for the map.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub location: Option<GeoPoint>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub consultation_url: Option<String>,
    }

    #[serde(deny_unknown_fields)]
    pub struct GeoPoint {
        pub lat: f64,
        pub lon: f64,
    }

    /// `faq.json`: questions in groups.
    #[serde(deny_unknown_fields)]
    pub struct Faq {
        /// The JSON Schema an editor's tools validate this file against.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        pub groups: Vec<FaqGroup>,
    }

    #[serde(deny_unknown_fields)]
    pub struct FaqGroup {
        pub id: String,
        pub title: String,
        pub items: Vec<FaqItem>,
    }

    /// One question. Its answer comes from an article section, which it links to.
    #[serde(deny_unknown_fields)]
    pub struct FaqItem {
        /// Also the question's anchor on the FAQ page.
        pub id: String,
        pub question: String,
        /// The answer's paragraphs.
        pub answer: Vec<String>,
        pub source: SectionRef,
    }

    /// A section of an article.
    #[serde(deny_unknown_fields)]
    pub struct SectionRef {
        pub article: String,
        pub section: String,
    }

    /// `index.json`: a summary of every article, newest first, so the list view never
    /// needs the bodies. Generated from the article files by `content-check --write-index`.
    #[serde(deny_unknown_fields)]
    pub struct Index {
        /// The JSON Schema an editor's tools validate this file against.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        pub articles: Vec<ArticleSummary>,
    }

    #[serde(deny_unknown_fields)]
    pub struct ArticleSummary {
        pub slug: String,
        pub title: String,
        pub published: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated: Option<Date>,
        pub category: String,
        pub supervisor: String,
        /// The opening of the body, verbatim.
        pub excerpt: String,
        pub reading_minutes: u32,
    }

    /// `articles/<slug>.json`: one doctor-supervised article.
    #[serde(deny_unknown_fields)]
    pub struct Article {
        /// The JSON Schema an editor's tools validate this file against.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        /// URL-safe id; the file is named after it.
        pub slug: String,
        pub title: String,
        pub published: Date,
        /// When the content was last revised; absent if never.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub updated: Option<Date>,
        /// A category id from `site.json`.
        pub category: String,
        /// A doctor id from `site.json`.
        pub supervisor: String,
        pub body: Vec<Block>,
        /// Slugs of related articles.
        #[serde(default)]
        pub related: Vec<String>,
        /// Self-pay, cost and unapproved-product disclosures of this article, where
        /// they differ from its category's in `site.json`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub disclosures: Option<Disclosures>,
    }

    /// A piece of an article body.
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    #[cfg_attr(target_arch = "wasm32", serde(try_from = "FlatBlock"))]
    pub enum Block {
        /// A headed section (h2 at the top level, h3 inside another section).
        Section {
            /// The section's anchor, e.g. `side-effects`.
            id: String,
            title: String,
            /// A collapsible group: shown open by default, togglable by the reader.
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            collapsible: bool,
            /// What the section is about, for the medical-advertising check.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            topic: Option<Topic>,
            blocks: Vec<Block>,
        },
        Paragraph {
            text: String,
        },
        List {
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            ordered: bool,
            items: Vec<String>,
        },
        /// A link on a line of its own, e.g. "エクソソームの詳細はこちら".
        Link {
            text: String,
            to: LinkTarget,
        },
        /// Treatment prices, in yen including tax.
        PriceTable {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            caption: Option<String>,
            rows: Vec<PriceRow>,
        },
        /// The call to a (free) consultation.
        Consultation {
            text: String,
        },
    }

    #[serde(deny_unknown_fields)]
    pub struct PriceRow {
        pub item: String,
        pub yen: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
    }

    /// What a section covers, as Japan's medical-advertising guideline asks for it.
    #[serde(rename_all = "snake_case")]
    pub enum Topic {
        /// The usual treatment (通常必要とされる治療の内容).
        Treatment,
        /// Costs (費用).
        Cost,
        /// Side effects (副作用).
        SideEffects,
        /// Risks and downsides (リスク・デメリット).
        Downsides,
    }

    /// Where a link leads, always inside the column or to an absolute https URL.
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    pub enum LinkTarget {
        /// The column list filtered by a category id.
        Category(String),
        /// An article, optionally at a section.
        Article(SectionLink),
        /// The FAQ page.
        Faq(FaqLink),
        /// The clinics page.
        Clinics(ClinicsLink),
        /// Another site (https only).
        Url(String),
    }

    #[serde(deny_unknown_fields)]
    pub struct SectionLink {
        pub slug: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub section: Option<String>,
    }

    #[serde(deny_unknown_fields)]
    pub struct FaqLink {
        /// A question id, to open the FAQ at that question.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub item: Option<String>,
    }

    #[serde(deny_unknown_fields)]
    pub struct ClinicsLink {
        /// A clinic id, to open the page at that clinic.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub clinic: Option<String>,
    }
}

impl Eq for Topic {}
impl Copy for Topic {}

/// A block as the app in the browser reads it: every field of every kind in one flat
/// struct, checked against its kind afterwards. serde reads a `type`-tagged enum by
/// buffering each block into a generic tree first, and that reader is about 8 KB brotli
/// of the patients' bundle. The native build (prerender, content check) keeps serde's
/// own reader, whose errors name the field; a test checks that both agree. Two shapes
/// only the content check refuses: a field set to `null`, read here as absent, and a
/// block written as an array, which serde reads and this does not.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlatBlock {
    #[serde(rename = "type")]
    kind: BlockKind,
    id: Option<String>,
    title: Option<String>,
    collapsible: Option<bool>,
    topic: Option<Topic>,
    blocks: Option<Vec<Block>>,
    text: Option<String>,
    ordered: Option<bool>,
    items: Option<Vec<String>>,
    to: Option<LinkTarget>,
    caption: Option<String>,
    rows: Option<Vec<PriceRow>>,
}

#[cfg(any(target_arch = "wasm32", test))]
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Section,
    Paragraph,
    List,
    Link,
    PriceTable,
    Consultation,
}

#[cfg(any(target_arch = "wasm32", test))]
impl TryFrom<FlatBlock> for Block {
    type Error = &'static str;

    fn try_from(f: FlatBlock) -> Result<Block, Self::Error> {
        fn given<T>(field: Option<T>) -> Result<T, &'static str> {
            field.ok_or("a block lacks a field its type needs")
        }
        // One bit per field, to check the fields given against those the kind has.
        const ID: u16 = 1;
        const TITLE: u16 = 1 << 1;
        const COLLAPSIBLE: u16 = 1 << 2;
        const TOPIC: u16 = 1 << 3;
        const BLOCKS: u16 = 1 << 4;
        const TEXT: u16 = 1 << 5;
        const ORDERED: u16 = 1 << 6;
        const ITEMS: u16 = 1 << 7;
        const TO: u16 = 1 << 8;
        const CAPTION: u16 = 1 << 9;
        const ROWS: u16 = 1 << 10;
        let given_fields = [
            (f.id.is_some(), ID),
            (f.title.is_some(), TITLE),
            (f.collapsible.is_some(), COLLAPSIBLE),
            (f.topic.is_some(), TOPIC),
            (f.blocks.is_some(), BLOCKS),
            (f.text.is_some(), TEXT),
            (f.ordered.is_some(), ORDERED),
            (f.items.is_some(), ITEMS),
            (f.to.is_some(), TO),
            (f.caption.is_some(), CAPTION),
            (f.rows.is_some(), ROWS),
        ]
        .into_iter()
        .filter(|&(is_given, _)| is_given)
        .fold(0, |all, (_, bit)| all | bit);
        let known = match f.kind {
            BlockKind::Section => ID | TITLE | COLLAPSIBLE | TOPIC | BLOCKS,
            BlockKind::Paragraph | BlockKind::Consultation => TEXT,
            BlockKind::List => ORDERED | ITEMS,
            BlockKind::Link => TEXT | TO,
            BlockKind::PriceTable => CAPTION | ROWS,
        };
        if given_fields & !known != 0 {
            return Err("a block has a field its type does not know");
        }
        Ok(match f.kind {
            BlockKind::Section => Block::Section {
                id: given(f.id)?,
                title: given(f.title)?,
                collapsible: f.collapsible.unwrap_or_default(),
                topic: f.topic,
                blocks: given(f.blocks)?,
            },
            BlockKind::Paragraph => Block::Paragraph {
                text: given(f.text)?,
            },
            BlockKind::List => Block::List {
                ordered: f.ordered.unwrap_or_default(),
                items: given(f.items)?,
            },
            BlockKind::Link => Block::Link {
                text: given(f.text)?,
                to: given(f.to)?,
            },
            BlockKind::PriceTable => Block::PriceTable {
                caption: f.caption,
                rows: given(f.rows)?,
            },
            BlockKind::Consultation => Block::Consultation {
                text: given(f.text)?,
            },
        })
    }
}

impl Block {
    /// The blocks nested in this one (only sections nest).
    pub fn children(&self) -> &[Block] {
        match self {
            Block::Section { blocks, .. } => blocks,
            _ => &[],
        }
    }
}

impl Article {
    /// Every block of the body, depth first, with its section depth (1 = top level).
    pub fn walk(&self) -> Vec<(usize, &Block)> {
        fn go<'a>(blocks: &'a [Block], depth: usize, out: &mut Vec<(usize, &'a Block)>) {
            for b in blocks {
                out.push((depth, b));
                go(b.children(), depth + 1, out);
            }
        }
        let mut out = Vec::new();
        go(&self.body, 1, &mut out);
        out
    }

    /// The ids of every section, in order.
    pub fn section_ids(&self) -> impl Iterator<Item = &str> {
        self.walk().into_iter().filter_map(|(_, b)| match b {
            Block::Section { id, .. } => Some(id.as_str()),
            _ => None,
        })
    }
}

impl Site {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn doctor(&self, id: &str) -> Option<&Doctor> {
        self.doctors.iter().find(|d| d.id == id)
    }

    /// What an article discloses about its treatment: its own fields, else its
    /// category's.
    pub fn disclosures(&self, article: &Article) -> Disclosures {
        let own = article.disclosures.clone().unwrap_or_default();
        let category = self.category(&article.category);
        Disclosures {
            self_pay: own.self_pay.or(category.and_then(|c| c.self_pay)),
            cost: own.cost.or(category.and_then(|c| c.cost.clone())),
            unapproved: own
                .unapproved
                .or(category.and_then(|c| c.unapproved.clone())),
        }
    }
}

impl Disclosures {
    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.self_pay != Some(true) && self.cost.is_none() && self.unapproved.is_none()
    }
}

/// An entry of an article's table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
    /// 1 for h2 sections, 2 for h3 sections.
    pub depth: usize,
}

impl Article {
    /// Every section, in order, for the table of contents.
    pub fn toc(&self) -> Vec<TocEntry> {
        self.walk()
            .into_iter()
            .filter_map(|(depth, b)| match b {
                Block::Section { id, title, .. } => Some(TocEntry {
                    id: id.clone(),
                    title: title.clone(),
                    depth,
                }),
                _ => None,
            })
            .collect()
    }

    /// The ids of the collapsible sections.
    pub fn collapsible_ids(&self) -> Vec<String> {
        self.walk()
            .into_iter()
            .filter_map(|(_, b)| match b {
                Block::Section {
                    id,
                    collapsible: true,
                    ..
                } => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// The id of the collapsible section that contains the section `id`, or `id` itself
    /// if it is collapsible: what must open for `#id` to be seen.
    pub fn collapsible_containing(&self, id: &str) -> Option<String> {
        fn go(blocks: &[Block], id: &str, open: Option<&str>) -> Option<Option<String>> {
            for b in blocks {
                if let Block::Section {
                    id: sid,
                    collapsible,
                    blocks,
                    ..
                } = b
                {
                    let here = if *collapsible {
                        Some(sid.as_str())
                    } else {
                        open
                    };
                    if sid == id {
                        return Some(here.map(str::to_string));
                    }
                    if let Some(found) = go(blocks, id, here) {
                        return Some(found);
                    }
                }
            }
            None
        }
        go(&self.body, id, None).flatten()
    }
}

impl PriceRow {
    /// The price as the column prints it: `12345` → `12,345円`.
    pub fn price_label(&self) -> String {
        let digits = self.yen.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out + "円"
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Reads a block both ways: serde's reader (native builds) and the flat one (the
    /// app in the browser). `None` where the block is refused.
    fn both_ways(block: &serde_json::Value) -> (Option<Block>, Option<Block>) {
        let serde_way = serde_json::from_value::<Block>(block.clone()).ok();
        let flat_way = serde_json::from_value::<FlatBlock>(block.clone())
            .ok()
            .and_then(|f| Block::try_from(f).ok());
        (serde_way, flat_way)
    }

    /// The app in the browser reads every block as the build does, and refuses what the
    /// build refuses (but for the two shapes [`FlatBlock`] names).
    #[test]
    fn the_flat_block_reader_agrees_with_serde() {
        let path = format!(
            "{}/public/content/articles/exosome-side-effects.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let article: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut read = 0;
        let mut pending: Vec<serde_json::Value> = article["body"].as_array().unwrap().clone();
        while let Some(block) = pending.pop() {
            let (serde_way, flat_way) = both_ways(&block);
            assert!(serde_way.is_some(), "{block}");
            assert_eq!(serde_way, flat_way, "{block}");
            pending.extend(block["blocks"].as_array().cloned().unwrap_or_default());
            read += 1;
        }
        assert!(read > 40, "{read} blocks read");

        let accepted = [
            json!({ "type": "paragraph", "text": "本文" }),
            json!({ "text": "本文", "type": "consultation" }),
            json!({ "type": "list", "items": ["a"] }),
            json!({ "type": "list", "ordered": true, "items": [] }),
            json!({ "type": "link", "text": "詳細", "to": { "category": "aga" } }),
            json!({ "type": "link", "text": "FAQ", "to": { "faq": { "item": "q1" } } }),
            json!({ "type": "price_table", "rows": [{ "item": "注射", "yen": 1000 }] }),
            json!({ "type": "price_table", "caption": "料金", "rows": [] }),
            json!({ "type": "section", "id": "a", "title": "見出し", "blocks": [] }),
            json!({ "type": "section", "id": "a", "title": "見出し", "collapsible": true,
                    "topic": "side_effects", "blocks": [{ "type": "paragraph", "text": "x" }] }),
        ];
        let refused = [
            json!({ "type": "paragraph" }),
            json!({ "type": "paragraph", "text": "本文", "id": "a" }),
            json!({ "type": "paragraph", "text": "本文", "colour": "red" }),
            json!({ "type": "paragraph", "text": 3 }),
            json!({ "type": "quote", "text": "本文" }),
            json!({ "text": "本文" }),
            json!({ "type": "list", "items": ["a"], "text": "x" }),
            json!({ "type": "link", "text": "詳細" }),
            json!({ "type": "link", "text": "詳細", "to": { "mail": "a@example.com" } }),
            json!({ "type": "price_table", "rows": [{ "item": "注射", "yen": -1 }] }),
            json!({ "type": "section", "id": "a", "blocks": [] }),
            json!({ "type": "section", "id": "a", "title": "見出し", "blocks": [], "topic": "price" }),
            json!({ "type": "section", "id": "a", "title": "見出し", "blocks": [{ "type": "paragraph" }] }),
            json!({ "type": "consultation", "text": "予約", "items": [] }),
        ];
        for block in &accepted {
            let (serde_way, flat_way) = both_ways(block);
            assert!(serde_way.is_some(), "{block}");
            assert_eq!(serde_way, flat_way, "{block}");
        }
        for block in &refused {
            assert_eq!(both_ways(block), (None, None), "{block}");
        }
    }

    fn bundled_article() -> Article {
        let path = format!(
            "{}/public/content/articles/exosome-side-effects.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Every line of the source page's article, in order, is in the article file with
    /// exactly the two corrections the brief names, and nothing else is added.
    #[test]
    fn the_seed_article_is_verbatim() {
        let source = std::fs::read_to_string(format!(
            "{}/tests/fixtures/seed-article.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let expected: Vec<String> = source
            .lines()
            .map(|l| {
                l.replace("幹部に赤み", "患部に赤み")
                    .replace("常にまれなケース", "非常にまれなケース")
            })
            .collect();
        let article = bundled_article();
        let actual: Vec<&str> = article
            .walk()
            .into_iter()
            .filter_map(|(_, b)| match b {
                Block::Section { title, .. } => Some(title.as_str()),
                Block::Paragraph { text }
                | Block::Link { text, .. }
                | Block::Consultation { text } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(actual, expected);
        assert_eq!(
            article.title,
            "【医師が解説】エクソソームの注射や点滴にデメリットや副作用はある?"
        );
    }

    #[test]
    fn prices_are_grouped_by_thousands() {
        let row = |yen| PriceRow {
            item: "x".into(),
            yen,
            note: None,
        };
        assert_eq!(row(0).price_label(), "0円");
        assert_eq!(row(980).price_label(), "980円");
        assert_eq!(row(12345).price_label(), "12,345円");
        assert_eq!(row(1_000_000).price_label(), "1,000,000円");
    }

    #[test]
    fn the_seed_article_has_its_sections_in_order() {
        let a = bundled_article();
        let toc = a.toc();
        assert_eq!(toc.len(), 17);
        assert_eq!(toc[0].title, "危険性がほとんどない理由");
        assert_eq!(toc.iter().filter(|e| e.depth == 1).count(), 7);
        assert_eq!(a.collapsible_ids(), ["side-effects", "downsides"]);
    }

    #[test]
    fn anchors_inside_a_group_open_that_group() {
        let a = bundled_article();
        assert_eq!(
            a.collapsible_containing("side-effects").as_deref(),
            Some("side-effects")
        );
        assert_eq!(
            a.collapsible_containing("downsides-blood-donation")
                .as_deref(),
            Some("downsides")
        );
        assert_eq!(a.collapsible_containing("downtime"), None);
        assert_eq!(a.collapsible_containing("no-such-id"), None);
    }
}
