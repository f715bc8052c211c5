//! The rules a schema cannot express, checked on the typed model: ids and slugs,
//! uniqueness, references between files, non-empty text, dates, coordinates, URLs
//! and the depth of sections.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::blocks::{blocks, texts};
use super::report::{child, quote, Report};
use super::{ArticleFile, Content};
use crate::content::{files, is_slug, Block, Clinics, Faq, LinkTarget, Site};

/// Sections are h2 at the top level and h3 inside; nothing deeper.
const MAX_SECTION_DEPTH: usize = 2;

pub(crate) fn check(content: &Content, report: &mut Report) {
    let refs = Refs::new(content);
    if let Some(site) = &content.site {
        check_site(site, &refs, report);
    }
    if let Some(clinics) = &content.clinics {
        check_clinics(clinics, report);
    }
    if let Some(faq) = &content.faq {
        check_faq(faq, &refs, report);
    }
    check_slugs(content, report);
    for article in &content.articles {
        check_article(article, &refs, report);
    }
}

/// Whether a referenced thing exists, as far as the readable files tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Yes,
    No,
    /// The file that would say could not be read.
    Unknown,
}

/// The ids every reference is resolved against.
pub(crate) struct Refs<'a> {
    categories: Option<HashSet<&'a str>>,
    doctors: Option<HashSet<&'a str>>,
    clinics: Option<HashSet<&'a str>>,
    questions: Option<HashSet<&'a str>>,
    /// Each slug's section ids.
    articles: HashMap<&'a str, HashSet<&'a str>>,
    unreadable: &'a BTreeSet<String>,
    articles_listed: bool,
}

impl<'a> Refs<'a> {
    pub fn new(content: &'a Content) -> Self {
        let site = content.site.as_ref();
        let clinics = content.clinics.as_ref();
        Refs {
            categories: site.map(|s| s.categories.iter().map(|c| c.id.as_str()).collect()),
            doctors: site.map(|s| s.doctors.iter().map(|d| d.id.as_str()).collect()),
            clinics: clinics.map(|c| c.clinics.iter().map(|c| c.id.as_str()).collect()),
            questions: content.faq.as_ref().map(|f| {
                f.groups
                    .iter()
                    .flat_map(|g| &g.items)
                    .map(|i| i.id.as_str())
                    .collect()
            }),
            articles: content
                .owners()
                .into_iter()
                .map(|(slug, a)| (slug, a.article.section_ids().collect()))
                .collect(),
            unreadable: &content.unreadable,
            articles_listed: content.articles_listed,
        }
    }

    fn find(set: &Option<HashSet<&str>>, id: &str) -> Known {
        match set {
            None => Known::Unknown,
            Some(s) if s.contains(id) => Known::Yes,
            Some(_) => Known::No,
        }
    }

    fn article(&self, slug: &str) -> Known {
        if self.articles.contains_key(slug) {
            Known::Yes
        } else if !self.articles_listed || self.unreadable.contains(slug) {
            Known::Unknown
        } else {
            Known::No
        }
    }

    fn section(&self, slug: &str, section: &str) -> Known {
        match self.articles.get(slug) {
            Some(ids) if ids.contains(section) => Known::Yes,
            Some(_) => Known::No,
            None => Known::Unknown,
        }
    }
}

/// One file's checks: the file, so every call does not repeat it.
struct Rules<'r> {
    file: &'r str,
    report: &'r mut Report,
}

