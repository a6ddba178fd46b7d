//! Reads the catalog JSON (made from the TOML files by the `guide-catalog`
//! crate) through `serde_json::Value`, which the app already carries for
//! profiles, instead of derived deserializers that would add their own
//! code to the wasm. Like `deny_unknown_fields`, a misspelt key is an
//! error naming it; a rule that does not parse is an error too.

use super::{Catalog, Category, Department, Document, Per, Service, Source};
use crate::engine::rule::Rule;
use crate::text::Bi;
use serde_json::{Map, Value};

/// One thing wrong with the catalog data, named as policy staff wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The data file (empty when not known).
    pub file: String,
    /// The entry: a service, category, department or document id.
    pub id: String,
    /// The key at fault (empty when the entry as a whole is).
    pub key: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, id: &str, key: &str, message: String) -> Problem {
        Problem { file: file.into(), id: id.into(), key: key.into(), message }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = if self.file.is_empty() { String::new() } else { format!("{}: ", self.file) };
        let id = if self.id.is_empty() { String::new() } else { format!("{}: ", self.id) };
        write!(f, "{file}{id}{}", self.message)
    }
}

struct Fields<'a> {
    obj: &'a Map<String, Value>,
    file: String,
    id: String,
    /// What the entry is, for messages: "service", "texts of", "source of"…
    what: &'static str,
    used: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn new(value: &'a Value, what: &'static str, file: &str, id: &str) -> Result<Self, Problem> {
        let obj = value.as_object().ok_or_else(|| Problem::new(file, id, "", format!("{what}: expected a table")))?;
        Ok(Fields { obj, file: file.into(), id: id.into(), what, used: vec!["file"] })
    }

    fn problem(&self, key: &str, message: String) -> Problem {
        Problem::new(&self.file, &self.id, key, format!("{}: {message}", self.what))
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.used.push(key);
        self.obj.get(key)
    }

    fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, Problem> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.problem(key, format!("`{key}` must be text"))),
        }
    }

    fn str(&mut self, key: &'static str) -> Result<String, Problem> {
        self.opt_str(key)?.ok_or_else(|| self.problem(key, format!("`{key}` is missing")))
    }

    fn opt_bi(&mut self, key: &'static str) -> Result<Option<Bi>, Problem> {
        let Some(v) = self.get(key) else { return Ok(None) };
        let mut f = Fields::new(v, key, &self.file, &self.id)?;
        let bi = Bi { zh: f.str("zh")?, en: f.str("en")? };
        f.done().map(|_| Some(bi))
    }

    fn bi(&mut self, key: &'static str) -> Result<Bi, Problem> {
        self.opt_bi(key)?.ok_or_else(|| self.problem(key, format!("`{key}` is missing")))
    }

    fn flag(&mut self, key: &'static str) -> Result<bool, Problem> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| self.problem(key, format!("`{key}` must be true or false"))),
        }
    }

    fn done(self) -> Result<(), Problem> {
        match self.obj.keys().find(|k| !self.used.contains(&k.as_str())) {
            Some(k) => Err(self.problem(k, format!("unknown key `{k}`"))),
            None => Ok(()),
        }
    }
}

fn file(v: &Value) -> &str {
    v.get("file").and_then(Value::as_str).unwrap_or_default()
}

fn id(v: &Value) -> &str {
    v.get("id").and_then(Value::as_str).unwrap_or_default()
}

fn items<'a>(root: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    root.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The texts of a service (what the web app fetches later), read from `f`.
fn texts(s: &mut Service, f: &mut Fields, documents: &[Document]) -> Result<(), Problem> {
    s.title = f.bi("title")?;
    s.summary = f.bi("summary")?;
    s.gets = f.bi("gets")?;
    s.apply = f.bi("apply")?;
    s.bring = f.opt_bi("bring")?;
    let source = f.get("source").ok_or_else(|| f.problem("source", "`source` is missing".into()))?;
    let mut src = Fields::new(source, "source", &f.file, &f.id)?;
    // One document today; a service of a later one names it.
    let document = match src.opt_str("document")? {
        None => 0,
        Some(d) => documents.iter().position(|x| x.id == d).ok_or_else(|| src.problem("document", format!("unknown document `{d}`")))?,
    };
    s.source = Source { document, chapter: src.str("chapter")?, section: src.str("section")?, quote: src.str("quote")? };
    src.done()
}

