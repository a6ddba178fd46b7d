//! Which question page comes next, and what it asks (issue 18).
//!
//! A household is asked once about rare situations ("家里有没有人…"), and
//! only then, for what was ticked, who; a question every member answers
//! (age, hukou, insurance) is one page with a row per person. Pages are
//! ranked by how many open results they can settle, age first, because it
//! decides what else is worth asking of each person.

use super::{Answer, Session};
use crate::catalog::Catalog;
use crate::engine::eval::View;
use crate::engine::Ask;
use crate::profile::facts::{find, group_of, FactId, Kind, Scope, AGE, FACTS};
use crate::text::Text;
use crate::profile::Val;

/// Whom a question page is about: the `<who>` of `/q/<fact>/<who>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum About {
    Household,
    Member(usize),
    /// The same question about each member it is open for, a row each.
    Everyone,
    /// Yes/no situations of a group asked of the household as a whole.
    Anyone,
    /// Who has a situation ticked on an [`About::Anyone`] page.
    Whom,
    /// The household's (`None`) or one member's choices, a row each, as on
    /// a paper form: "关于您家", "关于配偶".
    Several(Option<usize>),
    /// The few choices left of the household and everyone in it, on one
    /// page (a life event asks a few things of several people).
    Together,
}

impl About {
    pub fn slug(self) -> String {
        match self {
            About::Household => "h".into(),
            About::Member(m) => m.to_string(),
            About::Everyone => "all".into(),
            About::Anyone => "anyone".into(),
            About::Whom => "whom".into(),
            About::Several(None) => "about-h".into(),
            About::Several(Some(m)) => format!("about-{m}"),
            About::Together => "together".into(),
        }
    }

    pub fn parse(slug: &str) -> Option<About> {
        Some(match slug {
            "h" => About::Household,
            "all" => About::Everyone,
            "anyone" => About::Anyone,
            "whom" => About::Whom,
            "about-h" => About::Several(None),
            "together" => About::Together,
            n => match n.strip_prefix("about-") {
                Some(m) => About::Several(Some(m.parse().ok()?)),
                None => About::Member(n.parse().ok()?),
            },
        })
    }

    /// The one member (or the household) a page asks about, if it is one.
    pub fn member(self) -> Option<Option<usize>> {
        match self {
            About::Household => Some(None),
            About::Member(m) => Some(Some(m)),
            _ => None,
        }
    }
}

impl From<Option<usize>> for About {
    fn from(member: Option<usize>) -> About {
        member.map_or(About::Household, About::Member)
    }
}

/// What a question page asks.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    /// About one member or the household: one fact, or a group's yes/no facts.
    One { facts: Vec<FactId>, member: Option<usize> },
    /// A row each: one fact about several members ([`About::Everyone`]),
    /// several facts about one ([`About::Several`]), or a few about several
    /// ([`About::Together`]).
    Rows { rows: Vec<(FactId, Option<usize>)> },
    /// Yes/no facts about anyone in the household.
    Anyone { facts: Vec<FactId> },
    /// Which of `members` has `fact`.
    Whom { fact: FactId, members: Vec<usize> },
}

/// A question page and about how many pages come after it.
#[derive(Debug, PartialEq)]
pub struct Page {
    pub form: Form,
    pub pages_left: usize,
}

/// Yes/no situations asked of the household as a whole, a page each:
/// the household's own and its members' rare ones, then those about work.
/// (A veteran's details follow that person's "yes", on their own page.)
pub static SITUATIONS: [Situations; 2] = [
    Situations {
        question: Text { zh: "以下哪些情况符合您家或家里的人？（可多选）", en: "Which of these apply to your household or anyone in it? (choose all that apply)" },
        facts: &[
            "formerly_poor", "zero_employment", "old_compound", "disaster_affected", "sudden_hardship", "pregnant", "disability", "serious_illness", "mental_disorder",
            "veteran", "military_family", "martyr_family", "orphan", "unsupported_child", "hiv_affected_child", "left_behind_child",
        ],
    },
    Situations {
        question: Text { zh: "工作方面，以下哪些情况符合您或家里的人？（可多选）", en: "About work: which of these apply to you or anyone in your household? (choose all that apply)" },
        facts: &["recent_graduate", "returnee", "starting_business", "hard_to_employ", "migrant_worker", "unemployment_insurance", "work_injury", "hazardous_job", "labour_dispute"],
    },
];

