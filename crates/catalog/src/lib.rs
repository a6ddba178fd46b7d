//! The catalog of services as data: one TOML file per chapter of the plan
//! in `services/`, written by policy staff; household cases beside them in
//! `cases/`; the plan's text in `plan/`. This crate reads them, checks
//! them (every rule, id, reference, text and quote) and names each problem
//! by file and line. The app's build script uses it, so a catalog with a
//! problem does not build; the eval tool and the tests use it too.

pub mod cases;
mod check;

use guide_core::catalog::{Catalog, Problem};
use serde_json::{Map, Value};

mod files {
    include!(concat!(env!("OUT_DIR"), "/files.rs"));
}

/// Where this crate sits in the repository, for messages that name a file.
const HERE: &str = "crates/catalog";

/// The keys a services file may hold, each a list of tables.
const KINDS: &[&str] = &["document", "category", "department", "service"];

/// The catalog as one JSON document (what the app embeds): every entry of
/// every services file, each with the `file` it came from.
pub fn json() -> Result<Value, Vec<String>> {
    json_of(files::SERVICE_FILES)
}

fn json_of(service_files: &[(&str, &str)]) -> Result<Value, Vec<String>> {
    let mut merged: Map<String, Value> = KINDS.iter().map(|k| (k.to_string(), Value::Array(Vec::new()))).collect();
    let mut problems = Vec::new();
    for (path, text) in service_files {
        let doc: Map<String, Value> = match toml::from_str(text) {
            Ok(doc) => doc,
            Err(e) => {
                problems.push(format!("{HERE}/{path}: {e}"));
                continue;
            }
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        for (key, value) in doc {
            let Some(list) = merged.get_mut(&key).and_then(Value::as_array_mut) else {
                problems.push(format!("{HERE}/{path}: unknown table `{key}` (use {})", KINDS.join(", ")));
                continue;
            };
            let items = match value {
                Value::Array(items) => items,
                one => vec![one],
            };
            for mut item in items {
                if let Some(o) = item.as_object_mut() {
                    o.insert("file".into(), name.into());
                }
                list.push(item);
            }
        }
    }
    if problems.is_empty() { Ok(merged.into()) } else { Err(problems) }
}

/// The catalog, read and checked; else every problem, one line each,
/// as `file:line: entry: what is wrong`.
pub fn load() -> Result<Catalog, Vec<String>> {
    load_from(files::SERVICE_FILES)
}

fn load_from(service_files: &[(&str, &str)]) -> Result<Catalog, Vec<String>> {
    let json = json_of(service_files)?;
    let located = |p: &Problem| located(service_files, p);
    let catalog = Catalog::from_json(&json.to_string(), true).map_err(|p| p.iter().map(located).collect::<Vec<_>>())?;
    let problems = check::check(&catalog);
    if problems.is_empty() { Ok(catalog) } else { Err(problems.iter().map(located).collect()) }
}

/// The text of a source document, by its file name.
pub fn document_text(file: &str) -> Option<&'static str> {
    files::DOCUMENT_FILES.iter().find(|(path, _)| path.rsplit('/').next() == Some(file)).map(|(_, text)| *text)
}

/// Names a problem by file and line, as an editor and the compiler do.
fn located(service_files: &[(&str, &str)], p: &Problem) -> String {
    let text = service_files.iter().find(|(path, _)| path.ends_with(&format!("/{}", p.file)));
    match text {
        Some((path, text)) => {
            let line = line_of(text, &p.id, &p.key).map(|n| format!(":{n}")).unwrap_or_default();
            let id = if p.id.is_empty() { String::new() } else { format!(" {}:", p.id) };
            format!("{HERE}/{path}{line}:{id} {}", p.message)
        }
        None => p.to_string(),
    }
}

/// The line of `key` in the entry whose id is `id` (or of the entry).
fn line_of(text: &str, id: &str, key: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let is_key = |line: &str, key: &str| line.trim_start().strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='));
    let entry = lines.iter().position(|l| is_key(l, "id") && l.contains(&format!("\"{id}\"")))?;
    let end = lines[entry + 1..].iter().position(|l| l.trim_start().starts_with("[[")).map_or(lines.len(), |n| entry + 1 + n);
    let at = if key.is_empty() { None } else { lines[entry..end].iter().position(|l| is_key(l, key)) };
    Some(entry + at.unwrap_or(0) + 1)
}

#[cfg(test)]
mod tests;
