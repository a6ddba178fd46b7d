//! Reads the catalog JSON (made by build.rs from the TOML files) through
//! `serde_json::Value`, which the app already carries for profiles, instead
//! of derived deserializers that would add their own code to the wasm.
//! Like `deny_unknown_fields`, a misspelt key is an error naming it.

use super::{Catalog, Category, Department, Per, Service, Source};
use crate::text::Bi;
use serde_json::{Map, Value};

struct Fields<'a> {
    obj: &'a Map<String, Value>,
    what: String,
    used: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn new(value: &'a Value, what: String) -> Result<Self, String> {
        let obj = value.as_object().ok_or_else(|| format!("{what}: expected a table"))?;
        Ok(Fields { obj, what, used: vec!["file"] })
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.used.push(key);
        self.obj.get(key)
    }

    fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{}: `{key}` must be text", self.what)),
        }
    }

    fn str(&mut self, key: &'static str) -> Result<String, String> {
        self.opt_str(key)?.ok_or_else(|| format!("{}: `{key}` is missing", self.what))
    }

    fn opt_bi(&mut self, key: &'static str) -> Result<Option<Bi>, String> {
        let what = format!("{} {key}", self.what);
        self.get(key)
            .map(|v| {
                let mut f = Fields::new(v, what)?;
                let bi = Bi { zh: f.str("zh")?, en: f.str("en")? };
                f.done().map(|_| bi)
            })
            .transpose()
    }

    fn bi(&mut self, key: &'static str) -> Result<Bi, String> {
        self.opt_bi(key)?.ok_or_else(|| format!("{}: `{key}` is missing", self.what))
    }

    fn flag(&mut self, key: &'static str) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| format!("{}: `{key}` must be true or false", self.what)),
        }
    }

    fn done(self) -> Result<(), String> {
        match self.obj.keys().find(|k| !self.used.contains(&k.as_str())) {
            Some(k) => Err(format!("{}: unknown key `{k}`", self.what)),
            None => Ok(()),
        }
    }
}

fn file(v: &Value) -> String {
    v.get("file").and_then(Value::as_str).unwrap_or_default().to_string()
}

fn items<'a>(root: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
    root.get(key).and_then(Value::as_array).into_iter().flatten().enumerate()
}

/// The texts of a service (see build.rs `TEXT_KEYS`), read from `f`.
fn texts(s: &mut Service, f: &mut Fields) -> Result<(), String> {
    s.title = f.bi("title")?;
    s.summary = f.bi("summary")?;
    s.gets = f.bi("gets")?;
    s.apply = f.bi("apply")?;
    s.bring = f.opt_bi("bring")?;
    let what = format!("{} source", f.what);
    let mut src = Fields::new(f.get("source").ok_or_else(|| format!("{what} is missing"))?, what)?;
    s.source = Source { chapter: src.str("chapter")?, section: src.str("section")?, quote: src.str("quote")? };
    src.done()
}

fn service(v: &Value, i: usize, with_texts: bool) -> Result<Service, String> {
    let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
    let mut f = Fields::new(v, format!("service {} ({id})", i + 1))?;
    let per = match f.str("per")?.as_str() {
        "person" => Per::Person,
        "household" => Per::Household,
        other => return Err(format!("{}: `per` is `{other}`; use person or household", f.what)),
    };
    let mut service = Service {
        id: f.str("id")?,
        category: f.str("category")?,
        per,
        title: Bi::default(),
        summary: Bi::default(),
        gets: Bi::default(),
        rule: f.str("rule")?,
        department: f.str("department")?,
        apply: Bi::default(),
        bring: None,
        source: Source { chapter: String::new(), section: String::new(), quote: String::new() },
        confirm: f.flag("confirm")?,
        planned: f.flag("planned")?,
        free: f.flag("free")?,
        file: file(v),
        parsed: None,
    };
    if with_texts {
        texts(&mut service, &mut f)?;
    }
    f.done().map(|_| service)
}

/// Fills in the services' texts from the web app's separate texts file.
pub fn add_texts(catalog: &mut Catalog, json: &str) -> Result<(), String> {
    let root: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    for s in &mut catalog.services {
        let v = root.get(&s.id).ok_or_else(|| format!("no texts for {}", s.id))?;
        let mut f = Fields::new(v, format!("texts of {}", s.id))?;
        texts(s, &mut f)?;
        f.done()?;
    }
    Ok(())
}

/// Reads the catalog; `with_texts` false for the web app, whose texts
/// come later from their own file (see [`add_texts`]).
pub fn catalog(json: &str, with_texts: bool) -> Result<Catalog, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut catalog = Catalog { categories: Vec::new(), departments: Vec::new(), services: Vec::new(), rule_errors: Vec::new() };
    for (i, v) in items(&root, "category") {
        let mut f = Fields::new(v, format!("category {}", i + 1))?;
        catalog.categories.push(Category { id: f.str("id")?, title: f.bi("title")?, icon: f.str("icon")?, file: file(v) });
        f.done()?;
    }
    for (i, v) in items(&root, "department") {
        let mut f = Fields::new(v, format!("department {}", i + 1))?;
        catalog.departments.push(Department { id: f.str("id")?, name: f.bi("name")?, file: file(v) });
        f.done()?;
    }
    for (i, v) in items(&root, "service") {
        catalog.services.push(service(v, i, with_texts)?);
    }
    Ok(catalog)
}
