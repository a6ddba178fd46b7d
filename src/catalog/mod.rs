//! The catalog of services, written as data by policy staff in
//! `src/catalog/services/*.toml` and embedded at build time (see build.rs).
//! Each service carries its rule and the plan sentence it comes from.

pub mod check;
mod read;
pub mod cases;

use crate::engine::rule::Rule;
use crate::profile::facts::Scope;
use crate::text::Bi;

/// The plan, verbatim, for the quote check. The app does not embed it: the
/// source view fetches the same file (`PLAN_FILE`) only when opened.
#[cfg(not(target_arch = "wasm32"))]
pub const PLAN_TEXT: &str = include_str!("plan/anyang-14th-fyp-public-services-plan.txt");
pub const PLAN_FILE: &str = "/anyang-14th-fyp-public-services-plan.txt";
/// The web app's services texts, next to index.html (empty on native).
pub const TEXTS_FILE: &str = env!("CATALOG_TEXTS_FILE");

/// The source document's issuing details, shown on every results page.
pub struct SourceDocument {
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub number: &'static str,
    pub issued: &'static str,
    pub published: &'static str,
    pub period: &'static str,
}

pub const SOURCE: SourceDocument = SourceDocument {
    title_zh: "安阳市“十四五”公共服务和社会保障规划",
    title_en: "Anyang 14th Five-Year Plan for Public Services and Social Security",
    number: "安政〔2022〕16号",
    issued: "2022-06-22",
    published: "2022-07-15",
    period: "2021–2025",
};

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub title: Bi,
    /// A short symbol shown beside the colour, so colour is never the only cue.
    pub icon: String,
    pub file: String,
}

#[derive(Clone, Debug)]
pub struct Department {
    pub id: String,
    pub name: Bi,
    pub file: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    /// Decided for each person (one result per member).
    Person,
    /// Decided once for the household.
    Household,
}

#[derive(Clone, Debug)]
pub struct Source {
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
    /// The rule over profile facts (see `engine::rule`).
    pub rule: String,
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
    pub file: String,
    pub parsed: Option<Rule>,
}

impl Service {
    pub fn scope(&self) -> Scope {
        match self.per {
            Per::Person => Scope::Member,
            Per::Household => Scope::Household,
        }
    }

    /// The parsed rule; a service whose rule did not parse never matches
    /// (and `check` reports it).
    pub fn rule(&self) -> &Rule {
        static NEVER: Rule = Rule::Const(false);
        self.parsed.as_ref().unwrap_or(&NEVER)
    }
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub departments: Vec<Department>,
    pub services: Vec<Service>,
    /// Rules that did not parse: (service id, message).
    pub rule_errors: Vec<(String, String)>,
}

impl Catalog {
    /// The catalog built into this program. In the web app the services'
    /// texts are not built in: fetch [`TEXTS_FILE`] and call [`Catalog::with_texts`].
    pub fn embedded() -> Result<Catalog, String> {
        Self::read(include_str!(concat!(env!("OUT_DIR"), "/catalog.json")), !cfg!(target_arch = "wasm32"))
    }

    pub fn from_json(json: &str) -> Result<Catalog, String> {
        Self::read(json, true)
    }

    /// A copy with the services' texts filled in from the texts file.
    pub fn with_texts(&self, json: &str) -> Result<Catalog, String> {
        let mut full = self.clone();
        read::add_texts(&mut full, json)?;
        Ok(full)
    }

    /// Reads catalog JSON, with or without the services' texts.
    pub fn read(json: &str, with_texts: bool) -> Result<Catalog, String> {
        let mut catalog = read::catalog(json, with_texts)?;
        for s in &mut catalog.services {
            match Rule::parse(&s.rule, s.scope()) {
                Ok(r) => s.parsed = Some(r),
                Err(e) => catalog.rule_errors.push((s.id.clone(), e.to_string())),
            }
        }
        Ok(catalog)
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
}
