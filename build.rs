//! Reads and checks the catalog (crates/catalog) and embeds it as JSON, so
//! the wasm needs no TOML parser. A catalog with a problem (a rule naming a
//! fact the profile does not have, a quote not in the plan) fails the build,
//! each problem named by file and line.
//!
//! The services' texts (titles, summaries, how to apply, the plan quote) go
//! to a separate `catalog-texts-HASH.json` that the app fetches after start:
//! the first question needs only the rules. scripts/post-build.mjs copies
//! that file into the built site.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::{env, fs, path::Path};

/// Service keys that only the results and source pages show.
const TEXT_KEYS: &[&str] = &["title", "summary", "gets", "apply", "bring", "source"];

fn main() {
    let problems = match guide_catalog::load() {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("error: {p}");
        }
        eprintln!("the catalog has {} problem(s): see above", problems.len());
        std::process::exit(1);
    }
    let mut catalog = guide_catalog::json().expect("read above");
    let mut texts = serde_json::Map::new();
    for service in catalog["service"].as_array_mut().expect("a list") {
        let service = service.as_object_mut().expect("a table");
        let id = service["id"].as_str().unwrap_or_default().to_string();
        let moved: serde_json::Map<_, _> = TEXT_KEYS.iter().filter_map(|k| service.remove(*k).map(|v| (k.to_string(), v))).collect();
        texts.insert(id, moved.into());
    }
    // Where an entry was written is for policy staff, not for the app.
    for list in catalog.as_object_mut().expect("a table").values_mut() {
        for item in list.as_array_mut().into_iter().flatten() {
            item.as_object_mut().map(|o| o.remove("file"));
        }
    }
    let out = env::var("OUT_DIR").unwrap();
    let json = serde_json::Value::Object(texts).to_string();
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    let texts_file = format!("catalog-texts-{:016x}.json", hasher.finish());
    fs::write(Path::new(&out).join(&texts_file), json).unwrap();
    fs::write(Path::new(&out).join("catalog.json"), catalog.to_string()).unwrap();
    println!("cargo:rustc-env=CATALOG_TEXTS_FILE={texts_file}");
}
