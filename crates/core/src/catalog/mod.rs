//! The shape of a catalog: categories, departments, source documents and
//! services, each service with its rule and the sentence of the source it
//! comes from. The data itself (written by policy staff as TOML) lives in
//! the `guide-catalog` crate; this is what the engine and the app read.

mod read;

pub use read::Problem;

use crate::engine::rule::Rule;
use crate::profile::facts::Scope;
use crate::text::Bi;

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub title: Bi,
    /// A short symbol shown beside the colour, so colour is never the only cue.
    pub icon: String,
}

#[derive(Clone, Debug)]
pub struct Department {
    pub id: String,
    pub name: Bi,
}

/// A document services are taken from, with its issuing details.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    pub title: Bi,
    pub number: String,
    pub issued: String,
    pub published: String,
    pub period: String,
    /// Its full text, a file beside the app (fetched by the source view).
    pub file: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    /// Decided for each person (one result per member).
    Person,
    /// Decided once for the household.
    Household,
}

/// Where in its document a service is promised.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// Index into [`Catalog::documents`].
    pub document: usize,
    pub chapter: String,
    pub section: String,
    pub quote: String,
}

#[derive(Clone, Debug)]
pub struct Service {
    pub id: String,
    pub category: String,
    pub per: Per,
    pub title: Bi,
    pub summary: Bi,
    /// What the resident gets.
    pub gets: Bi,
    /// The rule over profile facts (see `engine::rule`), parsed and checked
    /// when the catalog is read: a catalog with a bad rule is not read at all.
    pub rule: Rule,
    pub department: String,
    /// How to apply; where the plan is silent, whom to ask.
    pub apply: Bi,
    /// What to bring, only where the plan says so.
    pub bring: Option<Bi>,
    pub source: Source,
    /// The plan sets no exact conditions: the department decides, so a
    /// true rule shows as "may be eligible".
    pub confirm: bool,
    /// Promised for 2025, not yet everywhere.
    pub planned: bool,
    /// Free for everyone, or no application needed (免费 / 免申即享).
    pub free: bool,
    /// The data file it was written in, for messages to policy staff.
    pub file: String,
}

impl Service {
    pub fn scope(&self) -> Scope {
        match self.per {
            Per::Person => Scope::Member,
            Per::Household => Scope::Household,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub departments: Vec<Department>,
    pub documents: Vec<Document>,
    pub services: Vec<Service>,
}

impl Catalog {
    /// Reads catalog JSON, with or without the services' texts (the web
    /// app reads them later, from their own file: see [`Catalog::with_texts`]).
    /// Every problem is reported, each naming its file and entry.
    pub fn from_json(json: &str, with_texts: bool) -> Result<Catalog, Vec<Problem>> {
        let root: serde_json::Value = serde_json::from_str(json).map_err(|e| vec![Problem::new("", "", "", e.to_string())])?;
        read::catalog(&root, with_texts)
    }

    /// A copy with the services' texts filled in from the texts file.
    pub fn with_texts(&self, json: &str) -> Result<Catalog, Vec<Problem>> {
        let root: serde_json::Value = serde_json::from_str(json).map_err(|e| vec![Problem::new("", "", "", e.to_string())])?;
        let mut full = self.clone();
        read::add_texts(&mut full, &root)?;
        Ok(full)
    }

    pub fn service(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|s| s.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The document a service cites.
    pub fn document(&self, service: &Service) -> Option<&Document> {
        self.documents.get(service.source.document)
    }
}
