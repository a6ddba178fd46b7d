//! Who lives with you: the person answering plus up to 11 others.

use super::app::{ctx, go_on, tr};
use guide_core::engine::explain::people;
use guide_core::profile::facts::{Kind, FACTS, ROLE};
use guide_core::profile::MAX_MEMBERS;
use guide_core::questionnaire::LifeEvent;
use crate::route::Back;
use leptos::either::Either;
use leptos::prelude::*;

/// `back`: opened by 修改, and goes back there. `event`: the life event
/// the resident started from.
#[component]
pub fn HouseholdPage(back: Option<Back>, event: Option<String>) -> impl IntoView {
    let ctx = ctx();
    // A life-event link narrows the questions; a plain start clears it.
    if back.is_none() {
        let event = event.and_then(|e| LifeEvent::from_slug(&e));
        ctx.session.update(|s| s.event = event);
    }
    let Kind::Enum { values, labels } = FACTS[ROLE].kind else { unreachable!("role is an enum") };
    let members = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| people(&s.answers, lang).into_iter().enumerate().collect::<Vec<_>>())
    };
    let full = move || ctx.session.with(|s| s.answers.members.len() >= MAX_MEMBERS);
    view! {
        <h1>{tr(|m| m.household_title)}</h1>
        <p>{tr(|m| m.household_hint)}</p>
        <ul class="members" aria-live="polite">
            {move || members().into_iter().map(|(i, name)| view! {
                <li>
                    <span>{name.clone()}</span>
                    {(i > 0).then(|| view! {
                        <button type="button" class="link" on:click=move |_| ctx.session.update(|s| s.remove_member(i))>
                            {tr(|m| m.household_remove)} <span class="visually-hidden">{name.clone()}</span>
                        </button>
                    })}
                </li>
            }).collect_view()}
        </ul>
        {move || if full() {
            Either::Left(view! { <p class="hint">{tr(|m| m.household_full)}</p> })
        } else {
            Either::Right(view! {
                <div class="add-members">
                    {values.iter().zip(labels.iter()).skip(1).map(|(value, label)| {
                        let value = *value;
                        view! {
                            <button type="button" class="secondary" on:click=move |_| { ctx.session.update(|s| { s.add_member(value); }); }>
                                "+ " {tr(|m| m.household_add)} {move || label.get(ctx.lang.get())}
                            </button>
                        }
                    }).collect_view()}
                </div>
            })
        }}
        <p><button type="button" class="button" on:click=move |_| go_on(&ctx, back)>{tr(|m| m.continue_)}</button></p>
    }
}
