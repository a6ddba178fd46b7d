//! A page's choices as answers and back (issue 18): what the browser's
//! question form and the native walk both go through.

use super::{Answer, Form, Session};
use crate::profile::facts::{FactId, Kind, Scope, FACTS};
use crate::profile::Val;

/// What a resident gave on a page of choices: one value, the boxes ticked
/// (bit `i` for the page's `i`th choice), or "不确定".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Value(Val),
    Ticks(u64),
    Unsure,
}

impl Form {
    /// A page of boxes to tick rather than one choice to make.
    pub fn ticks(&self) -> bool {
        match self {
            Form::One { facts, .. } => facts.len() > 1 || matches!(FACTS[facts[0]].kind, Kind::Set { .. }),
            Form::Anyone { .. } | Form::Whom { .. } => true,
            Form::Rows { .. } => false,
        }
    }
}

impl Session {
    /// Takes a page's reply. (A page of rows takes one answer per row.)
    pub fn reply(&mut self, form: &Form, reply: Reply) {
        let bit = |bits: u64, i: usize| bits & 1 << i != 0;
        match (form, reply) {
            (Form::One { facts, member }, Reply::Unsure) => facts.iter().for_each(|&f| self.answer(f, *member, Answer::Unsure)),
            (Form::One { facts, member }, Reply::Value(v)) => self.answer(facts[0], *member, Answer::Value(v)),
            (Form::One { facts, member }, Reply::Ticks(bits)) if matches!(FACTS[facts[0]].kind, Kind::Set { .. }) => {
                self.answer(facts[0], *member, Answer::Value(Val::Set(bits as u16)));
            }
            (Form::One { facts, member }, Reply::Ticks(bits)) => facts.iter().enumerate().for_each(|(i, &f)| self.answer(f, *member, Answer::Value(Val::Bool(bit(bits, i))))),
            (Form::Anyone { facts }, Reply::Ticks(bits)) => self.answer_anyone(facts, Some(&(0..facts.len()).map(|i| bit(bits, i)).collect::<Vec<_>>())),
            (Form::Anyone { facts }, _) => self.answer_anyone(facts, None),
            (Form::Whom { fact, members }, Reply::Ticks(bits)) => {
                let chosen: Vec<usize> = members.iter().enumerate().filter(|&(i, _)| bit(bits, i)).map(|(_, &m)| m).collect();
                self.answer_whom(*fact, Some(&chosen));
            }
            (Form::Whom { fact, .. }, _) => self.answer_whom(*fact, None),
            (Form::Rows { .. }, _) => {}
        }
    }

    /// The reply given to a page before (back, 修改), to show it again.
    pub fn replied(&self, form: &Form) -> Option<Reply> {
        // Each choice of the page: ticked, not ticked, not sure, or not answered.
        let choices: Vec<Option<Answer>> = match form {
            Form::One { facts, member } if !form.ticks() => return self.current(facts[0], *member).map(|a| if let Answer::Value(v) = a { Reply::Value(v) } else { Reply::Unsure }),
            Form::One { facts, member } if facts.len() == 1 => {
                return self.current(facts[0], *member).map(|a| match a {
                    Answer::Value(Val::Set(bits)) => Reply::Ticks(u64::from(bits)),
                    _ => Reply::Unsure,
                })
            }
            Form::One { facts, member } => facts.iter().map(|&f| self.current(f, *member)).collect(),
            Form::Anyone { facts } => facts.iter().map(|&f| self.situation(f)).collect(),
            Form::Whom { fact, members } => members.iter().map(|&m| self.current(*fact, Some(m))).collect(),
            Form::Rows { .. } => return None,
        };
        let yes = Some(Answer::Value(Val::Bool(true)));
        let bits = choices.iter().enumerate().filter(|(_, c)| **c == yes).fold(0, |b, (i, _)| b | 1 << i);
        if choices.iter().all(|c| *c == Some(Answer::Unsure)) {
            Some(Reply::Unsure)
        } else if bits != 0 || choices.iter().all(Option::is_some) {
            Some(Reply::Ticks(bits))
        } else {
            None
        }
    }

    /// A situation as answered for the household: someone has it, nobody
    /// has it, not sure, or not answered yet.
    fn situation(&self, fact: FactId) -> Option<Answer> {
        if FACTS[fact].scope == Scope::Household {
            return self.current(fact, None);
        }
        let answers: Vec<Option<Answer>> = self.targets(fact).into_iter().map(|m| self.current(fact, Some(m))).collect();
        let yes = Answer::Value(Val::Bool(true));
        if self.ticked.contains(&fact) || answers.contains(&Some(yes)) {
            Some(yes)
        } else if !answers.is_empty() && answers.iter().all(|a| *a == Some(Answer::Unsure)) {
            Some(Answer::Unsure)
        } else if !answers.is_empty() && answers.iter().all(Option::is_some) {
            Some(Answer::Value(Val::Bool(false)))
        } else {
            None
        }
    }
}
