//! The household profile (contract: `shared/design/profile-v1.md`): the
//! session's whole state about a household, its JSON form, and the errors a
//! bad profile gets, field by field, in plain words.

mod compact;
pub mod facts;
pub mod share;

use crate::text::Bi;
use facts::{FactId, Kind, Scope, FACTS};
use serde_json::{Map, Value};

pub const MAX_MEMBERS: usize = 12;
pub const VERSION: u64 = 1;

/// One fact's value. Unknown is a value: not asked yet, or "不确定".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Val {
    #[default]
    Unknown,
    Bool(bool),
    Int(i64),
    /// Index into the fact's enum values.
    Sym(u8),
    /// Bit set over the fact's set values.
    Set(u16),
}

/// Facts indexed by [`FactId`]; a household row uses the household slots,
/// a member row the member slots.
pub type Row = Vec<Val>;

#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub household: Row,
    pub members: Vec<Row>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile { household: blank_row(), members: Vec::new() }
    }
}

pub fn blank_row() -> Row {
    vec![Val::Unknown; FACTS.len()]
}

/// A problem with one field of a profile, said for the resident (zh, en)
/// and for a developer (`path`).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub path: String,
    pub message: Bi,
}

/// Why a profile could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub struct Fatal(pub Issue);

/// A profile read leniently: the good fields, and an issue for each bad one.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub profile: Profile,
    pub issues: Vec<Issue>,
}

fn issue(path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Issue {
    Issue { path: path.into(), message: Bi { zh: zh.into(), en: en.into() } }
}

impl Profile {
    pub fn get(&self, fact: FactId, member: Option<usize>) -> Val {
        match (FACTS[fact].scope, member) {
            (Scope::Household, _) => self.household[fact],
            (Scope::Member, Some(m)) => self.members.get(m).map_or(Val::Unknown, |row| row[fact]),
            (Scope::Member, None) => Val::Unknown,
        }
    }

    /// Sets a fact; setting a parent to anything but true clears its
    /// children, so `disability.grade` never outlives `disability = false`.
    pub fn set(&mut self, fact: FactId, member: Option<usize>, val: Val) {
        let row = match (FACTS[fact].scope, member) {
            (Scope::Household, _) => &mut self.household,
            (Scope::Member, Some(m)) if m < self.members.len() => &mut self.members[m],
            _ => return,
        };
        row[fact] = val;
        if val != Val::Bool(true) {
            for child in facts::children(fact) {
                row[child] = Val::Unknown;
            }
        }
    }

    /// Adds a member with the given role; `None` when the household is full.
    pub fn add_member(&mut self, role: &str) -> Option<usize> {
        if self.members.len() >= MAX_MEMBERS {
            return None;
        }
        let mut row = blank_row();
        row[facts::ROLE] = sym(facts::ROLE, role).unwrap_or(Val::Unknown);
        self.members.push(row);
        Some(self.members.len() - 1)
    }

    pub fn remove_member(&mut self, index: usize) {
        if index < self.members.len() {
            self.members.remove(index);
        }
    }

    /// Reads profile JSON. Fails only when nothing can be used (not JSON,
    /// not an object, wrong version); every other bad field is dropped and
    /// reported, so the good answers are kept.
    pub fn from_json(text: &str) -> Result<Parsed, Fatal> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            Fatal(issue("", format!("不是有效的 JSON（第 {} 行第 {} 列）", e.line(), e.column()), format!("not valid JSON ({e})")))
        })?;
        Self::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Parsed, Fatal> {
        let obj = value.as_object().ok_or_else(|| Fatal(issue("", "资料应是一个 JSON 对象", "the profile must be a JSON object")))?;
        match obj.get("v") {
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => return Err(Fatal(issue("v", format!("版本号是 {v}，本指南只认识版本 1"), format!("version {v} is not supported; expected 1")))),
            None => return Err(Fatal(issue("v", "缺少版本号 v（应为 1）", "missing version \"v\" (expected 1)"))),
        }
        let mut issues = Vec::new();
        let mut profile = Profile::default();
        for (key, _) in obj.iter().filter(|(k, _)| !matches!(k.as_str(), "v" | "household" | "members")) {
            issues.push(issue(key.clone(), format!("不认识的字段“{key}”，已忽略"), format!("unknown field \"{key}\" ignored")));
        }
        match obj.get("household") {
            None | Some(Value::Null) => {}
            Some(Value::Object(h)) => read_row(h, Scope::Household, "household", &mut profile.household, &mut issues),
            Some(_) => issues.push(issue("household", "household 应是一个对象，已忽略", "\"household\" must be an object; ignored")),
        }
        match obj.get("members") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                if list.len() > MAX_MEMBERS {
                    issues.push(too_many(list.len()));
                }
                for (i, m) in list.iter().take(MAX_MEMBERS).enumerate() {
                    let path = format!("members[{i}]");
                    let mut row = blank_row();
                    match m {
                        Value::Object(o) => read_row(o, Scope::Member, &path, &mut row, &mut issues),
                        _ => issues.push(issue(path.clone(), format!("第 {} 位家庭成员的资料应是一个对象", i + 1), format!("{path} must be an object"))),
                    }
                    profile.members.push(row);
                }
            }
            Some(_) => issues.push(issue("members", "members 应是一个列表，已忽略", "\"members\" must be a list; ignored")),
        }
        Ok(Parsed { profile, issues })
    }

    /// The profile as contract JSON; unknown facts are left out.
    pub fn to_value(&self) -> Value {
        let mut root = Map::new();
        root.insert("v".into(), Value::from(VERSION));
        let household = write_row(&self.household, Scope::Household);
        if !household.is_empty() {
            root.insert("household".into(), Value::Object(household));
        }
        if !self.members.is_empty() {
            let members = self.members.iter().map(|row| Value::Object(write_row(row, Scope::Member))).collect();
            root.insert("members".into(), Value::Array(members));
        }
        Value::Object(root)
    }

    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }
}

