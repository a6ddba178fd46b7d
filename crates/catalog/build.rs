//! Embeds every data file (services/*.toml, cases/*.toml, plan/*.txt) by
//! name, so a new file needs no code: `$OUT_DIR/files.rs` lists them.

use std::{env, fs, path::Path};

fn list(dir: &str, ext: &str) -> String {
    println!("cargo:rerun-if-changed={dir}");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(dir);
    let mut files: Vec<_> = fs::read_dir(&root).unwrap_or_else(|e| panic!("{dir}: {e}")).filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect();
    files.sort();
    let entries: Vec<String> = files
        .iter()
        .map(|p| format!("({:?}, include_str!({:?}))", format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), p.display().to_string()))
        .collect();
    format!("&[{}]", entries.join(", "))
}

fn main() {
    let code = format!(
        "/// (path in this crate, text) of each services file.\npub static SERVICE_FILES: &[(&str, &str)] = {};\n/// … of each cases file.\npub static CASE_FILES: &[(&str, &str)] = {};\n/// … of each source document's text.\npub static DOCUMENT_FILES: &[(&str, &str)] = {};\n",
        list("services", "toml"),
        list("cases", "toml"),
        list("plan", "txt")
    );
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("files.rs"), code).unwrap();
}
