//! The session on its own; the questionnaire over the real catalog is
//! tested in `guide-catalog`'s tests/questionnaire.rs.

use super::*;
use crate::profile::facts::find;

#[test]
fn a_new_session_starts_with_the_person_answering() {
    let s = Session::new();
    assert_eq!(s.answers.members.len(), 1);
    assert_eq!(s.answers.get(find("role").unwrap(), Some(0)), crate::profile::sym(find("role").unwrap(), "self").unwrap());
}

#[test]
fn prefill_fills_only_what_is_not_answered() {
    let mut s = Session::new();
    let age = find("age").unwrap();
    s.answer(age, Some(0), Answer::Value(Val::Int(40)));
    // {"v":1,"members":[{"age":70},{"role":"child","age":3}]}
    let frag = share::encode_p(&Profile::from_json(r#"{"v":1,"members":[{"age":70},{"role":"child","age":3}]}"#).unwrap().profile);
    assert_eq!(s.prefill(&frag), Some(true));
    assert_eq!(s.answers.get(age, Some(0)), Val::Int(40), "given answers are kept");
    assert_eq!(s.answers.get(age, Some(1)), Val::Int(3));
    assert!(s.notices.is_empty());
    assert_eq!(s.prefill("p=!!!"), Some(false));
    assert_eq!(s.prefill("#/elsewhere"), None);
    assert_eq!(s.notices.len(), 1, "a bad link is reported");
    assert_eq!(s.answers.get(age, Some(1)), Val::Int(3), "and loses nothing");
}

#[test]
fn a_session_is_blank_until_something_is_answered() {
    let age = find("age").unwrap();
    assert!(Session::new().is_blank());
    let mut answered = Session::new();
    answered.answer(age, Some(0), Answer::Value(Val::Int(40)));
    assert!(!answered.is_blank());
    let mut unsure = Session::new();
    unsure.answer(age, Some(0), Answer::Unsure);
    assert!(!unsure.is_blank(), "不确定 is an answer too");
    let mut household = Session::new();
    household.add_member("child");
    assert!(!household.is_blank(), "so is who lives in the household");
}

#[test]
fn removing_a_member_moves_later_answers() {
    let mut s = Session::new();
    s.add_member("spouse");
    s.add_member("child");
    let age = find("age").unwrap();
    s.answer(age, Some(2), Answer::Unsure);
    s.remove_member(1);
    assert_eq!(s.current(age, Some(1)), Some(Answer::Unsure));
    s.remove_member(0);
    assert_eq!(s.answers.members.len(), 2, "the person answering stays");
}
