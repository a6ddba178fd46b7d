//! Household test cases, written as data beside the catalog (`cases/*.toml`),
//! like OpenFisca's YAML tests: a name, a profile, the expected status of
//! some services, the expected next questions. They also serve as the
//! witnesses that each service is reachable (some household gets it) and
//! not trivially true.

use guide_core::catalog::Catalog;
use guide_core::engine::eval::Tri;
use guide_core::engine::rule::Rule;
use guide_core::engine::{Evaluation, Status};
use guide_core::profile::facts::{self, FACTS};
use guide_core::profile::Profile;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The household, exactly as the contract and the eval tool take it.
    pub profile: serde_json::Value,
    /// `service-id` (best status over the household) or `service-id@N`
    /// (member N) → `eligible` | `maybe` | `not_eligible`.
    #[serde(default)]
    pub expect: BTreeMap<String, String>,
    /// The first questions to ask: `fact` or `fact@N`.
    #[serde(default)]
    pub next: Option<Vec<String>>,
    /// The file it is written in (set when read).
    #[serde(skip)]
    pub file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

/// Every case of every file in `cases/`.
pub fn all() -> Result<Vec<Case>, String> {
    let mut all = Vec::new();
    for (path, text) in super::files::CASE_FILES {
        let cases: Cases = toml::from_str(text).map_err(|e| format!("{}/{path}: {e}", super::HERE))?;
        all.extend(cases.case.into_iter().map(|c| Case { file: path.to_string(), ..c }));
    }
    Ok(all)
}

impl Case {
    /// The case's household, read as the app and the eval tool read it;
    /// a problem in it is one of the case's failures.
    pub fn household(&self) -> Result<Profile, Vec<String>> {
        match Profile::from_value(&self.profile) {
            Ok(p) if p.issues.is_empty() => Ok(p.profile),
            Ok(p) => Err(p.issues.iter().map(|i| format!("{}: profile {}: {}", self.at(), i.path, i.message.en)).collect()),
            Err(e) => Err(vec![format!("{}: profile: {}", self.at(), e.0.message.en)]),
        }
    }

    fn at(&self) -> String {
        format!("case `{}` ({})", self.name, self.file)
    }

    /// Runs the case; each failed expectation is one line.
    pub fn run(&self, catalog: &Catalog) -> Vec<String> {
        let profile = match self.household() {
            Ok(p) => p,
            Err(failures) => return failures,
        };
        let at = self.at();
        let eval = Evaluation::new(catalog, &profile);
        let mut failures = Vec::new();
        for (key, want) in &self.expect {
            let (id, member) = match key.split_once('@') {
                Some((id, m)) => (id, m.parse::<usize>().ok()),
                None => (key.as_str(), None),
            };
            let Some(service) = catalog.service(id) else {
                failures.push(format!("{at}: no service `{id}`"));
                continue;
            };
            let got = eval
                .outcomes
                .iter()
                .filter(|o| o.service == service && (member.is_none() || o.member == member))
                .map(|o| o.status)
                .min()
                .map(Status::as_str);
            if got != Some(want.as_str()) {
                failures.push(format!("{at}: {key} expected {want}, got {}", got.unwrap_or("no result")));
            }
        }
        if let Some(next) = &self.next {
            let asks = eval.next_questions(catalog, &|_| true, &|_, _| false);
            let name = |fact: usize, member: Option<usize>| match member {
                Some(m) => format!("{}@{m}", FACTS[fact].key),
                None => FACTS[fact].key.to_string(),
            };
            let got: Vec<String> = asks.iter().take(next.len()).map(|a| name(a.fact, a.member)).collect();
            if &got != next {
                failures.push(format!("{at}: next questions expected {next:?}, got {got:?}"));
            }
            for n in next {
                if facts::find(n.split('@').next().unwrap_or_default()).is_none() {
                    failures.push(format!("{at}: `{n}` is not a fact"));
                }
            }
        }
        failures
    }
}

/// Every service has a household that gets it (rule true) and, unless it
/// is open to everyone (`rule = "true"`), one that does not (rule false).
pub fn check_witnesses(catalog: &Catalog, cases: &[Case]) -> Vec<String> {
    let evals: Vec<Evaluation> = cases.iter().filter_map(|c| c.household().ok()).map(|p| Evaluation::new(catalog, &p)).collect();
    let mut problems = Vec::new();
    for (i, s) in catalog.services.iter().enumerate() {
        let seen = |want: Tri| evals.iter().any(|e| e.outcomes.iter().any(|o| o.service == i && o.rule == want));
        if !seen(Tri::True) {
            problems.push(format!("{} ({}): no test case makes it apply (add a witness household)", s.id, s.file));
        }
        if s.rule != Rule::Const(true) && !seen(Tri::False) {
            problems.push(format!("{} ({}): no test case shows a household it does not apply to", s.id, s.file));
        }
    }
    problems
}
