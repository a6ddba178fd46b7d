//! One question per page (GOV.UK question pattern): the question is the
//! page heading and the fieldset legend; every question has "不确定"; an
//! error summary takes focus; back works, and answers are kept. The same
//! form opens under an answer on the results page, to change it in place.

use super::app::{ctx, go_on, tr, NotFound, Notices};
use super::speech::ReadAloud;
use guide_core::engine::explain::{question, value_text};
use guide_core::profile::facts::{find, group_of, FactId, Kind, FACTS};
use guide_core::profile::Val;
use guide_core::questionnaire::{choices, Answer};
use crate::route::Back;
use guide_core::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;

/// `/q/<key>/<who>`: a question about the household (`h`) or a member.
#[component]
pub fn QuestionPage(key: String, who: String, back: Option<Back>) -> impl IntoView {
    let members = ctx().session.with_untracked(|s| s.answers.members.len());
    let member = match who.as_str() {
        "h" => Some(None),
        n => n.parse::<usize>().ok().filter(|&m| m < members).map(Some),
    };
    match (find(&key), member) {
        (Some(fact), Some(member)) if (FACTS[fact].scope == guide_core::profile::facts::Scope::Household) == member.is_none() => {
            Either::Left(view! { <QuestionForm fact member back/> })
        }
        _ => Either::Right(view! { <NotFound/> }),
    }
}

/// What the resident has picked on the page so far.
#[derive(Clone, Copy, PartialEq)]
enum Choice {
    Nothing,
    Radio(Val),
    /// Checked boxes; 0 with "都没有" checked.
    Boxes(u64),
    Unsure,
}

/// How a page asks: radio buttons, a number, or checkboxes over a list
/// fact's values or a group of yes/no facts.
#[derive(Clone, PartialEq)]
enum Shape {
    Radios(Vec<Val>),
    Number,
    Boxes(Vec<guide_core::text::Text>),
}

