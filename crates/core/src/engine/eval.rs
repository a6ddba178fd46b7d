//! Three-valued (Kleene) evaluation of rules over a profile, and the trace
//! of which tests decided the result: the raw material of reasons and of
//! "what to ask next".

use super::rule::{Cond, Op, Rule, Test};
use crate::profile::facts::{self, FactId, Scope, FACTS};
use crate::profile::{Profile, Val};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// One test that decided a result, with how it came out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit<'r> {
    /// `negated` when the test sits under an odd number of `not`s, so the
    /// reason reads "not …".
    Test { test: &'r Test, member: Option<usize>, status: Tri, negated: bool },
    /// `someone(rule)` was false: nobody in the household matches.
    NoOne { rule: &'r Rule, negated: bool },
}

/// The profile as the rules see it: the resident's answers plus what
/// follows from them without asking (a 5-year-old is not pregnant).
pub struct View {
    pub profile: Profile,
}

/// The "ask only when" rules of the facts, parsed once.
fn ask_when() -> &'static [Option<(Rule, Val)>] {
    static RULES: OnceLock<Vec<Option<(Rule, Val)>>> = OnceLock::new();
    RULES.get_or_init(|| {
        FACTS
            .iter()
            .enumerate()
            .map(|(id, f)| {
                let w = f.ask_when?;
                let rule = Rule::parse(w.rule, Scope::Member).expect("ask_when rules are tested");
                let otherwise = match w.otherwise {
                    "false" => Val::Bool(false),
                    name => crate::profile::sym(id, name).expect("ask_when values are tested"),
                };
                Some((rule, otherwise))
            })
            .collect()
    })
}

impl View {
    pub fn new(answers: &Profile) -> View {
        let mut profile = answers.clone();
        // The person answering always exists, even before the household page.
        if profile.members.is_empty() {
            profile.add_member("self");
        }
        let rules = ask_when();
        for m in 0..profile.members.len() {
            for (id, rule) in rules.iter().enumerate() {
                if let Some((rule, otherwise)) = rule {
                    if profile.members[m][id] == Val::Unknown && eval(rule, &profile, Some(m)) == Tri::False {
                        profile.members[m][id] = *otherwise;
                    }
                }
            }
        }
        View { profile }
    }
}

/// Answers the "ask only when" rules now rule out (a pregnancy answered
/// for someone whose age was then changed to 70): fact and member.
pub fn unfitting(answers: &Profile) -> Vec<(FactId, usize)> {
    let mut out = Vec::new();
    for m in 0..answers.members.len() {
        for (id, rule) in ask_when().iter().enumerate() {
            if let Some((rule, otherwise)) = rule {
                let v = answers.members[m][id];
                if v != Val::Unknown && v != *otherwise && eval(rule, answers, Some(m)) == Tri::False {
                    out.push((id, m));
                }
            }
        }
    }
    out
}

/// The value of a fact, or why there is none.
enum Lookup {
    Known(Val),
    /// The person has no such thing (`disability.grade` without disability).
    Absent,
    Unknown,
}

fn lookup(p: &Profile, fact: FactId, member: Option<usize>) -> Lookup {
    if let Some(parent) = facts::parent_of(fact) {
        match p.get(parent, member) {
            Val::Bool(false) => return Lookup::Absent,
            Val::Unknown => return Lookup::Unknown,
            _ => {}
        }
    }
    match p.get(fact, member) {
        Val::Unknown => Lookup::Unknown,
        v => Lookup::Known(v),
    }
}

fn min_of(fact: FactId) -> i64 {
    match FACTS[fact].kind {
        facts::Kind::Int { min, .. } => min,
        _ => 0,
    }
}

pub fn test(t: &Test, p: &Profile, member: Option<usize>) -> Tri {
    let v = match lookup(p, t.fact, member) {
        Lookup::Known(v) => v,
        Lookup::Absent => return Tri::False,
        Lookup::Unknown => return Tri::Unknown,
    };
    Tri::from(match (t.cond, v) {
        (Cond::Yes, Val::Bool(b)) => b,
        (Cond::Cmp(op, n), Val::Int(x)) => match op {
            Op::Lt => x < n,
            Op::Le => x <= n,
            Op::Gt => x > n,
            Op::Ge => x >= n,
            Op::Eq => x == n,
            Op::Ne => x != n,
        },
        (Cond::OneOf(mask), Val::Sym(i)) => mask & (1 << i) != 0,
        (Cond::OneOf(mask), Val::Int(x)) => (x - min_of(t.fact)) < 64 && mask & (1 << (x - min_of(t.fact))) != 0,
        (Cond::Overlaps(mask), Val::Set(bits)) => mask & u64::from(bits) != 0,
        _ => false,
    })
}