pub struct Situations {
    pub question: Text,
    pub facts: &'static [&'static str],
}

/// The situations page a fact is asked on, if any.
pub fn situations_of(fact: FactId) -> Option<&'static Situations> {
    SITUATIONS.iter().find(|s| s.facts.contains(&FACTS[fact].key))
}

fn facts_in(keys: &'static [&'static str]) -> impl Iterator<Item = FactId> {
    keys.iter().filter_map(|k| find(k))
}

/// A choice asked with the household's or a person's other choices on one
/// page ([`About::Several`]): not a yes/no situation and not age (asked
/// first, of everyone together); a short list as one select of its
/// combinations. The details of a "yes" (a disability certificate's grade
/// and kind) come together the same way.
fn asked_with_others(fact: FactId) -> bool {
    let choice = match FACTS[fact].kind {
        Kind::Enum { .. } | Kind::Set { .. } => super::row_choices(fact).is_some(),
        Kind::Int { .. } => FACTS[fact].parent.is_some() && super::choices(fact).is_some(),
        Kind::Bool => false,
    };
    choice && FACTS[fact].key != "role" && group_of(fact).is_none() && situations_of(fact).is_none()
}

/// At most this many choices left: they go on one page ([`About::Together`]).
const TOGETHER: usize = 8;

/// Whether the choices still open are few enough for one page.
fn together(pending: &[Ask]) -> bool {
    (2..=TOGETHER).contains(&pending.iter().filter(|a| a.fact != AGE && asked_with_others(a.fact)).count())
}

/// The fact that names the page of situations merged from every list.
fn last_situations() -> FactId {
    SITUATIONS.last().and_then(|l| find(l.facts[0])).unwrap_or(AGE)
}

/// Whether the situations still open are few enough for one page.
fn merged(pending: &[Ask]) -> bool {
    let mut open: Vec<FactId> = pending.iter().filter(|a| situations_of(a.fact).is_some()).map(|a| a.fact).collect();
    open.sort();
    open.dedup();
    open.len() <= 12
}

/// The fact that names a [`About::Several`] page of `scope` in its address.
fn several_page(scope: Scope) -> FactId {
    (0..FACTS.len()).find(|&f| FACTS[f].scope == scope && asked_with_others(f)).unwrap_or(AGE)
}

/// A group's page (or a situations page) is named by its first fact.
fn first_of_group(fact: FactId) -> FactId {
    let keys = situations_of(fact).map(|s| s.facts).or_else(|| group_of(fact).map(|g| g.facts));
    keys.and_then(|k| facts_in(k).next()).unwrap_or(fact)
}

/// What a page shows of `items`: those still `open`, or, when none are
/// (the page revisited by back) or when `editing` (修改), those answered too.
fn shown<T: Copy>(items: impl Iterator<Item = T> + Clone, open: impl Fn(T) -> bool, answered: impl Fn(T) -> bool, editing: bool) -> Vec<T> {
    let still: Vec<T> = items.clone().filter(|&i| open(i)).collect();
    if !editing && !still.is_empty() {
        return still;
    }
    items.filter(|&i| open(i) || answered(i)).collect()
}

impl Session {
    /// Members for whom `fact` is still open: not answered, not "不确定",
    /// and not settled by what is known (no pregnancy question for a man).
    pub fn candidates(&self, fact: FactId) -> Vec<usize> {
        let view = View::new(&self.answers);
        (0..self.answers.members.len()).filter(|&m| view.profile.get(fact, Some(m)) == Val::Unknown && !self.unsure.contains(&(fact, Some(m)))).collect()
    }

    /// Whom a situations page's answer about `fact` is about: those it is
    /// open for and those who answered it already (a page revisited).
    pub(super) fn targets(&self, fact: FactId) -> Vec<usize> {
        let open = self.candidates(fact);
        (0..self.answers.members.len()).filter(|&m| open.contains(&m) || self.current(fact, Some(m)).is_some()).collect()
    }

