//! One question about several people on one page (issue 18): "下面每个人
//!多大了？" with a row per person, so a family of four answers its ages,
//! hukou or insurance once, not four times. Each row is labelled with the
//! person's name; a choice is a native select (a compact, accessible
//! picker on phones), an age a number field; every row has "不确定".

use super::app::{ctx, go_on, tr, Notices};
use super::question::{back_link, error_summary, focus_summary};
use super::speech::ReadAloud;
use crate::route::Back;
use guide_core::engine::explain::{person, value_text};
use guide_core::profile::facts::{FactId, Kind, FACTS};
use guide_core::profile::Val;
use guide_core::questionnaire::{choices, Answer};
use leptos::either::Either;
use leptos::prelude::*;

/// What a row holds: `""` (nothing yet), a choice's index or a typed
/// number, or `"unsure"`.
const UNSURE: &str = "unsure";

#[component]
pub fn RowsForm(fact: FactId, members: Vec<usize>, back: Option<Back>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let f = &FACTS[fact];
    let values = choices(fact);
    let (rows, left, answered) = ctx.session.with_untracked(|s| {
        let rows: Vec<(usize, RwSignal<String>)> = members
            .iter()
            .map(|&i| {
                let now = match s.current(fact, Some(i)) {
                    None => String::new(),
                    Some(Answer::Unsure) => UNSURE.to_string(),
                    Some(Answer::Value(Val::Int(n))) if values.is_none() => n.to_string(),
                    Some(Answer::Value(v)) => values.iter().flatten().position(|&x| x == v).map(|p| p.to_string()).unwrap_or_default(),
                };
                (i, RwSignal::new(now))
            })
            .collect();
        let left = s.page(ctx.catalog, fact, guide_core::questionnaire::About::Everyone, false).map_or(0, |p| p.pages_left);
        (rows, left, s.answered)
    });
    let first_time = rows.iter().all(|(_, r)| r.get_untracked().is_empty());
    let name = move |i: usize| ctx.session.with(|s| person(&s.answers, i, ctx.lang.get()));
    let title = move || f.question.ask(m().each_person, false, ctx.lang.get());
    // The rows not answered (or not a valid number), by member.
    let errors = RwSignal::new(Vec::<usize>::new());
    let summary = NodeRef::<leptos::html::Div>::new();
    let listed = Signal::derive(move || errors.get().into_iter().map(|i| (format!("row-{i}"), (m().error_rows)(&name(i)))).collect());

    let read = {
        let values = values.clone();
        move |text: &str| -> Option<Answer> {
            match (text, &values, f.kind) {
                (UNSURE, _, _) => Some(Answer::Unsure),
                (t, Some(values), _) => t.parse::<usize>().ok().and_then(|p| values.get(p)).map(|&v| Answer::Value(v)),
                (t, None, Kind::Int { min, max, .. }) => t.trim().parse::<i64>().ok().filter(|n| (min..=max).contains(n)).map(|n| Answer::Value(Val::Int(n))),
                _ => None,
            }
        }
    };
    let rows_saved = rows.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given: Vec<(usize, Option<Answer>)> = rows_saved.iter().map(|(i, r)| (*i, read(&r.get_untracked()))).collect();
        let missing: Vec<usize> = given.iter().filter(|(_, a)| a.is_none()).map(|(i, _)| *i).collect();
        if !missing.is_empty() {
            errors.set(missing);
            focus_summary(summary);
            return;
        }
        ctx.session.update(|s| {
            s.notices.clear();
            for (i, a) in given.into_iter().filter_map(|(i, a)| Some((i, a?))) {
                s.answer(fact, Some(i), a);
            }
            s.answered += usize::from(first_time);
        });
        go_on(&ctx, back);
    };

    let is_number = values.is_none();
    let row = move |(i, value): (usize, RwSignal<String>)| {
        let id = format!("row-{i}");
        let has_error = move || errors.with(|e| e.contains(&i));
        let message = move || has_error().then(|| view! { <p class="error-message" id=format!("row-{i}-error")><span class="visually-hidden">{tr(|m| m.error_prefix)}</span>{(m().error_rows)(&name(i))}</p> });
        let described = move || has_error().then(|| format!("row-{i}-error"));
        let set = move |v: String| {
            value.set(v);
            errors.update(|e| e.retain(|&x| x != i));
        };
        let control = match values.clone() {
            Some(values) => Either::Left(view! {
                <select id=id.clone() aria-describedby=described prop:value=move || value.get() on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{tr(|m| m.choose)}</option>
                    {values.into_iter().enumerate().map(|(p, v)| view! { <option value=p.to_string()>{move || value_text(fact, v, ctx.lang.get())}</option> }).collect_view()}
                    <option value=UNSURE>{tr(|m| m.unsure)}</option>
                </select>
            }),
            None => Either::Right(view! {
                <input type="text" inputmode="numeric" pattern="[0-9]*" id=id.clone() class="number" autocomplete="off" spellcheck="false"
                    aria-describedby=move || described().unwrap_or_else(|| "age-hint".into())
                    prop:value=move || if value.get() == UNSURE { String::new() } else { value.get() }
                    on:input=move |ev| set(event_target_value(&ev))/>
                <span class="choice inline">
                    <input type="checkbox" id=format!("row-{i}-unsure") prop:checked=move || value.get() == UNSURE
                        on:change=move |ev| set(if event_target_checked(&ev) { UNSURE.to_string() } else { String::new() })/>
                    <label for=format!("row-{i}-unsure")>{tr(|m| m.unsure)}</label>
                </span>
            }),
        };
        view! {
            <div class="row-field" class:has-error=has_error data-member=i.to_string()>
                <label for=id>{move || name(i)}</label>
                {message}
                <div class="row-control">{control}</div>
            </div>
        }
    };
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