pub fn eval(rule: &Rule, p: &Profile, member: Option<usize>) -> Tri {
    match rule {
        Rule::Const(b) => Tri::from(*b),
        Rule::Test(t) => test(t, p, member),
        Rule::Not(r) => eval(r, p, member).not(),
        Rule::All(rs) => fold(rs.iter().map(|r| eval(r, p, member)), Tri::False),
        Rule::Any(rs) => fold(rs.iter().map(|r| eval(r, p, member)), Tri::True),
        Rule::Someone(r) => fold((0..p.members.len()).map(|m| eval(r, p, Some(m))), Tri::True),
    }
}

/// Kleene and/or: the first value equal to `settling` decides (false for
/// "and", true for "or"); otherwise any unknown makes the result unknown.
/// Lazy, so evaluation stops at the settling value.
fn fold(values: impl Iterator<Item = Tri>, settling: Tri) -> Tri {
    let mut out = settling.not();
    for v in values {
        if v == settling {
            return settling;
        }
        if v == Tri::Unknown {
            out = Tri::Unknown;
        }
    }
    out
}

/// The tests that decided `rule`'s value: for true, what made it true; for
/// false, one thing that rules it out; for unknown, the unknown tests that
/// could still change it (short-circuiting means a settled branch adds none).
pub fn trace<'r>(rule: &'r Rule, p: &Profile, member: Option<usize>, negated: bool, out: &mut Vec<Hit<'r>>) {
    let status = eval(rule, p, member);
    match rule {
        Rule::Const(_) => {}
        Rule::Test(t) => out.push(Hit::Test { test: t, member, status, negated }),
        Rule::Not(r) => trace(r, p, member, !negated, out),
        Rule::All(rs) | Rule::Any(rs) => {
            // The value that settles this combinator on its own.
            let settling = if matches!(rule, Rule::All(_)) { Tri::False } else { Tri::True };
            if status == settling {
                rs.iter().find(|r| eval(r, p, member) == status).into_iter().for_each(|r| trace(r, p, member, negated, out));
            } else {
                rs.iter().filter(|r| eval(r, p, member) == status).for_each(|r| trace(r, p, member, negated, out));
            }
        }
        Rule::Someone(r) => match status {
            Tri::False => out.push(Hit::NoOne { rule: r, negated }),
            _ => {
                let members = 0..p.members.len();
                let decisive: Vec<usize> = members.filter(|&m| eval(r, p, Some(m)) == status).collect();
                let take = if status == Tri::True { &decisive[..1] } else { &decisive[..] };
                take.iter().for_each(|&m| trace(r, p, Some(m), negated, out));
            }
        },
    }
}

/// The facts to ask so that an unknown test gets a value. A fact asked only
/// of some people (pregnancy) is not asked before what decides that (age
/// and sex); a detail (`disability.grade`) not before its parent.
pub fn missing(t: &Test, p: &Profile, member: Option<usize>, out: &mut Vec<(FactId, Option<usize>)>) {
    let owner = |fact: FactId| if FACTS[fact].scope == Scope::Member { member } else { None };
    if let Some(parent) = facts::parent_of(t.fact) {
        if p.get(parent, member) == Val::Unknown {
            return missing(&Test { fact: parent, cond: super::rule::Cond::Yes }, p, member, out);
        }
    }
    if let Some((rule, _)) = &ask_when()[t.fact] {
        if eval(rule, p, member) == Tri::Unknown {
            let mut hits = Vec::new();
            trace(rule, p, member, false, &mut hits);
            for hit in hits {
                if let Hit::Test { test, status: Tri::Unknown, .. } = hit {
                    missing(test, p, member, out);
                }
            }
            return;
        }
    }
    let key = (t.fact, owner(t.fact));
    if !out.contains(&key) {
        out.push(key);
    }
}
