//! The rules engine: for every service and every person it applies to,
//! eligible / may be eligible / not eligible, why, and what to ask next.

pub mod eval;
pub mod explain;
pub mod rule;

use crate::catalog::{Catalog, Per, Service};
use crate::profile::facts::FactId;
use crate::profile::Profile;
use crate::text::Lang;
use eval::{Hit, Tri, View};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Eligible,
    Maybe,
    NotEligible,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Maybe => "maybe",
            Status::NotEligible => "not_eligible",
        }
    }
}

/// One service for one person (or for the household).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub service: usize,
    /// Index into the profile's members; `None` for household services.
    pub member: Option<usize>,
    pub rule: Tri,
    pub status: Status,
}

/// A fact worth asking, and how many results it could still settle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ask {
    pub fact: FactId,
    pub member: Option<usize>,
    pub settles: usize,
}

/// Every service evaluated against one profile.
pub struct Evaluation {
    pub view: View,
    pub outcomes: Vec<Outcome>,
}

impl Evaluation {
    pub fn new(catalog: &Catalog, answers: &Profile) -> Evaluation {
        let view = View::new(answers);
        let p = &view.profile;
        let mut outcomes = Vec::with_capacity(catalog.services.len() * 2);
        for (i, s) in catalog.services.iter().enumerate() {
            let members: Vec<Option<usize>> = match s.per {
                Per::Household => vec![None],
                Per::Person => (0..p.members.len()).map(Some).collect(),
            };
            for member in members {
                let rule = eval::eval(&s.rule, p, member);
                let status = match rule {
                    Tri::True if s.confirm => Status::Maybe,
                    Tri::True => Status::Eligible,
                    Tri::Unknown => Status::Maybe,
                    Tri::False => Status::NotEligible,
                };
                outcomes.push(Outcome { service: i, member, rule, status });
            }
        }
        Evaluation { view, outcomes }
    }

    fn hits<'c>(&self, service: &'c Service, o: &Outcome) -> Vec<Hit<'c>> {
        let mut hits = Vec::new();
        eval::trace(&service.rule, &self.view.profile, o.member, false, &mut hits);
        hits
    }

    /// Why, in plain words: what made it true, one thing that rules it
    /// out, or what is still to confirm and who decides.
    pub fn reasons(&self, catalog: &Catalog, o: &Outcome, lang: Lang) -> Vec<String> {
        let s = &catalog.services[o.service];
        let name_person = s.per == Per::Household && self.view.profile.members.len() > 1;
        let mut out: Vec<String> = self.hits(s, o).iter().map(|h| explain::reason(h, &self.view.profile, name_person, lang)).collect();
        out.dedup();
        if out.is_empty() && o.rule == Tri::True {
            out.push(lang.pick("面向所有居民", "Open to all residents").into());
        }
        if s.confirm && o.rule != Tri::False {
            let dept = catalog.department(&s.department).map(|d| d.name.get(lang).to_string()).unwrap_or_default();
            out.push(lang.pick(format!("规划没有写明具体条件，是否符合由{dept}按现行政策认定"), format!("The plan sets no exact conditions: {dept} decides under current rules")));
        }
        out
    }

    /// The unknown facts that would decide an undecided result.
    pub fn missing(&self, catalog: &Catalog, o: &Outcome) -> Vec<(FactId, Option<usize>)> {
        let mut out = Vec::new();
        if o.rule != Tri::Unknown {
            return out;
        }
        for hit in self.hits(&catalog.services[o.service], o) {
            if let Hit::Test { test, member, status: Tri::Unknown, .. } = hit {
                eval::missing(test, &self.view.profile, member, &mut out);
            }
        }
        out
    }

    /// The unknown facts that can still change at least one relevant
    /// result, the one that settles the most results first. `skip` drops
    /// facts the resident already said they are not sure about.
    pub fn next_questions(&self, catalog: &Catalog, relevant: &dyn Fn(&Service) -> bool, skip: &dyn Fn(FactId, Option<usize>) -> bool) -> Vec<Ask> {
        let mut asks: Vec<Ask> = Vec::new();
        for o in self.outcomes.iter().filter(|o| o.rule == Tri::Unknown && relevant(&catalog.services[o.service])) {
            for (fact, member) in self.missing(catalog, o) {
                if skip(fact, member) {
                    continue;
                }
                match asks.iter_mut().find(|a| a.fact == fact && a.member == member) {
                    Some(a) => a.settles += 1,
                    None => asks.push(Ask { fact, member, settles: 1 }),
                }
            }
        }
        // Most settled first; ties in the profile's own order, person by person.
        asks.sort_by_key(|a| (std::cmp::Reverse(a.settles), a.member.map_or(0, |m| m + 1), a.fact));
        asks
    }
}

#[cfg(test)]
mod tests;
