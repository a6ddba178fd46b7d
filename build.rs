//! Turns the catalog's TOML files (written by policy staff) into one JSON
//! document embedded in the app, so the wasm needs no TOML parser. Test
//! cases are converted the same way for the native `check` and tests.

use std::{env, fs, path::Path};

fn merge(dir: &str, out: &str, keys: &[&str]) {
    let for_wasm = env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
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
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join(out), serde_json::Value::Object(merged).to_string()).unwrap();
}

fn main() {
    merge("src/catalog/services", "catalog.json", &["category", "department", "service"]);
    merge("src/catalog/cases", "cases.json", &["case"]);
}
