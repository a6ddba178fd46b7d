//! Household test cases, written as data beside the catalog
//! (`src/catalog/cases/*.toml`), like OpenFisca's YAML tests: a name, a
//! profile, the expected status of some services, the expected next
//! questions. They also serve as the witnesses that each service is
//! reachable (some household gets it) and not trivially true.

use super::Catalog;
use crate::engine::eval::Tri;
use crate::engine::{Evaluation, Status};
use crate::profile::facts::{self, FACTS};
use crate::profile::Profile;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// Profile JSON, exactly as the contract and the eval tool take it.
    pub profile: String,
    /// `service-id` (best status over the household) or `service-id@N`
    /// (member N) → `eligible` | `maybe` | `not_eligible`.
    #[serde(default)]
    pub expect: BTreeMap<String, String>,
    /// The first questions to ask: `fact` or `fact@N`.
    #[serde(default)]
    pub next: Option<Vec<String>>,
    pub file: String,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

pub fn embedded() -> Vec<Case> {
    let cases: Cases = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/cases.json"))).expect("build.rs writes valid JSON");
    cases.case
}

fn ask_name(fact: usize, member: Option<usize>) -> String {
    match member {
        Some(m) => format!("{}@{m}", FACTS[fact].key),
        None => FACTS[fact].key.to_string(),
    }
}

/// Runs one case; each failed expectation is one line.
pub fn run(catalog: &Catalog, case: &Case) -> Vec<String> {
    let at = format!("case `{}` ({})", case.name, case.file);
    let parsed = match Profile::from_json(&case.profile) {
        Ok(p) if p.issues.is_empty() => p.profile,
        Ok(p) => return p.issues.iter().map(|i| format!("{at}: profile {}: {}", i.path, i.en)).collect(),
        Err(e) => return vec![format!("{at}: profile: {}", e.0.en)],
    };
    let eval = Evaluation::new(catalog, &parsed);
    let mut failures = Vec::new();
    for (key, want) in &case.expect {
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
    if let Some(next) = &case.next {
        let asks = eval.next_questions(catalog, &|_| true, &|_, _| false);
        let got: Vec<String> = asks.iter().take(next.len()).map(|a| ask_name(a.fact, a.member)).collect();
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

/// Every service has a household that gets it (rule true) and, unless it
/// is open to everyone (`rule = "true"`), one that does not (rule false).
pub fn check_witnesses(catalog: &Catalog, cases: &[Case]) -> Vec<String> {
    let evals: Vec<Evaluation> = cases
        .iter()
        .filter_map(|c| Profile::from_json(&c.profile).ok())
        .map(|p| Evaluation::new(catalog, &p.profile))
        .collect();
    let mut problems = Vec::new();
    for (i, s) in catalog.services.iter().enumerate() {
        let seen = |want: Tri| evals.iter().any(|e| e.outcomes.iter().any(|o| o.service == i && o.rule == want));
        if !seen(Tri::True) {
            problems.push(format!("{} ({}): no test case makes it apply (add a witness household)", s.id, s.file));
        }
        // A service open to everyone has no household it does not apply to.
        let universal = matches!(s.rule(), crate::engine::rule::Rule::Const(true));
        if !universal && !seen(Tri::False) {
            problems.push(format!("{} ({}): no test case shows a household it does not apply to", s.id, s.file));
        }
    }
    problems
}