fn service(v: &Value, with_texts: bool, documents: &[Document]) -> Result<Service, Problem> {
    let mut f = Fields::new(v, "service", file(v), id(v))?;
    let per = match f.str("per")?.as_str() {
        "person" => Per::Person,
        "household" => Per::Household,
        other => return Err(f.problem("per", format!("`per` is `{other}`; use person or household"))),
    };
    let scope = if per == Per::Person { crate::profile::facts::Scope::Member } else { crate::profile::facts::Scope::Household };
    let rule_text = f.str("rule")?;
    let rule = Rule::parse(&rule_text, scope).map_err(|e| f.problem("rule", format!("the rule does not parse: {e}")))?;
    let mut service = Service {
        id: f.str("id")?,
        category: f.str("category")?,
        per,
        title: Bi::default(),
        summary: Bi::default(),
        gets: Bi::default(),
        rule,
        department: f.str("department")?,
        apply: Bi::default(),
        bring: None,
        source: Source::default(),
        confirm: f.flag("confirm")?,
        planned: f.flag("planned")?,
        free: f.flag("free")?,
        file: file(v).to_string(),
    };
    if with_texts {
        texts(&mut service, &mut f, documents)?;
    }
    f.done().map(|_| service)
}

/// Fills in the services' texts from the web app's separate texts file.
pub fn add_texts(catalog: &mut Catalog, root: &Value) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for s in &mut catalog.services {
        let Some(v) = root.get(&s.id) else {
            problems.push(Problem::new("", &s.id, "", "no texts".into()));
            continue;
        };
        let result = Fields::new(v, "texts", &s.file, &s.id.clone()).and_then(|mut f| texts(s, &mut f, &catalog.documents).and_then(|_| f.done()));
        problems.extend(result.err());
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Reads every entry of the list `key` with `read`, which takes its fields;
/// each entry that cannot be read is one problem.
fn entries<T>(root: &Value, key: &'static str, read: impl Fn(&mut Fields) -> Result<T, Problem>, problems: &mut Vec<Problem>) -> Vec<T> {
    let mut out = Vec::new();
    for v in items(root, key) {
        let entry = Fields::new(v, key, file(v), id(v)).and_then(|mut f| {
            let t = read(&mut f)?;
            f.done().map(|_| t)
        });
        match entry {
            Ok(t) => out.push(t),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Reads the whole catalog; every entry's problem is reported.
pub fn catalog(root: &Value, with_texts: bool) -> Result<Catalog, Vec<Problem>> {
    let mut problems = Vec::new();
    let documents = entries(
        root,
        "document",
        |f| {
            Ok(Document {
                id: f.str("id")?,
                title: f.bi("title")?,
                number: f.str("number")?,
                issued: f.str("issued")?,
                published: f.str("published")?,
                period: f.str("period")?,
                file: f.str("text")?,
            })
        },
        &mut problems,
    );
    let categories = entries(root, "category", |f| Ok(Category { id: f.str("id")?, title: f.bi("title")?, icon: f.str("icon")? }), &mut problems);
    let departments = entries(root, "department", |f| Ok(Department { id: f.str("id")?, name: f.bi("name")? }), &mut problems);
    if documents.is_empty() {
        problems.push(Problem::new("", "", "document", "the catalog names no source document".into()));
    }
    let mut services = Vec::new();
    for v in items(root, "service") {
        match service(v, with_texts, &documents) {
            Ok(s) => services.push(s),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() { Ok(Catalog { categories, departments, documents, services }) } else { Err(problems) }
}
