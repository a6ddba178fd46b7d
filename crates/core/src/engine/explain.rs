//! Rules and their outcomes in plain words ("年龄 2岁，符合条件：年龄不满3岁").
//! Generated from the rule and the facts, so a reason can never drift from
//! the rule it explains.

use super::eval::{Hit, Tri};
use super::rule::{Cond, Op, Rule, Test};
use crate::profile::facts::{self, FactId, Kind, Question, AGE, FACTS, ROLE};
use crate::profile::{Profile, Val};
use crate::text::Lang;

fn labels_in(fact: FactId, mask: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "、" } else { " or " };
    let mut out = String::new();
    let mut add = |name: &str| {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(name);
    };
    match FACTS[fact].kind {
        Kind::Enum { labels, .. } | Kind::Set { labels, .. } => {
            labels.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).for_each(|(_, l)| add(l.get(lang)));
        }
        Kind::Int { min, .. } => (0..64).filter(|i| mask & (1 << i) != 0).for_each(|i| add(&int_text(fact, min + i, lang))),
        Kind::Bool => {}
    }
    out
}

fn int_text(fact: FactId, n: i64, lang: Lang) -> String {
    let Kind::Int { unit, .. } = FACTS[fact].kind else { return n.to_string() };
    if FACTS[fact].key == "age" && n == 0 {
        return lang.pick("不满1岁".into(), "under 1".into());
    }
    format!("{n}{}", unit.get(lang))
}

/// A fact's value as a resident would say it.
pub fn value_text(fact: FactId, val: Val, lang: Lang) -> String {
    match val {
        Val::Unknown => lang.pick("不确定".into(), "not sure".into()),
        Val::Bool(b) => lang.pick(if b { "是" } else { "否" }.into(), if b { "yes" } else { "no" }.into()),
        Val::Int(n) => int_text(fact, n, lang),
        Val::Sym(i) => labels_in(fact, 1 << i, lang),
        Val::Set(0) => lang.pick("都没有".into(), "none".into()),
        Val::Set(bits) => labels_in(fact, u64::from(bits), lang),
    }
}

fn flip(op: Op) -> Op {
    match op {
        Op::Lt => Op::Ge,
        Op::Ge => Op::Lt,
        Op::Le => Op::Gt,
        Op::Gt => Op::Le,
        Op::Eq => Op::Ne,
        Op::Ne => Op::Eq,
    }
}

/// What a test asks for: "年龄不满3岁", "household hardship status: dibao or tekun".
pub fn requirement(t: &Test, negated: bool, lang: Lang) -> String {
    let label = FACTS[t.fact].label.get(lang);
    let (zh_no, en_no) = if negated { ("不", "not ") } else { ("", "") };
    match t.cond {
        Cond::Yes => lang.pick(format!("{label}：{}", if negated { "否" } else { "是" }), format!("{label}: {}", if negated { "no" } else { "yes" })),
        Cond::Cmp(op, n) => {
            let op = if negated { flip(op) } else { op };
            let v = int_text(t.fact, n, lang);
            // What goes before and after the value, in Chinese and in English.
            let ((zh_pre, zh_post), (en_pre, en_post)) = match op {
                Op::Lt => (("不满", ""), ("under ", "")),
                Op::Le => (("", "及以下"), ("", " or under")),
                Op::Gt => (("超过", ""), ("over ", "")),
                Op::Ge => (("", "及以上"), ("", " or over")),
                Op::Eq => (("", ""), ("", "")),
                Op::Ne => (("不是", ""), ("not ", "")),
            };
            lang.pick(format!("{label}{zh_pre}{v}{zh_post}"), format!("{label} {en_pre}{v}{en_post}"))
        }
        Cond::OneOf(mask) => {
            let v = labels_in(t.fact, mask, lang);
            lang.pick(format!("{label}{zh_no}是{v}"), format!("{label}: {en_no}{v}"))
        }
        Cond::Overlaps(mask) => {
            let v = labels_in(t.fact, mask, lang);
            lang.pick(format!("{label}{}包括{v}", if negated { "不" } else { "" }), format!("{label}: {}{v}", if negated { "none of " } else { "includes " }))
        }
    }
}

/// A whole rule in words, as the static service pages say who a service is
/// for: "年龄60岁及以上，且户口是安阳农村户口".
pub fn describe(rule: &Rule, lang: Lang) -> String {
    describe_with(rule, false, lang)
}

/// A whole rule in words ("家里没有人符合：…"), negations kept on the tests.
fn describe_with(rule: &Rule, negated: bool, lang: Lang) -> String {
    let join = |rs: &[Rule], zh: &str, en: &str| {
        let parts: Vec<String> = rs.iter().map(|r| bracket(r, negated, lang)).collect();
        parts.join(if lang == Lang::Zh { zh } else { en })
    };
    match rule {
        Rule::Const(b) => lang.pick(if *b != negated { "所有人" } else { "无人" }.into(), if *b != negated { "everyone" } else { "no one" }.into()),
        Rule::Test(t) => requirement(t, negated, lang),
        Rule::Not(r) => describe_with(r, !negated, lang),
        // De Morgan keeps negations on the tests, where they read naturally.
        Rule::All(rs) if !negated => join(rs, "，且", "; and "),
        Rule::Any(rs) if negated => join(rs, "，且", "; and "),
        Rule::All(rs) | Rule::Any(rs) => join(rs, "，或", "; or "),
        Rule::Someone(r) => {
            let inner = describe_with(r, false, lang);
            if negated {
                lang.pick(format!("家里没有人符合：{inner}"), format!("no one in the household: {inner}"))
            } else {
                lang.pick(format!("家里有人符合：{inner}"), format!("someone in the household: {inner}"))
            }
        }
    }
}

