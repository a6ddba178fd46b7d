//! The results as a resident takes them in: what is theirs, what a
//! department decides, what is still open because an answer is missing,
//! what every resident has, and what does not apply. Plain Rust, so the
//! numbers the results page shows are tested natively and reported by the
//! eval tool.

use crate::catalog::{Catalog, Service};
use crate::engine::eval::Tri;
use crate::engine::{Evaluation, Outcome, Status};
use crate::profile::facts::FactId;

/// Why a service is in the group it is in: each service is in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// It applies to someone in this household, for something particular
    /// to them (its rule is not "everyone").
    Mine,
    /// The household meets what the plan says, but the plan sets no exact
    /// conditions: a department decides.
    DepartmentDecides,
    /// Undecided because an answer is missing ("不确定" or not asked).
    Open,
    /// Open to every resident.
    Everyone,
    NotEligible,
}

impl Service {
    /// Open to every resident, with nothing for a department to decide.
    pub fn for_everyone(&self) -> bool {
        self.rule == crate::engine::rule::Rule::Const(true) && !self.confirm
    }
}

/// The outcomes of one service that put it in `group`: whom it is for.
pub fn outcomes_in(group: Group, outcomes: impl Iterator<Item = Outcome>) -> Vec<Outcome> {
    outcomes
        .filter(|o| match group {
            Group::Mine | Group::Everyone => o.status == Status::Eligible,
            Group::DepartmentDecides => o.status == Status::Maybe && o.rule == Tri::True,
            Group::Open => o.rule == Tri::Unknown,
            Group::NotEligible => o.status == Status::NotEligible,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Each service's group, by catalog index.
    pub groups: Vec<Group>,
    /// Of `Mine`: free, or no application needed (免费 / 免申即享).
    pub mine_free: usize,
    /// The departments the rest of `Mine` is applied for at, in catalog order.
    pub apply_at: Vec<String>,
    /// The questions whose answers would settle what is `Open`.
    pub to_ask: Vec<(FactId, Option<usize>)>,
}

impl Results {
    pub fn new(catalog: &Catalog, e: &Evaluation) -> Results {
        let mut groups = vec![Group::NotEligible; catalog.services.len()];
        let mut to_ask = Vec::new();
        for (i, s) in catalog.services.iter().enumerate() {
            let outcomes = || e.outcomes.iter().filter(move |o| o.service == i);
            groups[i] = if outcomes().any(|o| o.status == Status::Eligible) {
                if s.for_everyone() { Group::Everyone } else { Group::Mine }
            } else if outcomes().any(|o| o.rule == Tri::True) {
                Group::DepartmentDecides
            } else if outcomes().any(|o| o.rule == Tri::Unknown) {
                Group::Open
            } else {
                Group::NotEligible
            };
            if groups[i] == Group::Open {
                for o in outcomes().filter(|o| o.rule == Tri::Unknown) {
                    for ask in e.missing(catalog, o) {
                        if !to_ask.contains(&ask) {
                            to_ask.push(ask);
                        }
                    }
                }
            }
        }
        let mine = || catalog.services.iter().zip(&groups).filter(|(_, g)| **g == Group::Mine).map(|(s, _)| s);
        let mut apply_at: Vec<String> = Vec::new();
        for s in mine().filter(|s| !s.free) {
            if !apply_at.contains(&s.department) {
                apply_at.push(s.department.clone());
            }
        }
        Results { mine_free: mine().filter(|s| s.free).count(), apply_at, to_ask, groups }
    }

    pub fn count(&self, group: Group) -> usize {
        self.groups.iter().filter(|g| **g == group).count()
    }

    /// Services in `group`, in catalog order.
    pub fn services(&self, group: Group) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().enumerate().filter(move |(_, g)| **g == group).map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests;
