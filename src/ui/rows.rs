//! A page of rows (issue 18), as on a paper form: everyone's age ("下面每个
//! 人多大了？", a row per person), the household's or one person's choices
//! ("关于配偶": hukou, work, insurance, a row each), or the few left of
//! everyone ("配偶 · 户口"). A choice is a
//! native select (a compact, accessible picker on phones), an age a number
//! field; every row has "不确定".

use super::app::{ctx, go_on, tr, Notices};
use super::number_pad::NumberPad;
use super::question::{back_link, error_summary, focus_summary, keyboard};
use super::speech::ReadAloud;
use crate::route::Back;
use guide_core::engine::explain::{person, value_text};
use guide_core::profile::facts::{FactId, Kind, FACTS};
use guide_core::profile::Val;
use guide_core::questionnaire::{row_choices, About, Answer};
use leptos::either::Either;
use leptos::prelude::*;

/// What a row holds: `""` (nothing yet), a choice's index or a typed
/// number, or `"unsure"`.
const UNSURE: &str = "unsure";

/// A row: a fact about a member (or the household).
type Row = (FactId, Option<usize>);

/// A row's answer from what it holds, if it is one.
fn read((fact, _): Row, text: &str) -> Option<Answer> {
    match (text, row_choices(fact), FACTS[fact].kind) {
        (UNSURE, _, _) => Some(Answer::Unsure),
        (t, Some(values), _) => t.parse::<usize>().ok().and_then(|p| values.get(p).copied()).map(Answer::Value),
        (t, None, Kind::Int { min, max, .. }) => t.trim().parse::<i64>().ok().filter(|n| (min..=max).contains(n)).map(|n| Answer::Value(Val::Int(n))),
        _ => None,
    }
}

/// What a row holds for an answer given before.
fn held((fact, _): Row, answer: Option<Answer>) -> String {
    match answer {
        None => String::new(),
        Some(Answer::Unsure) => UNSURE.to_string(),
        Some(Answer::Value(Val::Int(n))) if row_choices(fact).is_none() => n.to_string(),
        Some(Answer::Value(v)) => row_choices(fact).into_iter().flatten().position(|x| x == v).map(|p| p.to_string()).unwrap_or_default(),
    }
}

/// The id of a row's field: `row-age-2`, `row-hukou-0`, `row-area-h`.
fn field_id((fact, who): Row) -> String {
    format!("row-{}-{}", FACTS[fact].key.replace('.', "_"), who.map_or("h".to_string(), |w| w.to_string()))
}