fn bracket(r: &Rule, negated: bool, lang: Lang) -> String {
    let text = describe_with(r, negated, lang);
    if matches!(r, Rule::All(_) | Rule::Any(_)) {
        lang.pick(format!("（{text}）"), format!("({text})"))
    } else {
        text
    }
}

/// How to name a household member in a sentence: "您", "配偶", "子女".
/// Members who share a role are told apart by age ("子女（9岁）"), or,
/// without an age of their own, by their place among them ("第2位子女").
/// A name changes only when it must: every card and answer that names the
/// person is written again when it does.
pub fn person(p: &Profile, member: usize, lang: Lang) -> String {
    let r = p.get(ROLE, Some(member));
    let name = match r {
        Val::Sym(0) => return lang.pick("您".into(), "you".into()),
        Val::Unknown => return lang.pick(format!("第{}位家人", member + 1), format!("household member {}", member + 1)),
        v => short_name(v, lang).unwrap_or_else(|| value_text(ROLE, v, lang)),
    };
    // Runs for every name on the results page: counts, no lists.
    let same = |i: &usize| p.get(ROLE, Some(*i)) == r;
    if (0..p.members.len()).filter(same).count() == 1 {
        return name;
    }
    let years = p.get(AGE, Some(member));
    if matches!(years, Val::Int(_)) && (0..p.members.len()).filter(same).filter(|&i| p.get(AGE, Some(i)) == years).count() == 1 {
        let a = value_text(AGE, years, lang);
        lang.pick(format!("{name}（{a}）"), format!("{name} ({a})"))
    } else {
        let place = (0..member).filter(same).count() + 1;
        lang.pick(format!("第{place}位{name}"), format!("{name} {place}"))
    }
}

/// Roles whose label on the household page is a list ("祖父母、外祖父母")
/// go by a short name in sentences, where several of them can stand in a row.
fn short_name(role: Val, lang: Lang) -> Option<String> {
    const SHORT_ZH: [(&str, &str); 2] = [("grandparent", "祖辈"), ("grandchild", "孙辈")];
    let (Val::Sym(i), Lang::Zh, Kind::Enum { values, .. }) = (role, lang, FACTS[ROLE].kind) else { return None };
    let key = values.get(usize::from(i))?;
    SHORT_ZH.iter().find(|(k, _)| k == key).map(|(_, name)| name.to_string())
}

/// Every member's name, as [`person`] gives it, in the profile's order.
pub fn people(p: &Profile, lang: Lang) -> Vec<String> {
    (0..p.members.len()).map(|m| person(p, m, lang)).collect()
}

/// A question about `member` (the household when `None`), with the
/// person named as [`person`] names them, in each language's grammar.
pub fn question(q: &Question, p: &Profile, member: Option<usize>, lang: Lang) -> String {
    let who = member.map(|m| person(p, m, lang)).unwrap_or_default();
    let is_you = member.is_some_and(|m| p.get(ROLE, Some(m)) == Val::Sym(0));
    q.ask(&who, is_you, lang)
}

/// One decisive test as a sentence. `who` is set when the person must be
/// named (a household service decided by one member).
pub fn reason(hit: &Hit, p: &Profile, name_person: bool, lang: Lang) -> String {
    match *hit {
        Hit::NoOne { rule, negated } => describe_with(&Rule::Someone(Box::new(rule.clone())), !negated, lang),
        Hit::Test { test, member, status, negated } => {
            let who = match member {
                Some(m) if name_person => lang.pick(format!("{}：", person(p, m, lang)), format!("{}: ", person(p, m, lang))),
                _ => String::new(),
            };
            let req = requirement(test, negated, lang);
            // A detail of something the person does not have: name the thing.
            let shown = match facts::parent_of(test.fact) {
                Some(parent) if p.get(parent, member) == Val::Bool(false) => parent,
                _ => test.fact,
            };
            let label = FACTS[shown].label.get(lang);
            let value = value_text(shown, p.get(shown, member), lang);
            match status {
                Tri::True => lang.pick(format!("{who}{label} {value}，符合条件：{req}"), format!("{who}{label}: {value}, which meets: {req}")),
                Tri::False => lang.pick(format!("{who}{label} {value}，不符合条件：{req}"), format!("{who}{label}: {value}, but this needs: {req}")),
                Tri::Unknown if test.cond == Cond::Yes && !negated => lang.pick(format!("需要确认：{who}是否{label}"), format!("To confirm: {who}{label}?")),
                Tri::Unknown => lang.pick(format!("需要确认：{who}{req}"), format!("To confirm: {who}{req}")),
            }
        }
    }
}
