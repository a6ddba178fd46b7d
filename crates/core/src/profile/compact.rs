//! `#c=`: the profile as digits, for QR codes (issue 20). A QR code packs
//! digits three to ten bits, over twice as tight as the letters of `#p=`,
//! so a household of six with every fact answered fits a code a phone
//! reads off a kiosk's screen (version ≤ 10), with no compressor in the
//! wasm.
//!
//! `c=1` then the household's facts, then each member's, each fact a fixed
//! number of digits in the order of [`V1`]: 0 is unknown; yes/no is 1/2;
//! a choice is its position + 1; a number is `n - min + 1`; a set is its
//! bits + 1. The fact list is frozen per version: a new fact means a new
//! list and version, and links already made keep working.

use super::facts::{self, Kind, Scope, FACTS};
use super::share::{bad, damaged};
use super::{Fatal, Issue, Parsed, Profile, Val, MAX_MEMBERS};

/// Version 1's facts, in order (household first).
const V1: &[&str] = &[
    "region", "area", "support_status", "formerly_poor", "housing", "tenure", "old_compound", "family_planning", "zero_employment",
    "disaster_affected", "sudden_hardship",
    "role", "age", "sex", "hukou", "pregnant", "education", "work", "recent_graduate", "returnee", "starting_business", "hard_to_employ",
    "migrant_worker", "pension_insurance", "medical_insurance", "unemployment_insurance", "work_injury", "hazardous_job", "labour_dispute",
    "disability", "disability.grade", "disability.kind", "self_care", "chronic", "serious_illness", "mental_disorder", "orphan",
    "unsupported_child", "hiv_affected_child", "left_behind_child", "veteran", "veteran.recently_discharged", "veteran.disabled",
    "veteran.entitled", "veteran.needs_care", "military_family", "martyr_family",
];

/// The largest number a fact's digits carry.
fn top(kind: Kind) -> u32 {
    match kind {
        Kind::Bool => 2,
        Kind::Int { min, max, .. } => (max - min + 1) as u32,
        Kind::Enum { values, .. } => values.len() as u32,
        Kind::Set { values, .. } => 1 << values.len(),
    }
}

fn width(kind: Kind) -> usize {
    top(kind).to_string().len()
}

fn number(kind: Kind, val: Val) -> u32 {
    match (kind, val) {
        (Kind::Bool, Val::Bool(b)) => 1 + b as u32,
        (Kind::Int { min, .. }, Val::Int(n)) => (n - min + 1) as u32,
        (Kind::Enum { .. }, Val::Sym(i)) => i as u32 + 1,
        (Kind::Set { .. }, Val::Set(bits)) => bits as u32 + 1,
        _ => 0,
    }
}

fn value(kind: Kind, n: u32) -> Option<Val> {
    if n == 0 {
        return Some(Val::Unknown);
    }
    (n <= top(kind)).then(|| match kind {
        Kind::Bool => Val::Bool(n == 2),
        Kind::Int { min, .. } => Val::Int(min + n as i64 - 1),
        Kind::Enum { .. } => Val::Sym((n - 1) as u8),
        Kind::Set { .. } => Val::Set((n - 1) as u16),
    })
}

fn facts_in(scope: Scope) -> impl Iterator<Item = usize> {
    V1.iter().filter_map(|k| facts::find(k)).filter(move |&id| FACTS[id].scope == scope)
}

fn row_width(scope: Scope) -> usize {
    facts_in(scope).map(|id| width(FACTS[id].kind)).sum()
}

/// `c=1…` for a profile.
pub fn encode(profile: &Profile) -> String {
    let mut out = String::from("c=1");
    let mut write = |row: &super::Row, scope| {
        for id in facts_in(scope) {
            let kind = FACTS[id].kind;
            out.push_str(&format!("{:0w$}", number(kind, row[id]), w = width(kind)));
        }
    };
    write(&profile.household, Scope::Household);
    for m in &profile.members {
        write(m, Scope::Member);
    }
    out
}

/// Reads the digits after `c=`. A wrong length or version is fatal; a
/// number out of range drops that one answer, reported like a bad JSON field.
pub fn decode(data: &str) -> Result<Parsed, Fatal> {
    if !data.bytes().all(|b| b.is_ascii_digit()) {
        return Err(damaged());
    }
    let Some(digits) = data.strip_prefix('1') else {
        return Err(bad("这个链接来自更新版本的指南，本页面读不了", "the link comes from a newer version of the guide"));
    };
    let (household, member) = (row_width(Scope::Household), row_width(Scope::Member));
    if digits.len() < household || (digits.len() - household) % member != 0 {
        return Err(damaged());
    }
    let mut parsed = Parsed { profile: Profile::default(), issues: Vec::new() };
    let mut at = 0;
    let mut read = |row: &mut super::Row, scope, who: Option<usize>, issues: &mut Vec<Issue>| {
        for id in facts_in(scope) {
            let kind = FACTS[id].kind;
            let w = width(kind);
            let n: u32 = digits[at..at + w].parse().unwrap_or(u32::MAX);
            at += w;
            // A detail (disability.grade) counts only under a "yes".
            let parent_yes = facts::parent_of(id).is_none_or(|p| row[p] == Val::Bool(true));
            match value(kind, n) {
                Some(v) if parent_yes || v == Val::Unknown => row[id] = v,
                _ => issues.push(super::field_issue(&who.map_or("household".into(), |m| format!("members[{m}]")), id,
                    "不在可选范围内".into(), "is out of range".into())),
            }
        }
    };
    read(&mut parsed.profile.household, Scope::Household, None, &mut parsed.issues);
    let count = (digits.len() - household) / member;
    for m in 0..count.min(MAX_MEMBERS) {
        let mut row = super::blank_row();
        read(&mut row, Scope::Member, Some(m), &mut parsed.issues);
        parsed.profile.members.push(row);
    }
    if count > MAX_MEMBERS {
        parsed.issues.push(super::too_many(count));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_one_names_every_fact_once() {
        let mut keys: Vec<_> = FACTS.iter().map(|f| f.key).collect();
        let mut v1 = V1.to_vec();
        keys.sort();
        v1.sort();
        assert_eq!(v1, keys, "a fact was added or renamed: freeze a new list as version 2");
    }

    #[test]
    fn widths_are_what_links_already_carry() {
        assert_eq!((row_width(Scope::Household), row_width(Scope::Member)), (12, 38));
    }
}
