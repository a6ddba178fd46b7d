//! Check answers (GOV.UK pattern): every answer in plain words with a
//! 修改 link that comes back here. The same list sits on the results page,
//! where a change re-evaluates the results at once.

use super::app::{ctx, question_path, Notices, tr};
use crate::engine::explain::{person, value_text};
use crate::engine::Ask;
use crate::profile::facts::FACTS;
use crate::questionnaire::Answer;
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <Notices/>
        <h1>{tr(|m| m.check_title)}</h1>
        <AnswerList back="check"/>
        <p><a href="/results" class="button">{tr(|m| m.check_results)}</a></p>
    }
}

/// Every answer with a 修改 link that returns to `back` ("check" or "results").
#[component]
pub fn AnswerList(back: &'static str) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let rows = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| {
            s.given()
                .into_iter()
                .map(|(fact, member, answer)| {
                    let who = member.map(|i| person(&s.answers, i, lang));
                    let label = FACTS[fact].label.get(lang);
                    let shown = match answer {
                        Answer::Unsure => m().unsure.to_string(),
                        Answer::Value(v) => value_text(fact, v, lang),
                    };
                    let href = format!("{}?return={back}", question_path(&Ask { fact, member, settles: 0 }));
                    (who, label, shown, href)
                })
                .collect::<Vec<_>>()
        })
    };
    let members = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| (0..s.answers.members.len()).map(|i| person(&s.answers, i, lang)).collect::<Vec<_>>().join("、"))
    };
    view! {
        <dl class="answers">
            <div class="row">
                <dt>{tr(|m| m.check_members)}</dt>
                <dd>{members}</dd>
                <dd class="change"><a href=format!("/household?return={back}")>{tr(|m| m.check_change)}<span class="visually-hidden">{tr(|m| m.check_members)}</span></a></dd>
            </div>
            {move || rows().into_iter().map(|(who, label, shown, href)| view! {
                <div class="row">
                    <dt>{who.map(|w| format!("{w} · "))}{label}</dt>
                    <dd>{shown}</dd>
                    <dd class="change"><a href=href>{tr(|m| m.check_change)}<span class="visually-hidden">{label}</span></a></dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