    /// The pages still worth asking (`pending` is what is), best first,
    /// each with what it settles.
    fn ranked(&self, pending: &[Ask]) -> Vec<((FactId, About), usize)> {
        let open_for = |fact: FactId| pending.iter().filter(|a| a.fact == fact).count();
        let with_others = |member: Option<usize>| pending.iter().filter(|a| a.member == member && asked_with_others(a.fact)).count();
        // The members' choices go a page per person or a page per question,
        // whichever makes fewer pages: a full check asks each person many
        // things, a life event a few things of many people.
        let distinct = |of: fn(&Ask) -> usize| {
            let mut seen: Vec<usize> = pending.iter().filter(|a| a.member.is_some() && asked_with_others(a.fact)).map(of).collect();
            seen.sort();
            seen.dedup();
            seen.len()
        };
        let by_question = distinct(|a| a.fact) < distinct(|a| a.member.unwrap_or(0));
        let together = together(pending);
        let merged = merged(pending);
        let key = |a: &Ask| match a.member {
            // Merged, the page goes by the last list's name: once the first
            // list is answered, what is left of the others gets an address of its own.
            _ if situations_of(a.fact).is_some() && merged => (last_situations(), About::Anyone),
            _ if situations_of(a.fact).is_some() => (first_of_group(a.fact), About::Anyone),
            _ if together && a.fact != AGE && asked_with_others(a.fact) => (several_page(Scope::Household), About::Together),
            Some(_) if a.fact == AGE && open_for(AGE) > 1 => (AGE, About::Everyone),
            Some(_) if by_question && asked_with_others(a.fact) && open_for(a.fact) > 1 => (a.fact, About::Everyone),
            m if asked_with_others(a.fact) && with_others(m) > 1 => (several_page(FACTS[a.fact].scope), About::Several(m)),
            None => (first_of_group(a.fact), About::Household),
            Some(m) => (first_of_group(a.fact), About::Member(m)),
        };
        let mut pages: Vec<((FactId, About), usize)> = Vec::new();
        for a in pending {
            let k = key(a);
            match pages.iter_mut().find(|(p, _)| *p == k) {
                Some((_, n)) => *n += a.settles,
                None => pages.push((k, a.settles)),
            }
        }
        // Age first; then the household, the person answering and the
        // others, each in the order of what their pages settle.
        let order = |about: About| match about {
            About::Member(m) | About::Several(Some(m)) => m + 1,
            _ => 0,
        };
        pages.sort_by_key(|&((fact, about), settles)| (fact != AGE, order(about), std::cmp::Reverse(settles), fact));
        // Who has what was ticked comes straight after the ticks.
        let whom = self.ticked.iter().filter(|&&f| self.targets(f).len() > 1).map(|&f| ((f, About::Whom), usize::MAX));
        whom.chain(pages).collect()
    }

    /// "再回答": the questions `asks` asked again ("不确定" forgotten for
    /// them). The results show every service, so a life event no longer
    /// narrows what is asked: otherwise a question about a service outside
    /// it would be promised and never asked.
    pub fn ask_again(&mut self, asks: &[(FactId, Option<usize>)]) {
        self.unsure.retain(|k| !asks.contains(k));
        self.event = None;
    }

    /// How many question pages asking `asks` again takes.
    pub fn pages_to_ask(&self, catalog: &Catalog, asks: &[(FactId, Option<usize>)]) -> usize {
        let mut again = self.clone();
        again.ask_again(asks);
        again.ranked(&again.pending(catalog)).len()
    }

    /// The next page to ask, if any.
    pub fn next_page(&self, catalog: &Catalog) -> Option<(FactId, About)> {
        self.ranked(&self.pending(catalog)).into_iter().next().map(|(k, _)| k)
    }

