//! `guide-pages DIST`: writes into a built site (trunk's post-build hook
//! runs it) a plain HTML page for every service, in Chinese
//! (`/service/<id>/`) and English (`/en/service/<id>/`), the list of every
//! service by category (`/services/`, `/en/services/`), the about page
//! (`/about/`, `/en/about/`) and `sitemap.xml`.
//! They need no script: a resident who comes from the portal's search or a
//! 12345 operator's link reads the service at once, and the app's start
//! page is one link away. Who a service is for is written from its rule by
//! the app's own explanation code (`explain::describe`).
//!
//! `GUIDE_PUBLIC_URL` (default `http://127.0.0.1:8080`) is the public base
//! of canonical links and the sitemap.

mod page;

use guide_core::catalog::Catalog;
use guide_core::text::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dist) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: guide-pages DIST");
        return ExitCode::from(2);
    };
    match write_all(&dist) {
        Ok(n) => {
            println!("guide-pages: {n} pages written to {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("guide-pages: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(dist: &Path) -> Result<usize, String> {
    let catalog: Catalog = guide_catalog::load().map_err(|p| p.join("\n"))?;
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    // The app's own stylesheet, hashed by the build: the pages look like it.
    let sheet = index.split("<link rel=\"stylesheet\"").nth(1).and_then(|rest| rest.split('>').next()).ok_or("index.html has no stylesheet")?;
    let href = sheet.split("href=\"").nth(1).and_then(|h| h.split('"').next()).ok_or("the stylesheet link has no href")?;
    let base = std::env::var("GUIDE_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let catalog_version = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find_map(|f| Some(f.strip_prefix("catalog-texts-")?.strip_suffix(".json")?.to_string()))
        .ok_or("no catalog-texts-HASH.json in the site")?;
    let site = page::Site { catalog: &catalog, stylesheet: href.to_string(), base: base.trim_end_matches('/').to_string(), catalog_version };
    let mut written = 0;
    let mut put = |path: String, html: String| -> Result<(), String> {
        let file = dist.join(path.trim_start_matches('/')).join("index.html");
        std::fs::create_dir_all(file.parent().unwrap_or(dist)).map_err(|e| e.to_string())?;
        std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
        written += 1;
        Ok(())
    };
    for lang in [Lang::Zh, Lang::En] {
        for s in &catalog.services {
            put(site.service_path(&s.id, lang), site.service(s, lang))?;
        }
        put(site.list_path(lang), site.list(lang))?;
        put(site.about_path(lang), site.about(lang))?;
    }
    std::fs::write(dist.join("sitemap.xml"), site.sitemap()).map_err(|e| e.to_string())?;
    Ok(written)
}