#[component]
pub fn RowsForm(rows: Vec<Row>, about: About, left: usize, back: Option<Back>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let first = rows[0].0;
    let (rows, answered) = ctx.session.with_untracked(|s| {
        let rows: Vec<(Row, RwSignal<String>)> = rows.iter().map(|&(f, who)| ((f, who), RwSignal::new(held((f, who), s.current(f, who))))).collect();
        (rows, s.answered)
    });
    let first_time = rows.iter().all(|(_, v)| v.get_untracked().is_empty());
    // A row is named by the person (everyone's age) or by what it asks.
    let label = move |(f, who): Row| {
        let name = || ctx.session.with(|s| who.map(|w| super::results::sentence_start(person(&s.answers, w, ctx.lang.get()))).unwrap_or_default());
        match (about, who) {
            (About::Everyone, _) => name(),
            (About::Together, Some(_)) => format!("{} · {}", name(), FACTS[f].label.get(ctx.lang.get())),
            _ => FACTS[f].label.get(ctx.lang.get()).to_string(),
        }
    };
    let title = move || {
        let lang = ctx.lang.get();
        match about {
            About::Several(None) => m().about_household.to_string(),
            About::Together => m().about_all.to_string(),
            About::Several(Some(w)) => ctx.session.with(|s| (m().about_person)(&person(&s.answers, w, lang), w == 0)),
            _ => FACTS[first].question.ask(m().each_person, false, lang),
        }
    };
    // The rows not answered (or not a valid number).
    let errors = RwSignal::new(Vec::<Row>::new());
    let summary = NodeRef::<leptos::html::Div>::new();
    let listed = Signal::derive(move || errors.get().into_iter().map(|r| (field_id(r), (m().error_rows)(&label(r)))).collect());

    let saved = rows.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given: Vec<(Row, Option<Answer>)> = saved.iter().map(|(r, v)| (*r, read(*r, &v.get_untracked()))).collect();
        let missing: Vec<Row> = given.iter().filter(|(_, a)| a.is_none()).map(|(r, _)| *r).collect();
        if !missing.is_empty() {
            errors.set(missing);
            focus_summary(summary);
            return;
        }
        ctx.session.update(|s| {
            s.notices.clear();
            for ((f, who), a) in given.into_iter().filter_map(|(r, a)| Some((r, a?))) {
                s.answer(f, who, a);
            }
            s.answered += usize::from(first_time);
        });
        go_on(&ctx, back);
    };

    let row = move |(r, value): (Row, RwSignal<String>)| {
        let fact = r.0;
        let id = field_id(r);
        let error_id = format!("{id}-error");
        let has_error = move || errors.with(|e| e.contains(&r));
        let message = {
            let error_id = error_id.clone();
            move || has_error().then(|| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">{tr(|m| m.error_prefix)}</span>{(m().error_rows)(&label(r))}</p> })
        };
        let described = move || has_error().then(|| error_id.clone());
        let set = move |v: String| {
            value.set(v);
            errors.update(|e| e.retain(|&x| x != r));
        };
        let control = match row_choices(fact) {
            Some(values) => Either::Left(view! {
                <select id=id.clone() aria-describedby=described prop:value=move || value.get() on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{tr(|m| m.choose)}</option>
                    {values.into_iter().enumerate().map(|(p, v)| view! { <option value=p.to_string()>{move || value_text(fact, v, ctx.lang.get())}</option> }).collect_view()}
                    <option value=UNSURE>{tr(|m| m.unsure)}</option>
                </select>
            }),
            None => Either::Right(view! {
                <input type="text" inputmode=keyboard() pattern="[0-9]*" id=id.clone() class="number" autocomplete="off" spellcheck="false"
                    aria-describedby=move || described().unwrap_or_else(|| "age-hint".into())
                    prop:value=move || if value.get() == UNSURE { String::new() } else { value.get() }
                    on:input=move |ev| set(event_target_value(&ev))/>
                <span class="choice inline">
                    <input type="checkbox" id=format!("{id}-unsure") prop:checked=move || value.get() == UNSURE
                        on:change=move |ev| set(if event_target_checked(&ev) { UNSURE.to_string() } else { String::new() })/>
                    <label for=format!("{id}-unsure")>{tr(|m| m.unsure)}</label>
                </span>
                {ctx.kiosk.is_some().then(|| view! {
                    <NumberPad value=value.into() set=Callback::new(set) label=Signal::derive(move || label(r))/>
                }.into_any())}
            }),
        };
        view! {
            <div class="row-field" class:has-error=has_error data-fact=FACTS[fact].key data-member=r.1.map(|w| w.to_string())>
                <label for=id>{move || label(r)}</label>
                {message}
                <div class="row-control">{control}</div>
            </div>
        }
    };
    let is_number = rows.iter().any(|((f, _), _)| row_choices(*f).is_none());
    let spoken = Signal::derive(move || super::speech::sentences(ctx.lang.get(), [title().as_str()]));
    view! {
        <Notices/>
        {error_summary(listed, summary)}
        <p class="progress">{move || (m().progress)(answered + 1, left)}</p>
        <form on:submit=submit novalidate>
            <fieldset class="rows">
                <legend><h1>{title}</h1></legend>
                <ReadAloud text=spoken/>
                {is_number.then(|| view! { <p class="hint" id="age-hint">{tr(|m| m.age_hint)}</p> })}
                {rows.into_iter().map(row).collect_view()}
            </fieldset>
            <p class="actions"><button type="submit" class="button">{tr(|m| m.continue_)}</button></p>
        </form>
        {back_link()}
    }
}