    /// The page for `fact` about `about`, or `None` when it has nothing to
    /// ask (a stale address). `editing` (修改) shows answered facts too.
    pub fn page(&self, catalog: &Catalog, fact: FactId, about: About, editing: bool) -> Option<Page> {
        let pending = self.pending(catalog);
        let open = |f: FactId, m: Option<usize>| pending.iter().any(|a| a.fact == f && a.member == m);
        let form = match about {
            About::Household | About::Member(_) => {
                let member = about.member().flatten();
                if (FACTS[fact].scope == Scope::Household) != member.is_none() || member.is_some_and(|m| m >= self.answers.members.len()) {
                    return None;
                }
                Form::One { facts: self.page_facts(&pending, fact, member, editing), member }
            }
            About::Everyone if fact == AGE || (FACTS[fact].scope == Scope::Member && asked_with_others(fact)) => {
                let members = shown(0..self.answers.members.len(), |m| open(fact, Some(m)), |m| self.current(fact, Some(m)).is_some(), editing);
                Form::Rows { rows: members.into_iter().map(|m| (fact, Some(m))).collect() }
            }
            About::Several(member) if member.is_none_or(|m| m < self.answers.members.len()) => {
                let scope = if member.is_some() { Scope::Member } else { Scope::Household };
                let facts = (0..FACTS.len()).filter(|&f| FACTS[f].scope == scope && asked_with_others(f));
                let facts = shown(facts, |f| open(f, member), |f| self.current(f, member).is_some(), editing);
                Form::Rows { rows: facts.into_iter().map(|f| (f, member)).collect() }
            }
            About::Anyone => {
                let list = situations_of(fact)?;
                // Few situations left in all: both lists on one page.
                let keys: Vec<&'static str> = if merged(&pending) && fact == last_situations() { SITUATIONS.iter().flat_map(|l| l.facts.iter().copied()).collect() } else { list.facts.to_vec() };
                let anyone = |f: FactId| pending.iter().any(|a| a.fact == f) || self.ticked.contains(&f);
                let answered = |f: FactId| (0..self.answers.members.len()).any(|m| self.current(f, Some(m)).is_some()) || self.current(f, None).is_some();
                Form::Anyone { facts: shown(keys.iter().filter_map(|k| find(k)), anyone, answered, editing) }
            }
            About::Together => {
                let every = std::iter::once(None).chain((0..self.answers.members.len()).map(Some));
                let rows = every.flat_map(|m| (0..FACTS.len()).map(move |f| (f, m))).filter(|&(f, m)| (FACTS[f].scope == Scope::Household) == m.is_none() && f != AGE && asked_with_others(f));
                Form::Rows { rows: shown(rows, |(f, m)| open(f, m), |(f, m)| self.current(f, m).is_some(), editing) }
            }
            About::Whom if situations_of(fact).is_some() => Form::Whom { fact, members: self.targets(fact) },
            _ => return None,
        };
        let empty = match &form {
            Form::One { facts, .. } | Form::Anyone { facts } => facts.is_empty(),
            Form::Rows { rows } => rows.is_empty(),
            Form::Whom { members, .. } => members.is_empty(),
        };
        (!empty).then_some(Page { form, pages_left: self.ranked(&pending).len() })
    }

    /// The facts asked on the page for `fact` about one member (or the
    /// household): the fact alone, or the facts of its group still to ask;
    /// when `editing` also those already answered.
    fn page_facts(&self, pending: &[Ask], fact: FactId, member: Option<usize>, editing: bool) -> Vec<FactId> {
        let Some(group) = group_of(fact) else { return vec![fact] };
        group
            .facts
            .iter()
            .filter_map(|k| crate::profile::facts::find(k))
            .filter(|&f| f == fact || (editing && self.current(f, member).is_some()) || pending.iter().any(|a| a.fact == f && a.member == member))
            .collect()
    }

    /// "家里有没有人…": `ticked[i]` for `facts[i]`, or `None` for "不确定".
    /// What nobody has is "no" for everyone it was open for; what one
    /// person only can have is theirs; otherwise [`About::Whom`] asks who.
    pub fn answer_anyone(&mut self, facts: &[FactId], ticked: Option<&[bool]>) {
        for (i, &fact) in facts.iter().enumerate() {
            let yes = ticked.map(|t| t.get(i).copied().unwrap_or(false));
            if FACTS[fact].scope == Scope::Household {
                self.answer(fact, None, yes.map_or(Answer::Unsure, |y| Answer::Value(Val::Bool(y))));
                continue;
            }
            let candidates = self.targets(fact);
            self.ticked.retain(|&f| f != fact);
            match yes {
                Some(true) if candidates.len() > 1 => self.ticked.push(fact),
                Some(yes) => candidates.iter().for_each(|&m| self.answer(fact, Some(m), Answer::Value(Val::Bool(yes)))),
                None => candidates.iter().for_each(|&m| self.answer(fact, Some(m), Answer::Unsure)),
            }
        }
    }

    /// Who has `fact`: `chosen` (the others do not), or `None` for "不确定".
    pub fn answer_whom(&mut self, fact: FactId, chosen: Option<&[usize]>) {
        for m in self.targets(fact) {
            let answer = chosen.map_or(Answer::Unsure, |c| Answer::Value(Val::Bool(c.contains(&m))));
            self.answer(fact, Some(m), answer);
        }
        self.ticked.retain(|&f| f != fact);
    }
}
