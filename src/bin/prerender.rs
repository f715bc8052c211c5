//! Prerenders every page of a trunk build into static HTML, and writes the files
//! around them: the sitemap, robots.txt, the Atom feed and the share images.
//!
//!   prerender DIST [--content DIR]
//!
//! DIST is trunk's output; its `index.html` is the patient pages' template (kept aside
//! as `.template.html`, so the step can run again). The other bundles' pages, which
//! the Makefile has trunk build from copies of `index.html`, are their templates:
//! `.template-embed-views.html` and `.template-embed-code.html`. The column's pages
//! name the embed views' bundle to their loader (`Template::with_embeds`). The site's
//! origin comes from `SITE_ORIGIN`, or else from `origin` in `site.json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clinic_column::data::Content;
use clinic_column::discovery;
use clinic_column::paths::{prerendered_file, AppPath, Bundle, Deployment};
use clinic_column::prerender::{render_page, Template};
use clinic_column::share::share_image;
use clinic_column::share_image::{article_image, column_image, Fonts};

/// The not-found page, rendered at a path no route matches.
const NOT_FOUND_PATH: &str = "/404.html";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dist) = args.next().map(PathBuf::from) else {
        eprintln!("usage: prerender DIST [--content DIR]");
        return ExitCode::from(2);
    };
    let content_dir = match (args.next().as_deref(), args.next()) {
        (Some("--content"), Some(dir)) => PathBuf::from(dir),
        _ => dist.join("content"),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let local = tokio::task::LocalSet::new();
    match local.block_on(&runtime, run(&dist, &content_dir)) {
        Ok(pages) => {
            println!("prerender: {pages} pages written to {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(dist: &Path, content_dir: &Path) -> Result<usize, String> {
    let _ = any_spawner::Executor::init_tokio();
    let template_file = dist.join(".template.html");
    if !template_file.exists() {
        std::fs::copy(dist.join("index.html"), &template_file)
            .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    }
    let template = Template::parse(&read(&template_file)?)?;
    let base_path = template
        .base_href()
        .ok_or("the template has no <base href>: build it with trunk (make dist)")?
        .to_string();
    let other = |bundle: Bundle| -> Result<Template, String> {
        let file = dist.join(format!(".template-{}.html", bundle.bin()));
        let html = read(&file).map_err(|e| format!("{e} (make dist builds it)"))?;
        let other = Template::parse(&html)?;
        if other.base_href() != Some(base_path.as_str()) {
            return Err(format!(
                "the {} bundle was built for another base path (make dist)",
                bundle.bin()
            ));
        }
        Ok(other)
    };
    let embeds = other(Bundle::Embeds)?;
    let marketers = other(Bundle::Marketers)?;
    let template = template.with_embeds(&embeds.bundle_files()?)?;
    let template_for = |bundle| match bundle {
        Bundle::Patients => &template,
        Bundle::Embeds => &embeds,
        Bundle::Marketers => &marketers,
    };

    let content = Content::from_dir(content_dir);
    let site = content.site().await.map_err(|e| e.to_string())?;
    let index = content.index().await.map_err(|e| e.to_string())?;
    let origin = std::env::var("SITE_ORIGIN")
        .ok()
        .filter(|o| !o.trim().is_empty())
        .or_else(|| site.origin.clone())
        .ok_or(
            "the site's origin is not set. Set SITE_ORIGIN (e.g. \
             SITE_ORIGIN=https://clinic.example make dist) or `origin` in site.json: \
             canonical URLs, share images, the sitemap and the feed need it",
        )?;
    discovery::check_origin(&origin)?;
    let deployment = Deployment::new(&origin, &base_path);

    let slugs: Vec<&str> = index.articles.iter().map(|a| a.slug.as_str()).collect();
    let mut pages = 0;
    let categories = site.categories.iter().map(|c| c.id.as_str());
    let routes = AppPath::prerendered(slugs.iter().copied(), categories);
    for route in &routes {
        let path = route.path();
        let bundle = route.bundle();
        let html = render_page(template_for(bundle), bundle, &deployment, &content, &path).await;
        write(&dist.join(prerendered_file(&path)), html.as_bytes())?;
        pages += 1;
    }
    let (bundle, page) = (Bundle::Patients, NOT_FOUND_PATH);
    let html = render_page(template_for(bundle), bundle, &deployment, &content, page).await;
    write(&dist.join("404.html"), html.as_bytes())?;
    pages += 1;

    let fonts = Fonts::load()?;
    let (column, brand) = (&site.column.name, &site.brand.name);
    let image = column_image(&fonts, column, brand, &site.column.description)?;
    write(&dist.join(share_image(None)), &image)?;
    // One image per article, drawn on every core.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = index.articles.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = index
            .articles
            .chunks(chunk)
            .map(|articles| {
                let (fonts, site) = (&fonts, &site);
                scope.spawn(move || -> Result<(), String> {
                    for a in articles {
                        let category = site
                            .category(&a.category)
                            .map(|c| c.name.as_str())
                            .unwrap_or_default();
                        let image = article_image(fonts, column, brand, category, &a.title)?;
                        write(&dist.join(share_image(Some(&a.slug))), &image)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .map_err(|_| "drawing a share image failed".to_string())?
        })
    })?;

    write(
        &dist.join("sitemap.xml"),
        discovery::sitemap(&deployment, &routes, &index).as_bytes(),
    )?;
    write(
        &dist.join("robots.txt"),
        discovery::robots(&deployment).as_bytes(),
    )?;
    write(
        &dist.join("feed.xml"),
        discovery::atom_feed(&deployment, &site, &index).as_bytes(),
    )?;
    Ok(pages)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
