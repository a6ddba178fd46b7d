//! One question per page (GOV.UK question pattern): the question is the
//! page heading and the fieldset legend; every question has "不确定"; an
//! error summary takes focus; back works, and answers are kept. The same
//! form opens under an answer on the results page, to change it in place.

use super::app::{ctx, go_on, tr, NotFound, Notices};
use super::number_pad::NumberPad;
use super::speech::ReadAloud;
use guide_core::engine::explain::{person, question, value_text};
use guide_core::profile::facts::{find, group_of, FactId, Kind, FACTS};
use guide_core::profile::Val;
use guide_core::questionnaire::{choices, situations_of, About, Form, Page, Reply};
use crate::route::Back;
use guide_core::text::Lang;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// `/q/<key>/<who>`: a question about the household (`h`), a member, each
/// member (`all`, a row each), anyone in the household (`anyone`) or who
/// has a situation ticked there (`whom`).
#[component]
pub fn QuestionPage(key: String, who: String, back: Option<Back>) -> impl IntoView {
    let ctx = ctx();
    let page = find(&key).zip(About::parse(&who)).and_then(|(fact, about)| {
        // 修改 from check answers shows what was answered too; 再回答 from the results asks what is open.
        ctx.session.with_untracked(|s| s.page(ctx.catalog, fact, about, back == Some(Back::Check))).map(|p| (fact, about, p))
    });
    match page {
        Some((_, about, Page { form: Form::Rows { rows }, pages_left: left })) => EitherOf3::A(view! { <super::rows::RowsForm rows about left back/> }),
        Some((fact, about, _)) => EitherOf3::B(view! { <QuestionForm fact about back/> }),
        None => EitherOf3::C(view! { <NotFound/> }),
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

/// A box's label: a fact or a value, or a member of the household.
#[derive(Clone, Copy, PartialEq)]
enum Label {
    Text(guide_core::text::Text),
    Fact(FactId),
    Person(usize),
}

/// How a page asks: radio buttons, a number, or checkboxes.
#[derive(Clone, PartialEq)]
enum Shape {
    Radios(Vec<Val>),
    Number,
    Boxes(Vec<Label>),
}

/// The form for one question page. `back`: opened by 修改 from that page,
/// and goes back there. `inline`: shown under an answer on the results
/// page, where it saves without leaving the page; `inline` runs when the
/// form is done (saved or cancelled).
#[component]
pub fn QuestionForm(fact: FactId, about: About, #[prop(default = None)] back: Option<Back>, #[prop(optional)] inline: Option<Callback<()>>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let f = &FACTS[fact];
    let editing = back == Some(Back::Check) || inline.is_some();
    // One ranking of what is left serves the page's form and its progress.
    let Some((page, replied, answered)) = ctx.session.with_untracked(|s| s.page(ctx.catalog, fact, about, editing).map(|p| {
        let replied = s.replied(&p.form);
        (p, replied, s.answered)
    })) else {
        return Either::Left(view! { <NotFound/> });
    };
    let (form, left) = (page.form, page.pages_left);
    let member = about.member().flatten();
    let shape = match (&form, f.kind, choices(fact)) {
        (Form::One { facts, .. } | Form::Anyone { facts }, _, _) if facts.len() > 1 || matches!(form, Form::Anyone { .. }) => Shape::Boxes(facts.iter().map(|&g| Label::Fact(g)).collect()),
        (Form::Whom { members, .. }, _, _) => Shape::Boxes(members.iter().map(|&m| Label::Person(m)).collect()),
        (_, Kind::Set { labels, .. }, _) => Shape::Boxes(labels.iter().map(|&l| Label::Text(l)).collect()),
        (_, _, Some(values)) => Shape::Radios(values),
        (_, _, None) => Shape::Number,
    };
    // Pre-select what was answered before (back link, 修改).
    let initial = match replied {
        Some(Reply::Unsure) => Choice::Unsure,
        Some(Reply::Ticks(bits)) => Choice::Boxes(bits),
        Some(Reply::Value(Val::Int(_))) | None => Choice::Nothing,
        Some(Reply::Value(v)) => Choice::Radio(v),
    };
    let choice = RwSignal::new(initial);
    let typed = RwSignal::new(match replied {
        Some(Reply::Value(Val::Int(n))) => n.to_string(),
        _ => String::new(),
    });
    let error = RwSignal::new(None::<&'static str>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let is_number = shape == Shape::Number;

    let title = {
        let form = form.clone();
        move || {
            let lang = ctx.lang.get();
            match &form {
                Form::One { facts, .. } => {
                    let template = group_of(fact).filter(|_| facts.len() > 1).map_or(f.question, |g| g.question);
                    ctx.session.with(|s| question(&template, &s.answers, member, lang))
                }
                // Merged lists take the first list's question.
                Form::Anyone { facts } => facts.first().and_then(|&f| situations_of(f)).map_or("", |l| l.question.get(lang)).to_string(),
                Form::Whom { .. } => (m().whom)(f.label.get(lang)),
                Form::Rows { .. } => String::new(),
            }
        }
    };
    let title = Signal::derive(title);
    let progress = move || (m().progress)(answered + 1, left);

    let page_form = form.clone();
    // Counts toward "第 N 页" only the first time a page is answered.
    let first_time = replied.is_none();
    let save = Callback::new(move |()| {
        let reply = match choice.get_untracked() {
            Choice::Unsure => Some(Reply::Unsure),
            Choice::Radio(v) => Some(Reply::Value(v)),
            Choice::Boxes(bits) => Some(Reply::Ticks(bits)),
            Choice::Nothing => match (f.kind, typed.get_untracked().trim().parse::<i64>()) {
                (Kind::Int { min, max, .. }, Ok(n)) if (min..=max).contains(&n) => Some(Reply::Value(Val::Int(n))),
                _ => None,
            },
        };
        let Some(reply) = reply else {
            error.set(Some(if is_number { m().error_number } else { m().error_choose }));
            focus_summary(summary);
            return;
        };
        // The same answer again (更新结果 with nothing changed) leaves the
        // session as it is: nothing is evaluated again. (On a page of the
        // questionnaire a tick shown from a link may still need "是谁".)
        let same = inline.is_some() && ctx.session.with_untracked(|s| s.notices.is_empty() && s.replied(&page_form) == Some(reply));
        if !same {
            ctx.session.update(|s| {
                s.notices.clear(); // shown once, on the page the link opened
                s.reply(&page_form, reply);
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
    let boxes = |labels: Vec<Label>| {
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
                        <input type="checkbox" id=format!("box-{i}") data-fact=fact_key(label) data-member=member_of(label) prop:checked=move || bits() & 1 << i != 0 on:change=move |_| pick(toggle.get_untracked())/>
                        <label for=format!("box-{i}")>{move || label_text(label, ctx.lang.get())}</label>
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
            <input type="text" inputmode=keyboard() pattern="[0-9]*" id="number-input" class="number"
                aria-describedby=move || if error.get().is_some() { "age-hint answer-error" } else { "age-hint" } autocomplete="off" spellcheck="false" aria-label=title
                prop:value=move || typed.get()
                on:input=move |ev| { typed.set(event_target_value(&ev)); pick(Choice::Nothing); }/>
            {ctx.kiosk.is_some().then(|| view! {
                <NumberPad value=typed.into() set=Callback::new(move |v| { typed.set(v); pick(Choice::Nothing); }) label=title/>
            }.into_any())}
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
            Shape::Boxes(labels) => labels.iter().map(|&l| label_text(l, lang)).collect(),
            Shape::Number => Vec::new(),
        };
        let options = options.join(if lang == Lang::Zh { "，" } else { ", " });
        super::speech::sentences(lang, [title.get().as_str(), options.as_str()])
    });

    let error_summary = error_summary(Signal::derive(move || error.get().map(|e| (first_input[1..].to_string(), e.to_string())).into_iter().collect()), summary);
    let error_message = move || {
        error.get().map(|e| view! { <p class="error-message" id="answer-error"><span class="visually-hidden">{tr(|m| m.error_prefix)}</span>{e}</p> })
    };
    let described = move || error.get().map(|_| "answer-error");
    let form_view = view! {
        <form on:submit=submit novalidate>
            <fieldset id="answer" class:has-error=move || error.get().is_some() aria-describedby=move || (!is_number).then(described).flatten()>
                // On its own page the question is the page heading.
                <legend>{match inline {
                    None => Either::Left(view! { <h1>{title}</h1> }),
                    Some(_) => Either::Right(view! { <span class="question">{title}</span> }),
                }}</legend>
                <ReadAloud text=spoken/>
                {error_message}
                {f.why.filter(|_| matches!(&form, Form::One { facts, .. } if facts.len() == 1)).map(|why| view! {
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
    Either::Right(match inline {
        Some(_) => Either::Left(view! { {error_summary} {form_view} }),
        None => Either::Right(view! {
            <Notices/>
            {error_summary}
            <p class="progress">{progress}</p>
            {form_view}
            {back_link()}
        }),
    })
}

/// The phone's number keyboard; none on a kiosk, which has its own pad.
pub fn keyboard() -> &'static str {
    if ctx().kiosk.is_some() { "none" } else { "numeric" }
}

fn label_text(label: Label, lang: Lang) -> String {
    match label {
        Label::Text(t) => t.get(lang).to_string(),
        Label::Fact(f) => FACTS[f].label.get(lang).to_string(),
        Label::Person(m) => ctx().session.with(|s| person(&s.answers, m, lang)),
    }
}

/// GOV.UK error pattern: a summary that takes focus and links each message
/// (field id, message) to its field; the same message sits beside the field.
pub fn error_summary(errors: Signal<Vec<(String, String)>>, node: NodeRef<leptos::html::Div>) -> impl IntoView {
    move || {
        (!errors.with(Vec::is_empty)).then(|| {
            let items = errors.get().into_iter().map(|(id, e)| {
                let href = format!("#{id}");
                // Focus the field itself, as GOV.UK Frontend does: a jump to it would only scroll there.
                view! { <li><a href=href on:click=move |ev| { ev.prevent_default(); super::focus_id(&id); }>{e}</a></li> }
            });
            view! {
                <div class="error-summary" tabindex="-1" node_ref=node>
                    <div role="alert">
                        <h2>{tr(|m| m.error_title)}</h2>
                        <ul>{items.collect_view()}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// Moves focus to the error summary once it is drawn.
pub fn focus_summary(node: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    });
}

/// "‹ 返回": the browser's back, so the page before shows as it was.
pub fn back_link() -> impl IntoView {
    view! {
        <p><button type="button" class="link back" on:click=move |_| { let _ = window().history().map(|h| h.back()); }>
            "‹ " {tr(|m| m.back)}
        </button></p>
    }
}

/// Which fact or member a box stands for, for whoever reads the page's markup.
fn fact_key(label: Label) -> Option<&'static str> {
    if let Label::Fact(f) = label { Some(FACTS[f].key) } else { None }
}

fn member_of(label: Label) -> Option<String> {
    if let Label::Person(m) = label { Some(m.to_string()) } else { None }
}
