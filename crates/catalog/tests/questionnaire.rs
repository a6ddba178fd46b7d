//! The questionnaire over the real catalog: what is asked, in which order,
//! and on which page.

use guide_core::profile::facts::find;
use guide_core::profile::{sym, Val};
use guide_core::questionnaire::{About, Answer, Form, LifeEvent, Page, Reply, Session};
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
    let first = s.pending(&c)[0];
    s.answer(first.fact, first.member, Answer::Unsure);
    assert_eq!(s.current(first.fact, first.member), Some(Answer::Unsure));
    assert!(s.pending(&c).iter().all(|a| (a.fact, a.member) != (first.fact, first.member)));
}

/// Answers a page "不确定" (on a checklist page, that is what it offers too).
fn unsure(s: &mut Session, form: Form) {
    match form {
        Form::One { facts, member } => facts.into_iter().for_each(|f| s.answer(f, member, Answer::Unsure)),
        Form::Rows { rows } => rows.into_iter().for_each(|(f, m)| s.answer(f, m, Answer::Unsure)),
        Form::Anyone { facts } => s.answer_anyone(&facts, None),
        Form::Whom { fact, .. } => s.answer_whom(fact, None),
    }
}

#[test]
fn answering_everything_unsure_ends_the_questions() {
    let c = catalog();
    let mut s = Session::new();
    s.add_member("child");
    let mut steps = 0;
    while let Some((fact, about)) = s.next_page(&c) {
        let form = s.page(&c, fact, about, false).expect("the next page asks something").form;
        unsure(&mut s, form);
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
    let facts = |s: &Session, fact, m, editing| match s.page(&c, fact, About::Member(m), editing).map(|p| p.form) {
        Some(Form::One { facts, .. }) => facts,
        other => panic!("{other:?}"),
    };
    let page = facts(&s, returnee, 0, false);
    assert!(page.len() > 3 && page.contains(&find("labour_dispute").unwrap()), "{page:?}");
    // A child is not asked work questions: they do not apply.
    s.add_member("child");
    s.answer(find("age").unwrap(), Some(1), Answer::Value(Val::Int(4)));
    assert_eq!(facts(&s, find("orphan").unwrap(), 1, false).len(), 4);
    assert_eq!(facts(&s, returnee, 1, true), vec![returnee], "only the fact itself when the rest do not apply");
    // Answered facts of a group are not asked again, except when editing.
    s.answer(find("labour_dispute").unwrap(), Some(0), Answer::Value(Val::Bool(true)));
    assert!(!facts(&s, returnee, 0, false).contains(&find("labour_dispute").unwrap()));
    assert!(facts(&s, returnee, 0, true).contains(&find("labour_dispute").unwrap()));
}

#[test]
fn a_question_every_member_answers_is_one_page_with_a_row_each() {
    let c = catalog();
    let mut s = Session::new();
    s.add_member("spouse");
    s.add_member("child");
    let age = find("age").unwrap();
    assert_eq!(s.next_page(&c), Some((age, About::Everyone)), "age first: it decides what else is worth asking");
    assert_eq!(s.page(&c, age, About::Everyone, false).unwrap().form, Form::Rows { rows: vec![(age, Some(0)), (age, Some(1)), (age, Some(2))] });
    s.answer(age, Some(0), Answer::Value(Val::Int(35)));
    s.answer(age, Some(2), Answer::Value(Val::Int(6)));
    assert_eq!(s.page(&c, age, About::Everyone, false).unwrap().form, Form::Rows { rows: vec![(age, Some(1))] }, "only whom it is still open for");
}

#[test]
fn the_household_is_asked_once_about_rare_situations_then_who() {
    let c = catalog();
    let mut s = Session::new();
    for role in ["spouse", "child"] {
        s.add_member(role);
    }
    for (m, years) in [35, 36, 8].into_iter().enumerate() {
        s.answer(find("age").unwrap(), Some(m), Answer::Value(Val::Int(years)));
    }
    let disability = find("disability").unwrap();
    let Some(Page { form: Form::Anyone { facts }, .. }) = s.page(&c, disability, About::Anyone, false) else { panic!("a household page") };
    assert!(facts.contains(&disability));
    // Nobody: "no" for everyone, in one tick.
    let mut nobody = s.clone();
    nobody.answer_anyone(&facts, Some(&vec![false; facts.len()]));
    assert!(nobody.candidates(disability).is_empty());
    assert!(nobody.answers.members.iter().enumerate().all(|(m, _)| nobody.answers.get(disability, Some(m)) == Val::Bool(false)));
    // Someone: then who, among those it can be.
    let ticks: Vec<bool> = facts.iter().map(|&f| f == disability).collect();
    s.answer_anyone(&facts, Some(&ticks));
    assert_eq!(s.next_page(&c), Some((disability, About::Whom)));
    assert_eq!(s.page(&c, disability, About::Whom, false).unwrap().form, Form::Whom { fact: disability, members: vec![0, 1, 2] });
    s.answer_whom(disability, Some(&[2]));
    assert_eq!(s.answers.get(disability, Some(2)), Val::Bool(true));
    assert_eq!(s.answers.get(disability, Some(0)), Val::Bool(false));
    assert!(s.ticked.is_empty());
    // Ticked, then nobody named: every "no", nothing contradictory kept.
    let mut none = nobody.clone();
    none.answers.members.iter_mut().for_each(|row| row[disability] = Val::Unknown);
    none.answer_anyone(&facts, Some(&ticks));
    none.answer_whom(disability, Some(&[]));
    assert!(none.ticked.is_empty() && none.candidates(disability).is_empty());
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

#[test]
fn every_case_fits_the_page_budgets_of_issue_18() {
    // Pages after the household page, answering truthfully: a full check
    // for one adult ≤ 10, for a household of up to four ≤ 16, for any ≤ 22;
    // each life event ≤ 6 for a household of up to four.
    let c = catalog();
    for case in cases::all().unwrap() {
        let truth = case.household().unwrap();
        let members = truth.members.len().max(1);
        let (_, pages) = Session::answered_from(&c, &truth, None);
        let budget = match members {
            1 => 10,
            2..=4 => 16,
            _ => 22,
        };
        assert!(pages <= budget, "{}: {pages} pages for a full check, budget {budget}", case.name);
        for event in LifeEvent::ALL.into_iter().filter(|_| members <= 4) {
            let (_, pages) = Session::answered_from(&c, &truth, Some(event));
            assert!(pages <= 6, "{}: {pages} pages for {event:?}, budget 6", case.name);
        }
    }
}

#[test]
fn an_answer_a_changed_age_rules_out_is_taken_away_and_said() {
    let c = catalog();
    let mut s = Session::new();
    s.add_member("spouse");
    let (age, sex, pregnant) = (find("age").unwrap(), find("sex").unwrap(), find("pregnant").unwrap());
    s.answer(age, Some(1), Answer::Value(Val::Int(30)));
    s.answer(sex, Some(1), Answer::Value(sym(sex, "female").unwrap()));
    s.answer(pregnant, Some(1), Answer::Value(Val::Bool(true)));
    assert!(s.notices.is_empty());
    s.answer(age, Some(1), Answer::Value(Val::Int(70)));
    assert_eq!(s.current(pregnant, Some(1)), None, "no pregnancy kept for a 70-year-old");
    assert_eq!(s.notices.len(), 1);
    assert!(s.notices[0].message.zh.contains("正在怀孕"), "{:?}", s.notices[0]);
    assert_eq!(s.evaluate(&c).view.profile.get(pregnant, Some(1)), Val::Bool(false));
    // Removing the person a situation was ticked for leaves no tick behind.
    let disability = find("disability").unwrap();
    let mut t = Session::new();
    t.add_member("spouse");
    t.add_member("child");
    t.answer_anyone(&[disability], Some(&[true]));
    assert_eq!(t.ticked, vec![disability]);
    t.remove_member(2);
    t.remove_member(1);
    assert_ne!(t.next_page(&c), Some((disability, About::Whom)), "one person left: no 是谁 page");
    // The tick shows on the household page again, and then is theirs.
    let Some(Page { form: form @ Form::Anyone { .. }, .. }) = t.page(&c, disability, About::Anyone, false) else { panic!("the situations page") };
    let Form::Anyone { facts } = &form else { unreachable!() };
    let at = facts.iter().position(|&f| f == disability).unwrap();
    assert!(matches!(t.replied(&form), Some(Reply::Ticks(bits)) if bits & 1 << at != 0));
}
