//! The questionnaire's state and flow, as plain Rust: everything a session
//! knows sits in one [`Session`], which can be cleared at once (kiosk
//! reset) and turned into a profile (share link, eval tool).

mod life_event;
mod page;
mod reply;
mod saved;

pub use life_event::LifeEvent;
pub use page::{situations_of, About, Form, Page};
pub use reply::Reply;
pub use saved::{Restored, SetAside};

use crate::catalog::{Catalog, Service};
use crate::engine::{Ask, Evaluation};
use crate::profile::facts::{FactId, Kind, Scope, FACTS, ROLE};
use crate::profile::{share, Issue, Profile, Val};

/// One answer the resident can give on a question page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Value(Val),
    /// "不确定/不知道": recorded, shown as such, never asked again.
    Unsure,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub answers: Profile,
    /// Questions answered "不确定", so they are not asked again.
    pub unsure: Vec<(FactId, Option<usize>)>,
    pub event: Option<LifeEvent>,
    /// Problems found in a pre-filled link, to show once.
    pub notices: Vec<Issue>,
    /// How many question pages the resident has answered (for "第 N 页").
    pub answered: usize,
    /// Situations ticked on a "家里有没有人…" page, not yet said of whom.
    pub ticked: Vec<FactId>,
}

impl Session {
    pub fn new() -> Session {
        let mut s = Session::default();
        s.answers.add_member("self");
        s
    }

    /// Services that matter for the chosen life event (all when none).
    pub fn relevant(&self, service: &Service) -> bool {
        self.event.is_none_or(|e| e.covers(&service.category))
    }

    pub fn evaluate(&self, catalog: &Catalog) -> Evaluation {
        Evaluation::new(catalog, &self.answers)
    }

    /// What is still worth asking, best first.
    pub fn pending(&self, catalog: &Catalog) -> Vec<Ask> {
        let unsure = |f: FactId, m: Option<usize>| self.unsure.contains(&(f, m));
        self.evaluate(catalog).next_questions(catalog, &|s| self.relevant(s), &unsure)
    }

    pub fn answer(&mut self, fact: FactId, member: Option<usize>, answer: Answer) {
        let member = if FACTS[fact].scope == Scope::Household { None } else { member };
        self.unsure.retain(|&k| k != (fact, member));
        match answer {
            Answer::Value(v) => self.answers.set(fact, member, v),
            Answer::Unsure => {
                self.answers.set(fact, member, Val::Unknown);
                self.unsure.push((fact, member));
            }
        }
        self.drop_unfitting();
    }

    /// An answer that a changed answer rules out (pregnant, then an age of
    /// 70) is taken away, and the resident is told: nothing contradictory
    /// is kept silently.
    fn drop_unfitting(&mut self) {
        for (fact, m) in crate::engine::eval::unfitting(&self.answers) {
            let who = crate::engine::explain::person(&self.answers, m, crate::text::Lang::Zh);
            let who_en = crate::engine::explain::person(&self.answers, m, crate::text::Lang::En);
            let label = FACTS[fact].label;
            self.notices.push(Issue {
                path: format!("members[{m}].{}", FACTS[fact].key),
                message: crate::text::Bi { zh: format!("根据新的回答，{who}的“{}”已不适用，已经去掉。", label.zh), en: format!("After your new answer, “{}” no longer applies to {who_en} and was taken away.", label.en) },
            });
            self.answers.set(fact, Some(m), Val::Unknown);
        }
    }

    /// The answer given so far to a question, for pre-selecting it.
    pub fn current(&self, fact: FactId, member: Option<usize>) -> Option<Answer> {
        if self.unsure.contains(&(fact, member)) {
            return Some(Answer::Unsure);
        }
        match self.answers.get(fact, member) {
            Val::Unknown => None,
            v => Some(Answer::Value(v)),
        }
    }

    /// Every question with an answer, in the profile's order, for the
    /// check-answers page (household first, then person by person).
    pub fn given(&self) -> Vec<(FactId, Option<usize>, Answer)> {
        let mut out = Vec::new();
        let mut push = |fact: FactId, member: Option<usize>| {
            if let Some(a) = self.current(fact, member) {
                out.push((fact, member, a));
            }
        };
        for id in facts_of(Scope::Household) {
            push(id, None);
        }
        for m in 0..self.answers.members.len() {
            for id in facts_of(Scope::Member).filter(|&id| FACTS[id].key != "role") {
                push(id, Some(m));
            }
        }
        out
    }

