//! Turns the catalog's TOML files (written by policy staff) into one JSON
//! document embedded in the app, so the wasm needs no TOML parser. Test
//! cases are converted the same way for the native `check` and tests.
//!
//! For the web app (wasm32) the services' texts (titles, summaries, how to
//! apply, the plan quote) go to a separate `catalog-texts-HASH.json` that
//! the app fetches after start: the first question needs only the rules.
//! scripts/post-build.mjs copies that file into the built site.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::{env, fs, path::Path};

/// Service keys that only the results and source pages show.
const TEXT_KEYS: &[&str] = &["title", "summary", "gets", "apply", "bring", "source"];

fn for_wasm() -> bool {
    env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"))
}

fn merge(dir: &str, keys: &[&str]) -> serde_json::Map<String, serde_json::Value> {
    let for_wasm = for_wasm();
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")).filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut merged = serde_json::Map::new();
    for key in keys {
        merged.insert((*key).to_string(), serde_json::Value::Array(Vec::new()));
    }
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let doc: serde_json::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for key in keys {
            let items = match doc.get(*key) {
                Some(serde_json::Value::Array(a)) => a.clone(),
                Some(one @ serde_json::Value::Object(_)) => vec![one.clone()],
                _ => continue,
            };
            for mut item in items {
                // Keep where each entry came from, for `check`'s messages; the
                // app (wasm) never shows it, so it does not carry it.
                if !for_wasm {
                    item.as_object_mut().map(|o| o.insert("file".into(), name.clone().into()));
                }
                merged[*key].as_array_mut().unwrap().push(item);
            }
        }
    }
    merged
}

fn write(name: &str, value: serde_json::Value) {
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join(name), value.to_string()).unwrap();
}

fn main() {
    let mut catalog = merge("src/catalog/services", &["category", "department", "service"]);
    let mut texts_file = String::new();
    if for_wasm() {
        let mut texts = serde_json::Map::new();
        for service in catalog["service"].as_array_mut().unwrap() {
            let service = service.as_object_mut().unwrap();
            let id = service["id"].as_str().unwrap_or_default().to_string();
            let moved: serde_json::Map<_, _> = TEXT_KEYS.iter().filter_map(|k| service.remove(*k).map(|v| (k.to_string(), v))).collect();
            texts.insert(id, moved.into());
        }
        let json = serde_json::Value::Object(texts).to_string();
        let mut hasher = DefaultHasher::new();
        json.hash(&mut hasher);
        texts_file = format!("catalog-texts-{:016x}.json", hasher.finish());
        fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join(&texts_file), json).unwrap();
    }
    println!("cargo:rustc-env=CATALOG_TEXTS_FILE={texts_file}");
    write("catalog.json", catalog.into());
    write("cases.json", merge("src/catalog/cases", &["case"]).into());
}
