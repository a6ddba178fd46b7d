//! The rule language policy staff write in the catalog, e.g.
//!
//! ```text
//! age < 3 and hukou in [local_urban, local_rural]
//! support_status in [dibao, low_income] and housing == difficulty
//! someone(age >= 60 and self_care != independent)
//! ```
//!
//! `and`, `or`, `not`, parentheses; `==`, `!=`, `<`, `<=`, `>`, `>=`, `in [..]`
//! on a fact; a yes/no fact alone means "is yes"; `someone(...)` is true when
//! some household member satisfies it. Names are the profile's field names,
//! so a rule can only ever name a fact the profile has: the parser checks
//! every name and every value against `profile::facts`.

use crate::profile::facts::{self, FactId, Kind, Scope, FACTS};

#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    Someone(Box<Rule>),
    Test(Test),
    Const(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Test {
    pub fact: FactId,
    pub cond: Cond,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    /// A yes/no fact is yes.
    Yes,
    Cmp(Op, i64),
    /// Enum value, or small whole number (bit `n - min`), is one of these.
    OneOf(u64),
    /// A list fact has at least one of these.
    Overlaps(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at character {}: {}", self.at, self.message)
    }
}

impl Rule {
    /// Parses a rule for a service that is per person (`Scope::Member`: member
    /// facts are that person's) or per household (member facts only inside
    /// `someone(...)`).
    pub fn parse(src: &str, scope: Scope) -> Result<Rule, ParseError> {
        let mut p = Parser { toks: lex(src)?, pos: 0, scope, in_someone: false, depth: 0 };
        let rule = p.or()?;
        match p.toks.get(p.pos) {
            None => Ok(rule),
            Some((at, tok)) => Err(ParseError { at: *at, message: format!("unexpected `{tok}`") }),
        }
    }
}

fn lex(src: &str) -> Result<Vec<(usize, String)>, ParseError> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            let start = i;
            while i < chars.len() && (chars[i].1.is_ascii_alphanumeric() || matches!(chars[i].1, '_' | '.' | '-')) {
                i += 1;
            }
            toks.push((at, chars[start..i].iter().map(|(_, c)| c).collect()));
        } else if matches!(c, '<' | '>' | '=' | '!') {
            let two = chars.get(i + 1).is_some_and(|(_, n)| *n == '=');
            let tok: String = if two { format!("{c}=") } else { c.to_string() };
            if tok == "=" || tok == "!" {
                return Err(ParseError { at, message: format!("`{tok}` is not an operator; use `==` or `!=`") });
            }
            i += tok.len();
            toks.push((at, tok));
        } else if matches!(c, '(' | ')' | '[' | ']' | ',') {
            toks.push((at, c.to_string()));
            i += 1;
        } else {
            return Err(ParseError { at, message: format!("unexpected character `{c}`") });
        }
    }
    Ok(toks)
}

struct Parser {
    toks: Vec<(usize, String)>,
    pos: usize,
    scope: Scope,
    in_someone: bool,
    /// How deep in brackets and `not`s: a rule is written by people, and a
    /// bound keeps a hostile one from exhausting the stack.
    depth: usize,
}