    /// The session of a household that answers every page truthfully from
    /// `truth` ("不确定" where `truth` does not say; a situation it leaves
    /// open is not ticked), and how many question pages it saw, from the
    /// one after the household page to check answers. Deterministic: the
    /// questionnaire's length is measured natively.
    pub fn answered_from(catalog: &Catalog, truth: &Profile, event: Option<LifeEvent>) -> (Session, usize) {
        let mut s = Session::new();
        // The household page: who lives there, by role.
        let Kind::Enum { values: roles, .. } = FACTS[ROLE].kind else { unreachable!("role is an enum") };
        for m in 1..truth.members.len() {
            let role = match truth.get(ROLE, Some(m)) {
                Val::Sym(i) => roles[usize::from(i)],
                _ => "other",
            };
            s.add_member(role);
        }
        s.event = event;
        let told = |fact: FactId, member: Option<usize>| match truth.get(fact, member) {
            Val::Unknown => Answer::Unsure,
            v => Answer::Value(v),
        };
        let has = |fact: FactId, m: usize| truth.get(fact, Some(m)) == Val::Bool(true);
        let mut pages = 0;
        let mut last = None;
        // Every page answers at least one fact, so this ends; the bound is a guard.
        while let (Some((fact, about)), true) = (s.next_page(catalog), pages < 1000) {
            // A page that follows itself would look to the resident like 继续 doing nothing.
            debug_assert_ne!(last, Some((fact, about)), "{} page after itself", FACTS[fact].key);
            last = Some((fact, about));
            let Some(page) = s.page(catalog, fact, about, false) else { break };
            match page.form {
                Form::One { ref facts, member } => facts.iter().copied().for_each(|f| {
                    let member = if FACTS[f].scope == Scope::Household { None } else { member };
                    s.answer(f, member, told(f, member));
                }),
                Form::Rows { ref rows } => rows.iter().for_each(|&(f, m)| s.answer(f, m, told(f, m))),
                // The household's pages take ticks, through the browser's own path.
                Form::Anyone { ref facts } => {
                    let bits = facts.iter().enumerate().filter(|&(_, &f)| (0..truth.members.len()).any(|m| has(f, m))).fold(0, |b, (i, _)| b | 1 << i);
                    s.reply(&page.form, Reply::Ticks(bits));
                }
                Form::Whom { fact, ref members } => {
                    let bits = members.iter().enumerate().filter(|&(_, &m)| has(fact, m)).fold(0, |b, (i, _)| b | 1 << i);
                    s.reply(&page.form, Reply::Ticks(bits));
                }
            }
            pages += 1;
        }
        (s, pages)
    }

    pub fn add_member(&mut self, role: &str) -> bool {
        self.answers.add_member(role).is_some()
    }

    /// Removes a member; answers about later members move with them.
    pub fn remove_member(&mut self, index: usize) {
        if index == 0 || index >= self.answers.members.len() {
            return; // the person answering stays
        }
        self.answers.remove_member(index);
        self.unsure.retain(|&(_, m)| m != Some(index));
        for (_, m) in &mut self.unsure {
            if let Some(i) = m {
                if *i > index {
                    *i -= 1;
                }
            }
        }
    }

    /// Applies a pre-filled profile (`#p=` / `#z=`): its facts fill the
    /// questions the resident has not answered; nothing already given is
    /// overwritten. Problems are kept to show. `None` when the fragment
    /// carries no profile, else whether one was applied.
    pub fn prefill(&mut self, fragment: &str) -> Option<bool> {
        let result = share::decode_fragment(fragment)?;
        match result {
            Err(fatal) => {
                self.notices.push(fatal.0);
                return Some(false);
            }
            Ok(parsed) => {
                self.notices.extend(parsed.issues);
                let incoming = parsed.profile;
                for id in facts_of(Scope::Household) {
                    if self.answers.household[id] == Val::Unknown {
                        self.answers.household[id] = incoming.household[id];
                    }
                }
                for (i, row) in incoming.members.iter().enumerate() {
                    if i >= self.answers.members.len() {
                        self.answers.members.push(crate::profile::blank_row());
                    }
                    for (id, v) in row.iter().enumerate() {
                        if self.answers.members[i][id] == Val::Unknown {
                            self.answers.members[i][id] = *v;
                        }
                    }
                }
            }
        }
        Some(true)
    }

    /// Nothing answered yet: a link's answers can be taken as they are,
    /// with nothing to lose.
    pub fn is_blank(&self) -> bool {
        self.answers == Session::new().answers && self.unsure.is_empty()
    }

    /// The share link fragment for these answers.
    pub fn share_fragment(&self) -> String {
        share::encode_p(&self.answers)
    }
}

fn facts_of(scope: Scope) -> impl Iterator<Item = FactId> {
    (0..FACTS.len()).filter(move |&id| FACTS[id].scope == scope)
}

/// The choices of a fact as one row of a page of rows (a select): its
/// choices, or, for a short list ("慢性病": three kinds), every combination
/// ("都没有", "高血压", …, "高血压、糖尿病、其他慢性病").
pub fn row_choices(fact: FactId) -> Option<Vec<Val>> {
    match FACTS[fact].kind {
        Kind::Set { values, .. } if values.len() <= 3 => {
            let mut all: Vec<u16> = (0..1 << values.len()).collect();
            all.sort_by_key(|bits| bits.count_ones());
            Some(all.into_iter().map(Val::Set).collect())
        }
        _ => choices(fact),
    }
}

/// The choices offered for a fact (radio buttons), `None` for free input.
pub fn choices(fact: FactId) -> Option<Vec<Val>> {
    match FACTS[fact].kind {
        Kind::Bool => Some(vec![Val::Bool(true), Val::Bool(false)]),
        Kind::Enum { values, .. } => Some((0..values.len()).map(|i| Val::Sym(i as u8)).collect()),
        Kind::Int { min, max, .. } if max - min < 10 => Some((min..=max).map(Val::Int).collect()),
        Kind::Int { .. } | Kind::Set { .. } => None,
    }
}

#[cfg(test)]
mod tests;