/// The value `name` of enum fact `fact`.
pub fn sym(fact: FactId, name: &str) -> Option<Val> {
    match FACTS[fact].kind {
        Kind::Enum { values, .. } => values.iter().position(|v| *v == name).map(|i| Val::Sym(i as u8)),
        _ => None,
    }
}

fn is_unknown(v: &Value) -> bool {
    v.is_null() || v.as_str() == Some("unknown")
}

fn read_row(obj: &Map<String, Value>, scope: Scope, path: &str, row: &mut Row, issues: &mut Vec<Issue>) {
    for (key, value) in obj {
        let here = format!("{path}.{key}");
        let Some(id) = facts::find(key).filter(|&id| FACTS[id].scope == scope && FACTS[id].parent.is_none()) else {
            issues.push(issue(here.clone(), format!("不认识的字段“{key}”，已忽略"), format!("unknown field {here} ignored")));
            continue;
        };
        if is_unknown(value) {
            continue;
        }
        let has_children = facts::children(id).next().is_some();
        match (has_children, value) {
            (true, Value::Object(sub)) => {
                row[id] = Val::Bool(true);
                for (sub_key, sub_value) in sub {
                    let sub_path = format!("{here}.{sub_key}");
                    let child = facts::find(&format!("{key}.{sub_key}"));
                    match child {
                        Some(c) if !is_unknown(sub_value) => match read_value(c, sub_value) {
                            Ok(v) => row[c] = v,
                            Err((zh, en)) => issues.push(field_issue(&sub_path, c, zh, en)),
                        },
                        Some(_) => {}
                        None => issues.push(issue(sub_path.clone(), format!("不认识的字段“{sub_key}”，已忽略"), format!("unknown field {sub_path} ignored"))),
                    }
                }
            }
            _ => match read_value(id, value) {
                Ok(v) => row[id] = v,
                Err((zh, en)) => issues.push(field_issue(&here, id, zh, en)),
            },
        }
    }
}

