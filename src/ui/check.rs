//! Check answers (GOV.UK pattern): every answer in plain words with a
//! 修改 link that comes back here. The same list sits on the results page,
//! where 修改 opens the question in place and the results update at once.

use super::app::{ctx, tr, Notices};
use super::fanout::Fanout;
use super::i18n::msg;
use super::slice::Slicer;
use super::question::QuestionForm;
use crate::engine::explain::{person, value_text};
use crate::profile::facts::{FactId, FACTS};
use crate::questionnaire::{Answer, Session};
use crate::route::{Back, Route};
use crate::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <Notices/>
        <h1>{tr(|m| m.check_title)}</h1>
        <AnswerList back=Back::Check/>
        <p><a href="/results" class="button">{tr(|m| m.check_results)}</a></p>
    }
}

/// Every answer with a 修改 control that returns to `back`. On the results
/// page 修改 opens the question under its row and the results update in
/// place. Rows are keyed by question, so a row, and a question open under
/// it, stay while its words change (a new answer, the other language).
#[component]
pub fn AnswerList(back: Back) -> impl IntoView {
    let ctx = ctx();
    // Which question is open (on the results page): a change wakes only the
    // rows it opens or closes.
    let open = Fanout::new();
    let lines = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.session.with(|s| s.given().into_iter().map(|(fact, member, answer)| Line::new(s, fact, member, answer, lang)).collect::<Vec<_>>())
    });
    // Long lists (a big household) come onto the page a phone's screenful
    // per frame (see LINES_PER_FRAME).
    let slicer = Slicer::new();
    // The rows' words, changed in place when the answers or the language do.
    let words = Fanout::new();
    let find = |l: &[Line], key| l.iter().find(|l| l.key == key).cloned();
    Effect::new(move |_| lines.with(|l| words.set(|key, _| find(l, key))));
    let line = move |key| words.slot(key, lines.with_untracked(|l| find(l, key)).unwrap_or_default());
    let keys = move || slicer.admit(lines.with(|l| l.iter().map(|l| l.key).collect()), LINES_PER_FRAME, |_| false);
    let members = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| (0..s.answers.members.len()).map(|i| person(&s.answers, i, lang)).collect::<Vec<_>>().join("、"))
    };
    view! {
        <dl class="answers" data-complete=move || (slicer.waiting.get() == 0).to_string()>
            <div class="row">
                <dt>{tr(|m| m.check_members)}</dt>
                <dd>{members}</dd>
                <dd class="change"><a href=Route::Household { back: Some(back), event: None }.address()>{tr(|m| m.check_change)}<span class="visually-hidden">{tr(|m| m.check_members)}</span></a></dd>
            </div>
            <For each=keys key=|k| *k let:key>
                {row(key, back, open, line(key))}
            </For>
        </dl>
    }
}

/// A phone shows 4 to 6 rows under the heading (360×640 to 390×844); a
/// bigger screen gets the rest in the next frame. Ten a frame, a desktop's
/// screenful, made the step onto check answers miss 16 ms (4× throttled)
/// 30% of the time; six, 5%.
const LINES_PER_FRAME: usize = 6;

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

fn row(key: Key, back: Back, open: Fanout<Key, bool>, line: Signal<Line>) -> impl IntoView {
    let (fact, member) = key;
    let label = move || line.with(|l| l.label);
    let question = |back| Route::question(FACTS[fact].key, member, back).address();
    let control = if back == Back::Results {
        let id = format!("change{}", question(None).replace('/', "-"));
        let button = NodeRef::<leptos::html::Button>::new();
        let is_open = open.slot(key, false);
        let toggle = move |_| {
            let now = !is_open.get_untracked();
            open.set(|k, _| Some(now && k == key));
        };
        // Focus goes back to the 修改 button before the question closes:
        // the page is still as painted, so focus needs no new layout, and
        // the focused element is not the one removed. (Its own button: the
        // same list is rehearsed off the page, ui/warmup.)
        let done = Callback::new(move |()| {
            if let Some(button) = button.get_untracked() {
                super::focus(&button);
            }
            open.set(|_, _| Some(false));
        });
        let editor = move || is_open.get().then(|| view! { <dd class="edit"><QuestionForm fact member inline=done/></dd> });
        Either::Left(view! {
            <dd class="change"><button type="button" class="link" id=id node_ref=button aria-expanded=move || is_open.get().to_string() on:click=toggle>
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
