//! Check answers (GOV.UK pattern): every answer in plain words with a
//! 修改 link that comes back here. The same list sits on the results page,
//! where 修改 opens the question in place and the results update at once.

use super::app::{ctx, tr, Notices};
use super::i18n::msg;
use super::question::QuestionForm;
use guide_core::questionnaire::About;
use guide_core::engine::explain::{people, person, value_text};
use guide_core::profile::facts::{FactId, FACTS};
use guide_core::questionnaire::{Answer, Session};
use crate::route::{Back, Route};
use guide_core::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <Notices/>
        <h1>{tr(|m| m.check_title)}</h1>
        <AnswerList back=Back::Check/>
        <p><a href="/results" class="button">{tr(|m| m.check_results)}</a></p>
        <super::handoff::HandOff/>
    }
}

/// Every answer with a 修改 control that returns to `back`. On the results
/// page 修改 opens the question under its row and the results update in
/// place. Rows are keyed by question, so a row, and a question open under
/// it, stay while its words change (a new answer, the other language).
#[component]
pub fn AnswerList(back: Back) -> impl IntoView {
    let ctx = ctx();
    // Which question is open under its row (on the results page).
    let open = RwSignal::new(None::<Key>);
    let lines = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.session.with(|s| s.given().into_iter().map(|(fact, member, answer)| Line::new(s, fact, member, answer, lang)).collect::<Vec<_>>())
    });
    let members = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| people(&s.answers, lang).join("、"))
    };
    view! {
        <dl class="answers">
            <div class="row">
                <dt>{tr(|m| m.check_members)}</dt>
                <dd>{members}</dd>
                <dd class="change"><a href=Route::Household { back: Some(back), event: None }.address()>{tr(|m| m.check_change)}<span class="visually-hidden">{tr(|m| m.check_members)}</span></a></dd>
            </div>
            <For each=move || lines.with(|l| l.iter().map(|l| l.key).collect::<Vec<_>>()) key=|key| *key let:key>
                {row(key, back, open, Memo::new(move |_| lines.with(|l| l.iter().find(|l| l.key == key).cloned().unwrap_or_default())))}
            </For>
        </dl>
    }
}

/// A question: its fact and whom it is about.
type Key = (FactId, Option<usize>);

/// One answer in words: the question (and whom it is about) and the answer.
#[derive(Clone, Default, PartialEq)]
struct Line {
    key: Key,
    label: &'static str,
    who: String,
    shown: String,
}

impl Line {
    fn new(s: &Session, fact: FactId, member: Option<usize>, answer: Answer, lang: Lang) -> Line {
        let who = member.map(|i| format!("{} · ", person(&s.answers, i, lang))).unwrap_or_default();
        let shown = match answer {
            Answer::Value(v) => value_text(fact, v, lang),
            Answer::Unsure => msg(lang).unsure.to_string(),
        };
        Line { key: (fact, member), label: FACTS[fact].label.get(lang), who, shown }
    }
}

fn row(key: Key, back: Back, open: RwSignal<Option<Key>>, line: Memo<Line>) -> impl IntoView {
    let (fact, member) = key;
    let label = move || line.with(|l| l.label);
    let question = |back| Route::question(FACTS[fact].key, member, back).address();
    let control = if back == Back::Results {
        let id = format!("change{}", question(None).replace('/', "-"));
        let is_open = move || open.get() == Some(key);
        let toggle = move |_| open.update(|o| *o = if *o == Some(key) { None } else { Some(key) });
        // Done (saved or cancelled): focus goes back to this question's
        // 修改, in the row as built again for a new answer.
        let focus_to = id.clone();
        let done = Callback::new(move |()| {
            open.set(None);
            let id = focus_to.clone();
            request_animation_frame(move || super::focus_id(&id));
        });
        let editor = move || is_open().then(|| view! { <dd class="edit"><QuestionForm fact about=About::from(member) inline=done/></dd> });
        Either::Left(view! {
            <dd class="change"><button type="button" class="link" id=id aria-expanded=move || is_open().to_string() on:click=toggle>
                {tr(|m| m.check_change)}<span class="visually-hidden">{label}</span>
            </button></dd>
            {editor}
        })
    } else {
        Either::Right(view! { <dd class="change"><a href=question(Some(back))>{tr(|m| m.check_change)}<span class="visually-hidden">{label}</span></a></dd> })
    };
    view! {
        <div class="row">
            <dt>{move || line.with(|l| format!("{}{}", l.who, l.label))}</dt>
            <dd>{move || line.with(|l| l.shown.clone())}</dd>
            {control}
        </div>
    }
}