/// Deeper than any rule a person writes (the catalog's deepest is 4).
const MAX_DEPTH: usize = 32;

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.pos).map(|(_, t)| t.as_str())
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(usize::MAX, |(a, _)| *a)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { at: self.at(), message: message.into() })
    }

    fn next(&mut self) -> Result<String, ParseError> {
        match self.toks.get(self.pos) {
            Some((_, t)) => {
                self.pos += 1;
                Ok(t.clone())
            }
            None => self.err("the rule ends too early"),
        }
    }

    fn expect(&mut self, tok: &str) -> Result<(), ParseError> {
        if self.peek() == Some(tok) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(format!("expected `{tok}`"))
        }
    }

    fn list(&mut self, word: &str, sub: fn(&mut Self) -> Result<Rule, ParseError>, make: fn(Vec<Rule>) -> Rule) -> Result<Rule, ParseError> {
        let mut items = vec![sub(self)?];
        while self.peek() == Some(word) {
            self.pos += 1;
            items.push(sub(self)?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { make(items) })
    }

    fn or(&mut self) -> Result<Rule, ParseError> {
        self.list("or", Self::and, Rule::Any)
    }

    fn and(&mut self) -> Result<Rule, ParseError> {
        self.list("and", Self::unary, Rule::All)
    }

    fn unary(&mut self) -> Result<Rule, ParseError> {
        if self.depth >= MAX_DEPTH {
            return self.err("the rule is nested too deeply");
        }
        self.depth += 1;
        let rule = self.unary_inner();
        self.depth -= 1;
        rule
    }

    fn unary_inner(&mut self) -> Result<Rule, ParseError> {
        match self.peek() {
            Some("not") => {
                self.pos += 1;
                Ok(Rule::Not(Box::new(self.unary()?)))
            }
            Some("(") => {
                self.pos += 1;
                let r = self.or()?;
                self.expect(")")?;
                Ok(r)
            }
            Some("someone") => {
                if self.in_someone {
                    return self.err("`someone` cannot be nested");
                }
                self.pos += 1;
                self.expect("(")?;
                self.in_someone = true;
                let r = self.or()?;
                self.in_someone = false;
                self.expect(")")?;
                Ok(Rule::Someone(Box::new(r)))
            }
            Some("true") | Some("false") => Ok(Rule::Const(self.next()? == "true")),
            _ => self.test(),
        }
    }

    fn test(&mut self) -> Result<Rule, ParseError> {
        let at = self.at();
        let name = self.next()?;
        let fact = facts::find(&name).ok_or_else(|| ParseError { at, message: format!("`{name}` is not a fact of the household profile") })?;
        if FACTS[fact].scope == Scope::Member && self.scope == Scope::Household && !self.in_someone {
            return Err(ParseError { at, message: format!("`{name}` is about one person; in a household rule use someone({name} ...)") });
        }
        let kind = FACTS[fact].kind;
        let op = match self.peek() {
            Some("==") => Op::Eq,
            Some("!=") => Op::Ne,
            Some("<") => Op::Lt,
            Some("<=") => Op::Le,
            Some(">") => Op::Gt,
            Some(">=") => Op::Ge,
            Some("in") => {
                self.pos += 1;
                return self.membership(fact, kind);
            }
            _ if matches!(kind, Kind::Bool) => return Ok(Rule::Test(Test { fact, cond: Cond::Yes })),
            _ => return self.err(format!("`{name}` needs a comparison, e.g. `{name} == ...`")),
        };
        self.pos += 1;
        let vat = self.at();
        let value = self.next()?;
        let verr = |m: String| ParseError { at: vat, message: m };
        let yes = Rule::Test(Test { fact, cond: Cond::Yes });
        Ok(match (kind, op) {
            (Kind::Bool, Op::Eq | Op::Ne) => {
                let want = match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(verr(format!("`{name}` is yes/no: compare with true or false"))),
                };
                if want == (op == Op::Eq) { yes } else { Rule::Not(Box::new(yes)) }
            }
            (Kind::Int { min, max, .. }, _) => {
                let n: i64 = value.parse().map_err(|_| verr(format!("`{value}` is not a whole number")))?;
                if !(min..=max).contains(&n) {
                    return Err(verr(format!("{n} is outside {min}..={max} for `{name}`")));
                }
                Rule::Test(Test { fact, cond: Cond::Cmp(op, n) })
            }
            (Kind::Enum { values, .. }, Op::Eq | Op::Ne) => {
                let bit = enum_bit(values, &value).ok_or_else(|| verr(format!("`{value}` is not a value of `{name}` ({})", values.join(", "))))?;
                let mask = if op == Op::Eq { bit } else { full(values.len()) & !bit };
                Rule::Test(Test { fact, cond: Cond::OneOf(mask) })
            }
            _ => return Err(verr(format!("`{name}` cannot be compared that way"))),
        })
    }

    fn membership(&mut self, fact: FactId, kind: Kind) -> Result<Rule, ParseError> {
        self.expect("[")?;
        let mut mask = 0u64;
        loop {
            let at = self.at();
            let value = self.next()?;
            let bit = match kind {
                Kind::Enum { values, .. } | Kind::Set { values, .. } => enum_bit(values, &value),
                Kind::Int { min, max, .. } if max - min < 64 => value.parse::<i64>().ok().filter(|n| (min..=max).contains(n)).map(|n| 1u64 << (n - min)),
                _ => None,
            };
            mask |= bit.ok_or_else(|| ParseError { at, message: format!("`{value}` is not a value of `{}`", FACTS[fact].key) })?;
            match self.next()?.as_str() {
                "," => continue,
                "]" => break,
                t => return Err(ParseError { at, message: format!("expected `,` or `]`, found `{t}`") }),
            }
        }
        let cond = if matches!(kind, Kind::Set { .. }) { Cond::Overlaps(mask) } else { Cond::OneOf(mask) };
        Ok(Rule::Test(Test { fact, cond }))
    }
}

fn enum_bit(values: &[&str], value: &str) -> Option<u64> {
    values.iter().position(|v| *v == value).map(|i| 1u64 << i)
}

fn full(n: usize) -> u64 {
    (1u64 << n) - 1
}