impl Rules<'_> {
    fn error(&mut self, pointer: &str, message: impl Into<String>) {
        self.report.error(self.file, pointer, message);
    }

    /// Titles, names and texts must say something.
    fn text(&mut self, pointer: &str, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(pointer, format!("empty {what}"));
        }
    }

    fn optional_text(&mut self, pointer: &str, what: &str, text: &Option<String>) {
        if let Some(text) = text {
            if text.trim().is_empty() {
                self.error(
                    pointer,
                    format!("empty {what}: leave the field out instead"),
                );
            }
        }
    }

    /// Ids of one list: well-formed and unique within it.
    fn ids<'a>(&mut self, what: &str, ids: impl IntoIterator<Item = (String, &'a str)>) {
        let mut first: HashMap<&str, String> = HashMap::new();
        for (pointer, id) in ids {
            if !is_slug(id) {
                self.error(&pointer, not_a_slug(id, what));
            } else if let Some(at) = first.get(id) {
                self.error(
                    &pointer,
                    format!("duplicate {what} {} (first at {at})", quote(id)),
                );
            } else {
                first.insert(id, pointer);
            }
        }
    }

    fn reference(&mut self, pointer: &str, known: Known, missing: impl FnOnce() -> String) {
        if known == Known::No {
            self.error(pointer, missing());
        }
    }

    fn https(&mut self, pointer: &str, url: &str) {
        if let Some(problem) = https_problem(url) {
            self.error(pointer, problem);
        }
    }

    fn link(&mut self, pointer: &str, to: &LinkTarget, refs: &Refs) {
        match to {
            LinkTarget::Category(id) => self.reference(
                &child(pointer, "category"),
                Refs::find(&refs.categories, id),
                || no_such("category", id, files::SITE),
            ),
            LinkTarget::Article(link) => {
                let at = child(pointer, "article");
                self.reference(&child(&at, "slug"), refs.article(&link.slug), || {
                    no_article(&link.slug)
                });
                if let Some(section) = &link.section {
                    self.reference(
                        &child(&at, "section"),
                        refs.section(&link.slug, section),
                        || no_section(&link.slug, section),
                    );
                }
            }
            LinkTarget::Faq(link) => {
                if let Some(item) = &link.item {
                    self.reference(
                        &child(&child(pointer, "faq"), "item"),
                        Refs::find(&refs.questions, item),
                        || no_such("question", item, files::FAQ),
                    );
                }
            }
            LinkTarget::Clinics(link) => {
                if let Some(clinic) = &link.clinic {
                    self.reference(
                        &child(&child(pointer, "clinics"), "clinic"),
                        Refs::find(&refs.clinics, clinic),
                        || no_such("clinic", clinic, files::CLINICS),
                    );
                }
            }
            LinkTarget::Url(url) => self.https(&child(pointer, "url"), url),
        }
    }
}

fn not_a_slug(id: &str, what: &str) -> String {
    format!(
        "{} is not a valid {what}: use lowercase ASCII letters and digits in words \
         joined by single hyphens, at most 80 characters",
        quote(id)
    )
}

fn no_such(what: &str, id: &str, file: &str) -> String {
    format!("no {what} {} in {file}", quote(id))
}

fn no_article(slug: &str) -> String {
    format!("no article has the slug {}", quote(slug))
}

fn no_section(slug: &str, section: &str) -> String {
    format!("article {} has no section {}", quote(slug), quote(section))
}

/// A relative path to an image inside the content folder: no scheme, no way out.
pub(crate) fn is_content_image(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(':')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && [".jpg", ".jpeg", ".png", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Why `url` is not an absolute https URL to a host, if it is not.
pub(crate) fn https_problem(url: &str) -> Option<String> {
    let bad = || {
        Some(format!(
            "{} is not an absolute https URL (https://host/…)",
            quote(url)
        ))
    };
    let Some(scheme_end) = url.find("://") else {
        return bad();
    };
    if !url[..scheme_end].eq_ignore_ascii_case("https") {
        return bad();
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return bad();
    }
    let rest = &url[scheme_end + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && !host.ends_with('-')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if host_ok && port_ok {
        None
    } else {
        bad()
    }
}

fn check_site(site: &Site, refs: &Refs, report: &mut Report) {
    let mut r = Rules {
        file: files::SITE,
        report,
    };
    r.text("/column/label", "label", &site.column.label);
    r.text("/column/name", "name", &site.column.name);
    r.text(
        "/column/description",
        "description",
        &site.column.description,
    );
    r.text("/brand/name", "name", &site.brand.name);
    if let Some(url) = &site.brand.consultation_url {
        r.https("/brand/consultation_url", url);
    }
    r.ids(
        "category id",
        site.categories
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("/categories/{i}/id"), c.id.as_str())),
    );
    for (i, c) in site.categories.iter().enumerate() {
        r.text(&format!("/categories/{i}/name"), "name", &c.name);
        if let Some(url) = &c.page {
            r.https(&format!("/categories/{i}/page"), url);
        }
    }
    r.ids(
        "doctor id",
        site.doctors
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("/doctors/{i}/id"), d.id.as_str())),
    );
    for (i, d) in site.doctors.iter().enumerate() {
        let at = format!("/doctors/{i}");
        r.text(&child(&at, "name"), "name", &d.name);
        r.text(&child(&at, "reading"), "reading", &d.reading);
        r.text(&child(&at, "affiliation"), "affiliation", &d.affiliation);
        r.optional_text(&child(&at, "profile"), "profile", &d.profile);
        r.optional_text(&child(&at, "title"), "title", &d.title);
        r.optional_text(&child(&at, "specialty"), "specialty", &d.specialty);
        if let Some(url) = &d.profile_url {
            r.https(&child(&at, "profile_url"), url);
        }
        if let Some(photo) = d.photo.as_deref().filter(|p| !is_content_image(p)) {
            r.error(
                &child(&at, "photo"),
                format!(
                    "{photo:?} is not an image in the content folder: give a path such as \
                     \"images/doctors/{}.jpg\" (.jpg, .png or .webp; never another site)",
                    d.id
                ),
            );
        }
    }
    r.ids(
        "guide id",
        site.guides
            .iter()
            .enumerate()
            .map(|(i, g)| (format!("/guides/{i}/id"), g.id.as_str())),
    );
    for (i, g) in site.guides.iter().enumerate() {
        let at = format!("/guides/{i}");
        r.text(&child(&at, "title"), "title", &g.title);
        r.text(&child(&at, "description"), "description", &g.description);
        if let Some(to) = &g.to {
            r.link(&child(&at, "to"), to, refs);
        }
    }
}