/// The form for one question page. `back`: opened by 修改 from that page,
/// and goes back there. `inline`: shown under an answer on the results
/// page, where it saves without leaving the page; `inline` runs when the
/// form is done (saved or cancelled).
#[component]
pub fn QuestionForm(fact: FactId, member: Option<usize>, #[prop(default = None)] back: Option<Back>, #[prop(optional)] inline: Option<Callback<()>>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let f = &FACTS[fact];
    let editing = back.is_some() || inline.is_some();
    // One ranking of what is left serves the page's facts and its progress.
    let (page, current, answered) = ctx.session.with_untracked(|s| {
        let page = s.page(ctx.catalog, fact, member, editing);
        let current: Vec<Option<Answer>> = page.facts.iter().map(|&g| s.current(g, member)).collect();
        (page, current, s.answered)
    });
    let (facts, left) = (page.facts, page.pages_left);
    let grouped = group_of(fact).filter(|_| facts.len() > 1);
    let shape = match (grouped, f.kind, choices(fact)) {
        (Some(_), _, _) => Shape::Boxes(facts.iter().map(|&g| FACTS[g].label).collect()),
        (None, Kind::Set { labels, .. }, _) => Shape::Boxes(labels.to_vec()),
        (None, _, Some(values)) => Shape::Radios(values),
        (None, _, None) => Shape::Number,
    };
    // Pre-select what was answered before (back link, 修改).
    let initial = match (&shape, current.as_slice()) {
        (_, [.., Some(Answer::Unsure)]) if current.iter().all(|c| *c == Some(Answer::Unsure)) => Choice::Unsure,
        // A group shows its answers as ticks; "都没有" only when all are no.
        (Shape::Boxes(_), _) if grouped.is_some() && current.iter().any(Option::is_some) => {
            let bits = current.iter().enumerate().filter(|(_, c)| **c == Some(Answer::Value(Val::Bool(true)))).fold(0, |b, (i, _)| b | 1 << i);
            if bits != 0 || current.iter().all(Option::is_some) { Choice::Boxes(bits) } else { Choice::Nothing }
        }
        (Shape::Boxes(_), [Some(Answer::Value(Val::Set(bits)))]) => Choice::Boxes(u64::from(*bits)),
        (Shape::Radios(_), [Some(Answer::Value(v))]) => Choice::Radio(*v),
        _ => Choice::Nothing,
    };
    let choice = RwSignal::new(initial);
    let typed = RwSignal::new(match current.as_slice() {
        [Some(Answer::Value(Val::Int(n)))] => n.to_string(),
        _ => String::new(),
    });
    let error = RwSignal::new(None::<&'static str>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let is_number = shape == Shape::Number;

    let template = grouped.map_or(f.question, |g| g.question);
    let title = move || ctx.session.with(|s| question(&template, &s.answers, member, ctx.lang.get()));
    let progress = move || (m().progress)(answered + 1, left);

    let page_facts = facts.clone();
    // Counts toward "第 N 题" only the first time a page is answered.
    let first_time = current.iter().all(Option::is_none);
    let save = Callback::new(move |()| {
        // Each fact on the page with its answer, or None when incomplete.
        let answers: Option<Vec<(FactId, Answer)>> = match choice.get_untracked() {
            Choice::Unsure => Some(page_facts.iter().map(|&g| (g, Answer::Unsure)).collect()),
            Choice::Radio(v) => Some(vec![(fact, Answer::Value(v))]),
            Choice::Boxes(bits) if grouped.is_some() => {
                Some(page_facts.iter().enumerate().map(|(i, &g)| (g, Answer::Value(Val::Bool(bits & 1 << i != 0)))).collect())
            }
            Choice::Boxes(bits) => Some(vec![(fact, Answer::Value(Val::Set(bits as u16)))]),
            Choice::Nothing => match (f.kind, typed.get_untracked().trim().parse::<i64>()) {
                (Kind::Int { min, max, .. }, Ok(n)) if (min..=max).contains(&n) => Some(vec![(fact, Answer::Value(Val::Int(n)))]),
                _ => None,
            },
        };
        let Some(answers) = answers else {
            error.set(Some(if is_number { m().error_number } else { m().error_choose }));
            request_animation_frame(move || {
                if let Some(el) = summary.try_get_untracked().flatten() {
                    let _ = el.focus();
                }
            });
            return;
        };
        // The same answers again (更新结果 with nothing changed) leave the
        // session as it is: nothing is evaluated again.
        let same = !first_time && ctx.session.with_untracked(|s| s.notices.is_empty() && answers.iter().all(|&(g, a)| s.current(g, member) == Some(a)));
        if !same {
            ctx.session.update(|s| {
                s.notices.clear(); // shown once, on the page the link opened
                for (g, a) in answers {
                    s.answer(g, member, a);
                }
                s.answered += usize::from(first_time);
            });
        }
        match inline {
            Some(done) => done.run(()),
            None => go_on(&ctx, back),
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.run(());
    };

    let pick = move |c: Choice| {
        choice.set(c);
        error.set(None);
    };
    let option = move |id: String, kind: &'static str, label: Signal<String>, checked: Signal<bool>, on: Choice| {
        view! {
            <div class="choice">
                <input type=kind name="answer" id=id.clone() prop:checked=checked on:change=move |_| pick(on)/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let boxes = |labels: Vec<guide_core::text::Text>| {
        let bits = move || match choice.get() {
            Choice::Boxes(b) => b,
            _ => 0,
        };
        let items = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let toggle = Signal::derive(move || Choice::Boxes(bits() ^ 1 << i));
                view! {
                    <div class="choice">
                        <input type="checkbox" id=format!("box-{i}") prop:checked=move || bits() & 1 << i != 0 on:change=move |_| pick(toggle.get_untracked())/>
                        <label for=format!("box-{i}")>{move || label.get(ctx.lang.get())}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            {items}
            <p class="or">{tr(|m| m.or)}</p>
            {option("box-none".into(), "checkbox", Signal::derive(move || m().none_of_these.to_string()), Signal::derive(move || choice.get() == Choice::Boxes(0)), Choice::Boxes(0))}
        }
    };
    let inputs = match shape.clone() {
        Shape::Radios(values) => Either::Left(
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| option(format!("opt-{i}"), "radio", Signal::derive(move || value_text(fact, v, ctx.lang.get())), Signal::derive(move || choice.get() == Choice::Radio(v)), Choice::Radio(v)))
                .collect_view(),
        ),
        Shape::Boxes(labels) => Either::Right(Either::Left(boxes(labels))),
        Shape::Number => Either::Right(Either::Right(view! {
            <p class="hint" id="age-hint">{tr(|m| m.age_hint)}</p>
            <input type="text" inputmode="numeric" pattern="[0-9]*" id="number-input" class="number"
                aria-describedby=move || if error.get().is_some() { "age-hint answer-error" } else { "age-hint" } autocomplete="off" spellcheck="false" aria-label=title
                prop:value=move || typed.get()
                on:input=move |ev| { typed.set(event_target_value(&ev)); pick(Choice::Nothing); }/>
        })),
    };
    let first_input = match &shape {
        Shape::Radios(_) => "#opt-0",
        Shape::Boxes(_) => "#box-0",
        Shape::Number => "#number-input",
    };
    let spoken = Signal::derive(move || {
        let lang = ctx.lang.get();
        let options: Vec<String> = match &shape {
            Shape::Radios(values) => values.iter().map(|&v| value_text(fact, v, lang)).collect(),
            Shape::Boxes(labels) => labels.iter().map(|l| l.get(lang).to_string()).collect(),
            Shape::Number => Vec::new(),
        };
        let options = options.join(if lang == Lang::Zh { "，" } else { ", " });
        super::speech::sentences(lang, [title().as_str(), options.as_str()])
    });

    // GOV.UK error pattern: a summary that takes focus and links to the
    // first input, and the same message beside the field, tied to it.
    let error_summary = move || {
        error.get().map(|e| {
            view! {
                <div class="error-summary" tabindex="-1" node_ref=summary>
                    <div role="alert">
                        <h2>{tr(|m| m.error_title)}</h2>
                        <ul><li><a href=first_input on:click=move |ev| {
                            // Focus the field itself, as GOV.UK Frontend does: a jump
                            // to it would only scroll there.
                            ev.prevent_default();
                            super::focus_id(&first_input[1..]);
                        }>{e}</a></li></ul>
                    </div>
                </div>
            }
        })
    };
    let error_message = move || {
        error.get().map(|e| view! { <p class="error-message" id="answer-error"><span class="visually-hidden">{tr(|m| m.error_prefix)}</span>{e}</p> })
    };
    let described = move || error.get().map(|_| "answer-error");
    let form = view! {
        <form on:submit=submit novalidate>
            <fieldset id="answer" class:has-error=move || error.get().is_some() aria-describedby=move || (!is_number).then(described).flatten()>
                // On its own page the question is the page heading.
                <legend>{match inline {
                    None => Either::Left(view! { <h1>{title}</h1> }),
                    Some(_) => Either::Right(view! { <span class="question">{title}</span> }),
                }}</legend>
                <ReadAloud text=spoken/>
                {error_message}
                {f.why.filter(|_| grouped.is_none()).map(|why| view! {
                    <details class="why"><summary>{tr(|m| m.why_ask)}</summary><p>{move || why.get(ctx.lang.get())}</p></details>
                })}
                <div class="choices">
                    {inputs}
                    {option("opt-unsure".into(), "radio", Signal::derive(move || m().unsure.to_string()), Signal::derive(move || choice.get() == Choice::Unsure), Choice::Unsure)}
                </div>
            </fieldset>
            <p class="actions">
                <button type="submit" class="button">{if inline.is_some() { tr(|m| m.update_results) } else { tr(|m| m.continue_) }}</button>
                {inline.map(|done| view! { <button type="button" class="secondary" on:click=move |_| done.run(())>{tr(|m| m.cancel)}</button> })}
            </p>
        </form>
    };
    match inline {
        Some(_) => Either::Left(view! { {error_summary} {form} }),
        None => Either::Right(view! {
            <Notices/>
            {error_summary}
            <p class="progress">{progress}</p>
            {form}
            <p><button type="button" class="link back" on:click=move |_| { let _ = window().history().map(|h| h.back()); }>
                "‹ " {tr(|m| m.back)}
            </button></p>
        }),
    }
}
