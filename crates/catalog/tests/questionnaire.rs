//! The questionnaire over the real catalog: what is asked, in which order,
//! and on which page.

use guide_core::profile::facts::find;
use guide_core::profile::{sym, Val};
use guide_core::questionnaire::{Answer, LifeEvent, Session};
use guide_catalog::{cases, load};
use guide_core::engine::eval::Tri;
use guide_core::engine::Evaluation;

fn catalog() -> guide_core::catalog::Catalog {
    load().unwrap()
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
fn a_life_event_narrows_the_questions() {
    let c = catalog();
    let pregnant = find("pregnant").unwrap();
    let asks_pregnancy = |event| {
        let mut s = Session::new();
        s.answer(find("age").unwrap(), Some(0), Answer::Value(Val::Int(30)));
        s.answer(find("sex").unwrap(), Some(0), Answer::Value(sym(find("sex").unwrap(), "female").unwrap()));
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

#[test]
fn a_household_answering_truthfully_gets_every_result_its_profile_decides() {
    // Walks every household case through the real page policy: nothing
    // that decides a result is left unasked.
    let c = catalog();
    for case in cases::all().unwrap() {
        let truth = case.household().unwrap();
        let (session, pages) = Session::answered_from(&c, &truth, None);
        assert!(pages < 200, "{}: {pages} pages", case.name);
        let (want, got) = (Evaluation::new(&c, &truth), session.evaluate(&c));
        for (w, g) in want.outcomes.iter().zip(&got.outcomes) {
            if w.rule != Tri::Unknown {
                assert_eq!(g.rule, w.rule, "{}: {} for member {:?} after {pages} pages", case.name, c.services[w.service].id, w.member);
            }
        }
    }
}