fn check_clinics(clinics: &Clinics, report: &mut Report) {
    let mut r = Rules {
        file: files::CLINICS,
        report,
    };
    r.ids(
        "area id",
        clinics
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("/areas/{i}/id"), a.id.as_str())),
    );
    for (i, a) in clinics.areas.iter().enumerate() {
        r.text(&format!("/areas/{i}/name"), "name", &a.name);
    }
    let areas: HashSet<&str> = clinics.areas.iter().map(|a| a.id.as_str()).collect();
    r.ids(
        "clinic id",
        clinics
            .clinics
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("/clinics/{i}/id"), c.id.as_str())),
    );
    for (i, c) in clinics.clinics.iter().enumerate() {
        let at = format!("/clinics/{i}");
        r.text(&child(&at, "name"), "name", &c.name);
        if !areas.contains(c.area.as_str()) {
            r.error(
                &child(&at, "area"),
                no_such("area", &c.area, files::CLINICS),
            );
        }
        r.optional_text(&child(&at, "address"), "address", &c.address);
        r.optional_text(&child(&at, "phone"), "phone", &c.phone);
        r.optional_text(&child(&at, "hours"), "hours", &c.hours);
        if let Some(point) = &c.location {
            let at = child(&at, "location");
            if !(-90.0..=90.0).contains(&point.lat) {
                r.error(
                    &child(&at, "lat"),
                    format!("latitude {} is out of range (-90 to 90)", point.lat),
                );
            }
            if !(-180.0..=180.0).contains(&point.lon) {
                r.error(
                    &child(&at, "lon"),
                    format!("longitude {} is out of range (-180 to 180)", point.lon),
                );
            }
        }
        if let Some(url) = &c.consultation_url {
            r.https(&child(&at, "consultation_url"), url);
        }
    }
}

fn check_faq(faq: &Faq, refs: &Refs, report: &mut Report) {
    let mut r = Rules {
        file: files::FAQ,
        report,
    };
    r.ids(
        "FAQ group id",
        faq.groups
            .iter()
            .enumerate()
            .map(|(i, g)| (format!("/groups/{i}/id"), g.id.as_str())),
    );
    // Question ids are anchors on one page, so they are unique across all groups.
    r.ids(
        "question id",
        faq.groups.iter().enumerate().flat_map(|(i, g)| {
            g.items
                .iter()
                .enumerate()
                .map(move |(j, item)| (format!("/groups/{i}/items/{j}/id"), item.id.as_str()))
        }),
    );
    for (i, group) in faq.groups.iter().enumerate() {
        let at = format!("/groups/{i}");
        r.text(&child(&at, "title"), "title", &group.title);
        if group.items.is_empty() {
            r.error(&child(&at, "items"), "empty group: it has no questions");
        }
        for (j, item) in group.items.iter().enumerate() {
            let at = format!("{at}/items/{j}");
            r.text(&child(&at, "question"), "question", &item.question);
            if item.answer.is_empty() {
                r.error(&child(&at, "answer"), "empty answer: it has no paragraphs");
            }
            for (k, paragraph) in item.answer.iter().enumerate() {
                r.text(&child(&child(&at, "answer"), k), "answer", paragraph);
            }
            let source = &item.source;
            let at = child(&at, "source");
            r.reference(
                &child(&at, "article"),
                refs.article(&source.article),
                || no_article(&source.article),
            );
            r.reference(
                &child(&at, "section"),
                refs.section(&source.article, &source.section),
                || no_section(&source.article, &source.section),
            );
        }
    }
}