/// More members than a household may have: the first are kept.
fn too_many(count: usize) -> Issue {
    issue("members", format!("家庭成员最多 {MAX_MEMBERS} 人，收到 {count} 人，只保留前 {MAX_MEMBERS} 人"),
        format!("at most {MAX_MEMBERS} members; got {count}, kept the first {MAX_MEMBERS}"))
}

/// Names the field the way a resident knows it: "第2位家庭成员的“年龄”".
fn field_issue(path: &str, fact: FactId, zh: String, en: String) -> Issue {
    let label = FACTS[fact].label;
    let who = member_index(path).map(|i| format!("第 {} 位家庭成员的", i + 1)).unwrap_or_default();
    issue(path, format!("{who}“{}”{zh}，已忽略", label.zh), format!("{}: {en}", label.en))
}

fn member_index(path: &str) -> Option<usize> {
    path.strip_prefix("members[")?.split(']').next()?.parse().ok()
}

fn read_value(id: FactId, value: &Value) -> Result<Val, (String, String)> {
    let shown = value.to_string();
    match FACTS[id].kind {
        Kind::Bool => value.as_bool().map(Val::Bool).ok_or_else(|| (format!("应为 是/否（true/false），收到 {shown}"), format!("expected true or false, got {shown}"))),
        Kind::Int { min, max, .. } => match value.as_i64() {
            Some(n) if (min..=max).contains(&n) => Ok(Val::Int(n)),
            _ => Err((format!("应是 {min} 到 {max} 之间的整数，收到 {shown}"), format!("expected a whole number from {min} to {max}, got {shown}"))),
        },
        Kind::Enum { values, .. } => value
            .as_str()
            .and_then(|s| values.iter().position(|v| *v == s))
            .map(|i| Val::Sym(i as u8))
            .ok_or_else(|| (format!("的值 {shown} 不在可选范围内（{}）", values.join("、")), format!("{shown} is not one of {}", values.join(", ")))),
        Kind::Set { values, .. } => {
            let list = value.as_array().ok_or_else(|| (format!("应是一个列表，收到 {shown}"), format!("expected a list, got {shown}")))?;
            let mut bits = 0u16;
            for item in list {
                let i = item.as_str().and_then(|s| values.iter().position(|v| *v == s)).ok_or_else(|| {
                    (format!("中的 {item} 不在可选范围内（{}）", values.join("、")), format!("{item} is not one of {}", values.join(", ")))
                })?;
                bits |= 1 << i;
            }
            Ok(Val::Set(bits))
        }
    }
}

fn write_value(id: FactId, val: Val) -> Option<Value> {
    match (FACTS[id].kind, val) {
        (_, Val::Unknown) => None,
        (Kind::Bool, Val::Bool(b)) => Some(Value::Bool(b)),
        (Kind::Int { .. }, Val::Int(n)) => Some(Value::from(n)),
        (Kind::Enum { values, .. }, Val::Sym(i)) => values.get(i as usize).map(|s| Value::from(*s)),
        (Kind::Set { values, .. }, Val::Set(bits)) => {
            Some(Value::Array(values.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, s)| Value::from(*s)).collect()))
        }
        _ => None,
    }
}

fn write_row(row: &Row, scope: Scope) -> Map<String, Value> {
    let mut out = Map::new();
    for (id, fact) in FACTS.iter().enumerate().filter(|(_, f)| f.scope == scope && f.parent.is_none()) {
        // Details (disability.grade) are written inside a fact that is "yes".
        let value = match row[id] {
            Val::Bool(true) if facts::children(id).next().is_some() => {
                let sub: Map<String, Value> = facts::children(id)
                    .filter_map(|c| write_value(c, row[c]).map(|v| (FACTS[c].key.rsplit('.').next().unwrap_or_default().to_string(), v)))
                    .collect();
                Some(Value::Object(sub))
            }
            v => write_value(id, v),
        };
        if let Some(v) = value {
            out.insert(fact.key.to_string(), v);
        }
    }
    out
}

#[cfg(test)]
mod tests;
