use super::*;
use crate::catalog::Catalog;
use crate::profile::facts::find;

fn catalog() -> Catalog {
    Catalog::embedded().unwrap()
}

#[test]
fn a_new_session_starts_with_the_person_answering() {
    let s = Session::new();
    assert_eq!(s.answers.members.len(), 1);
    assert_eq!(s.answers.get(find("role").unwrap(), Some(0)), crate::profile::sym(find("role").unwrap(), "self").unwrap());
}

#[test]
fn unsure_is_kept_and_never_asked_again() {
    let c = catalog();
    let mut s = Session::new();
    let first = s.next_question(&c).expect("something to ask");
    s.answer(first.fact, first.member, Answer::Unsure);
    assert_eq!(s.current(first.fact, first.member), Some(Answer::Unsure));
    assert!(s.pending(&c).iter().all(|a| (a.fact, a.member) != (first.fact, first.member)));
}

#[test]
fn answering_everything_unsure_ends_the_questions() {
    let c = catalog();
    let mut s = Session::new();
    s.add_member("child");
    let mut steps = 0;
    while let Some(a) = s.next_question(&c) {
        s.answer(a.fact, a.member, Answer::Unsure);
        steps += 1;
        assert!(steps < 200, "the questionnaire must end");
    }
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

#[test]
fn a_life_event_narrows_the_questions() {
    let c = catalog();
    let pregnant = find("pregnant").unwrap();
    let asks_pregnancy = |event| {
        let mut s = Session::new();
        s.answer(find("age").unwrap(), Some(0), Answer::Value(Val::Int(30)));
        s.answer(find("sex").unwrap(), Some(0), Answer::Value(crate::profile::sym(find("sex").unwrap(), "female").unwrap()));
        s.event = event;
        s.pending(&c).iter().any(|a| a.fact == pregnant)
    };
    assert!(asks_pregnancy(Some(LifeEvent::Baby)));
    assert!(!asks_pregnancy(Some(LifeEvent::Veteran)));
}

#[test]
fn yes_no_facts_share_a_page() {
    let c = catalog();
    let mut s = Session::new();
    s.answer(find("age").unwrap(), Some(0), Answer::Value(Val::Int(30)));
    let returnee = find("returnee").unwrap();
    let page = s.page(&c, returnee, Some(0), false).facts;
    assert!(page.len() > 3 && page.contains(&find("labour_dispute").unwrap()), "{page:?}");
    // A child is not asked work questions: they do not apply.
    s.add_member("child");
    s.answer(find("age").unwrap(), Some(1), Answer::Value(Val::Int(4)));
    assert_eq!(s.page(&c, find("orphan").unwrap(), Some(1), false).facts.len(), 4);
    assert_eq!(s.page(&c, returnee, Some(1), true).facts, vec![returnee], "only the fact itself when the rest do not apply");
    // Answered facts of a group are not asked again, except when editing.
    s.answer(find("labour_dispute").unwrap(), Some(0), Answer::Value(Val::Bool(true)));
    assert!(!s.page(&c, returnee, Some(0), false).facts.contains(&find("labour_dispute").unwrap()));
    assert!(s.page(&c, returnee, Some(0), true).facts.contains(&find("labour_dispute").unwrap()));
    // Pages, not facts, are counted.
    assert!(s.page(&c, returnee, Some(0), false).pages_left < s.pending(&c).len());
}