/// Slugs: well-formed, the file's name, and one article each.
fn check_slugs(content: &Content, report: &mut Report) {
    let owners = content.owners();
    for a in &content.articles {
        let slug = a.article.slug.as_str();
        let mut r = Rules {
            file: &a.file,
            report,
        };
        if !is_slug(slug) {
            r.error("/slug", not_a_slug(slug, "slug"));
            continue;
        }
        if a.stem != slug {
            r.error(
                "/slug",
                format!(
                    "the file must be named after the slug: {}",
                    files::article(slug)
                ),
            );
        }
        if let Some(owner) = owners.get(slug).filter(|o| o.file != a.file) {
            r.error(
                "/slug",
                format!("duplicate slug {}: {} has it too", quote(slug), owner.file),
            );
        }
    }
}

fn check_article(a: &ArticleFile, refs: &Refs, report: &mut Report) {
    let article = &a.article;
    let mut r = Rules {
        file: &a.file,
        report,
    };
    for t in texts(article) {
        r.text(&t.pointer, t.what, t.text);
    }
    let categories = &refs.categories;
    r.reference(
        "/category",
        Refs::find(categories, &article.category),
        || no_such("category", &article.category, files::SITE),
    );
    r.reference(
        "/supervisor",
        Refs::find(&refs.doctors, &article.supervisor),
        || no_such("doctor", &article.supervisor, files::SITE),
    );
    if let Some(updated) = article.updated {
        if updated < article.published {
            r.error(
                "/updated",
                format!(
                    "updated ({updated}) is earlier than published ({})",
                    article.published
                ),
            );
        }
    }
    if article.body.is_empty() {
        r.error("/body", "empty body: the article has no blocks");
    }
    let placed = blocks(article);
    r.ids(
        "section id",
        placed.iter().filter_map(|p| match p.block {
            Block::Section { id, .. } => Some((child(&p.pointer, "id"), id.as_str())),
            _ => None,
        }),
    );
    for p in &placed {
        match p.block {
            Block::Section { blocks, .. } => {
                if p.depth > MAX_SECTION_DEPTH {
                    r.error(
                        &p.pointer,
                        format!(
                            "sections nest {MAX_SECTION_DEPTH} levels deep at most (h2, then h3); \
                             this one is level {}",
                            p.depth
                        ),
                    );
                }
                if blocks.is_empty() {
                    r.error(
                        &child(&p.pointer, "blocks"),
                        "empty section: it has no blocks",
                    );
                }
            }
            Block::List { items, .. } if items.is_empty() => {
                r.error(&child(&p.pointer, "items"), "empty list: it has no items")
            }
            Block::PriceTable { rows, .. } if rows.is_empty() => r.error(
                &child(&p.pointer, "rows"),
                "empty price table: it has no rows",
            ),
            Block::Link { to, .. } => r.link(&child(&p.pointer, "to"), to, refs),
            _ => {}
        }
    }
    r.ids(
        "related slug",
        article
            .related
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("/related/{i}"), s.as_str())),
    );
    for (i, slug) in article.related.iter().enumerate() {
        let at = format!("/related/{i}");
        if !is_slug(slug) {
            continue;
        }
        if *slug == article.slug {
            r.error(&at, "an article cannot be related to itself");
        } else {
            r.reference(&at, refs.article(slug), || no_article(slug));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_https_urls_to_a_host_pass() {
        for ok in [
            "https://clinic.example/",
            "https://clinic.example",
            "HTTPS://clinic.example/a?b=c#d",
            "https://clinic.example:8443/x",
            "https://予約.example/",
        ] {
            assert_eq!(https_problem(ok), None, "{ok}");
        }
        for bad in [
            "http://clinic.example/",
            "javascript:alert(1)",
            "data:text/html,<script>",
            "/relative/path",
            "clinic.example",
            "",
            "https://",
            "https:///path",
            "https://user@evil.example/",
            "https://a b.example/",
            "https://clinic.example/\n",
            "https://clinic.example:port/",
            "//clinic.example/",
            "https://.example/",
        ] {
            assert!(https_problem(bad).is_some(), "{bad}");
        }
    }
}
