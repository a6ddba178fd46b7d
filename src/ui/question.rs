//! One question per page (GOV.UK question pattern): the question is the
//! page heading and the fieldset legend; every question has "不确定"; an
//! error summary takes focus; back works, and answers are kept.

use super::app::{ctx, next_path, progress_text, NotFound, tr};
use super::speech::ReadAloud;
use crate::engine::explain::{person, value_text};
use crate::profile::facts::{find, FactId, Kind, FACTS};
use crate::profile::Val;
use crate::questionnaire::{choices, Answer};
use crate::text::Lang;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The question with `{who}` filled in, grammatical when it is "you".
pub fn question_text(fact: FactId, member: Option<usize>, answers: &crate::profile::Profile, lang: Lang) -> String {
    let who = member.map(|m| person(answers, m, lang)).unwrap_or_default();
    let text = FACTS[fact].question.get(lang).replace("{who}", &who);
    if lang == Lang::En && who == "you" {
        let fixes = [("Is you", "Are you"), ("is you", "are you"), ("Has you", "Have you"), ("Does you", "Do you"), ("Was you", "Were you"), ("Can you look after themself", "Can you look after yourself"), ("you's", "your"), ("expose them", "expose you")];
        return fixes.iter().fold(text, |t, (a, b)| t.replace(a, b));
    }
    text
}

#[component]
pub fn QuestionPage() -> impl IntoView {
    let ctx = ctx();
    let params = use_params_map();
    // Rebuilt whenever the route's parameters change (the next question).
    move || {
        let (key, who) = params.with(|p| (p.get("key").unwrap_or_default(), p.get("who").unwrap_or_default()));
        let members = ctx.session.with_untracked(|s| s.answers.members.len());
        let member = match who.as_str() {
            "h" => Some(None),
            n => n.parse::<usize>().ok().filter(|&m| m < members).map(Some),
        };
        match (find(&key), member) {
            (Some(fact), Some(member)) if (FACTS[fact].scope == crate::profile::facts::Scope::Household) == member.is_none() => {
                view! { <QuestionForm fact member/> }.into_any()
            }
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn QuestionForm(fact: FactId, member: Option<usize>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let f = &FACTS[fact];
    let current = ctx.session.with_untracked(|s| s.current(fact, member));
    let selected = RwSignal::new(current);
    let typed = RwSignal::new(match current {
        Some(Answer::Value(Val::Int(n))) => n.to_string(),
        _ => String::new(),
    });
    let error = RwSignal::new(None::<&'static str>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let navigate = use_navigate();
    let query = use_query_map();
    let free_number = matches!(f.kind, Kind::Int { .. }) && choices(fact).is_none();
    let is_set = matches!(f.kind, Kind::Set { .. });

    let title = move || ctx.session.with(|s| question_text(fact, member, &s.answers, ctx.lang.get()));
    let progress = move || {
        let lang = ctx.lang.get();
        let (n, left) = ctx.session.with(|s| (s.answered + 1, s.pending(ctx.catalog).len()));
        progress_text(super::i18n::msg(lang), n, left)
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answer = if free_number && selected.get_untracked() != Some(Answer::Unsure) {
            match typed.get_untracked().trim().parse::<i64>() {
                Ok(n) if (0..=120).contains(&n) => Some(Answer::Value(Val::Int(n))),
                _ => None,
            }
        } else {
            selected.get_untracked()
        };
        let Some(answer) = answer else {
            error.set(Some(if free_number { m().error_number } else { m().error_choose }));
            request_animation_frame(move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            });
            return;
        };
        ctx.session.update(|s| {
            s.answer(fact, member, answer);
            s.answered += 1;
        });
        let to = if query.with_untracked(|q| q.get("return").as_deref() == Some("check")) { "/check".to_string() } else { next_path(&ctx) };
        navigate(&to, Default::default());
    };

    let option = move |id: String, label: Signal<String>, value: Answer| {
        view! {
            <div class="choice">
                <input type="radio" name="answer" id=id.clone()
                    prop:checked=move || selected.get() == Some(value)
                    on:change=move |_| { selected.set(Some(value)); error.set(None); }/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let radios = choices(fact)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, v)| option(format!("opt-{i}"), Signal::derive(move || value_text(fact, v, ctx.lang.get())), Answer::Value(v)))
        .collect_view();

    view! {
        {move || error.get().map(|e| view! {
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary>
                <h2>{tr(|m| m.error_title)}</h2>
                <p><a href="#answer">{e}</a></p>
            </div>
        })}
        <p class="progress">{progress}</p>
        <form on:submit=submit novalidate>
            <fieldset id="answer" class:has-error=move || error.get().is_some()>
                <legend><h1>{title}</h1></legend>
                <ReadAloud text=Signal::derive(move || {
                    let options = choices(fact).unwrap_or_default().into_iter().map(|v| value_text(fact, v, ctx.lang.get())).collect::<Vec<_>>().join("，");
                    format!("{}。{}", title(), options)
                })/>
                {f.why.map(|why| view! {
                    <details class="why"><summary>{tr(|m| m.why_ask)}</summary><p>{move || why.get(ctx.lang.get())}</p></details>
                })}
                {free_number.then(|| view! {
                    <p class="hint" id="age-hint">{tr(|m| m.age_hint)}</p>
                    <input type="text" inputmode="numeric" pattern="[0-9]*" id="number-input" class="number"
                        aria-describedby="age-hint" autocomplete="off"
                        aria-label=title
                        prop:value=move || typed.get()
                        on:input=move |ev| { typed.set(event_target_value(&ev)); selected.set(None); error.set(None); }/>
                })}
                <div class="choices">
                    {radios}
                    {is_set.then(|| set_choices(fact, selected, error))}
                    {option("opt-unsure".into(), Signal::derive(move || m().unsure.to_string()), Answer::Unsure)}
                </div>
            </fieldset>
            <button type="submit" class="button">{tr(|m| m.continue_)}</button>
        </form>
        <p><button type="button" class="link back" on:click=move |_| { let _ = window().history().map(|h| h.back()); }>
            "‹ " {tr(|m| m.back)}
        </button></p>
    }
}

/// Checkboxes for a list fact (long-term illnesses); "都没有" is the empty list.
fn set_choices(fact: FactId, selected: RwSignal<Option<Answer>>, error: RwSignal<Option<&'static str>>) -> impl IntoView {
    let ctx = ctx();
    let Kind::Set { labels, .. } = FACTS[fact].kind else { unreachable!("set_choices takes a list fact") };
    let bits = move || match selected.get() {
        Some(Answer::Value(Val::Set(b))) => Some(b),
        _ => None,
    };
    let boxes = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = format!("set-{i}");
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() prop:checked=move || bits().is_some_and(|b| b & (1 << i) != 0)
                        on:change=move |_| { selected.set(Some(Answer::Value(Val::Set(bits().unwrap_or(0) ^ (1 << i))))); error.set(None); }/>
                    <label for=id>{move || label.get(ctx.lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        {boxes}
        <div class="choice">
            <input type="checkbox" id="set-none" prop:checked=move || bits() == Some(0)
                on:change=move |_| { selected.set(Some(Answer::Value(Val::Set(0)))); error.set(None); }/>
            <label for="set-none">{tr(|m| m.none_of_these)}</label>
        </div>
    }
}
