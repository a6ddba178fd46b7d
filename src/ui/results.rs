//! Results: what you can get, then what you may get (and what to confirm),
//! then, folded, what does not apply and why; grouped by category.

use super::app::{ctx, tr, Notices, Texts, TextsPending};
use super::speech::ReadAloud;
use crate::catalog::{Catalog, Per};
use crate::engine::explain::person;
use crate::engine::{Evaluation, Status};
use crate::questionnaire::Session;
use crate::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// One service card: a service and the people it has one status for.
#[derive(Clone, PartialEq)]
struct Card {
    service: usize,
    people: Vec<String>,
    /// Reasons, prefixed with the person when several share the card.
    reasons: Vec<String>,
}

fn cards(catalog: &Catalog, e: &Evaluation, status: Status, lang: Lang) -> Vec<(usize, Vec<Card>)> {
    let p = &e.view.profile;
    let mut by_category: Vec<(usize, Vec<Card>)> = Vec::new();
    for (ci, category) in catalog.categories.iter().enumerate() {
        let mut list = Vec::new();
        for (si, s) in catalog.services.iter().enumerate().filter(|(_, s)| s.category == category.id) {
            let outcomes: Vec<_> = e.outcomes.iter().filter(|o| o.service == si && o.status == status).collect();
            if outcomes.is_empty() {
                continue;
            }
            let name = |o: &crate::engine::Outcome| o.member.map_or_else(|| super::i18n::msg(lang).household_level.to_string(), |m| person(p, m, lang));
            let several = outcomes.len() > 1;
            let mut reasons = Vec::new();
            for o in &outcomes {
                for r in e.reasons(catalog, o, lang) {
                    let r = if several && s.per == Per::Person { format!("{}：{r}", name(o)) } else { r };
                    if !reasons.contains(&r) {
                        reasons.push(r);
                    }
                }
            }
            list.push(Card { service: si, people: outcomes.iter().map(|o| name(o)).collect(), reasons });
        }
        if !list.is_empty() {
            by_category.push((ci, list));
        }
    }
    by_category
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let ctx = ctx();
    move || match ctx.texts.get() {
        Texts::Ready(catalog) => Either::Left(view! { <Results catalog/> }),
        other => Either::Right(view! { <TextsPending state=other/> }),
    }
}

#[component]
fn Results(catalog: &'static Catalog) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    // Each section is computed once per change of answers or language.
    let section = move |status: Status| Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.session.with(|s| cards(catalog, &s.evaluate(catalog), status, lang))
    });
    // Memos are lazy: what does not apply is computed only when unfolded.
    let (eligible, maybe, not_eligible) = (section(Status::Eligible), section(Status::Maybe), section(Status::NotEligible));
    let count = |cards: Memo<Vec<(usize, Vec<Card>)>>| cards.with(|c| c.iter().map(|(_, c)| c.len()).sum::<usize>());
    let summary = move || m().results_count.replace("{a}", &count(eligible).to_string()).replace("{b}", &count(maybe).to_string());
    let shown = RwSignal::new(false);
    let navigate = use_navigate();
    let restart = move |_| {
        ctx.session.set(Session::new());
        navigate("/", Default::default());
    };
    let share = move || {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}/results#{}", ctx.session.with(|s| s.share_fragment()))
    };
    view! {
        <Notices/>
        <h1>{tr(|m| m.results_title)}</h1>
        <p class="summary" role="status" aria-live="polite">{summary}</p>
        <p class="disclaimer">{tr(|m| m.disclaimer)}</p>
        <details class="your-answers">
            <summary>{tr(|m| m.results_change)}</summary>
            <super::check::AnswerList back="results"/>
        </details>
        <section aria-labelledby="eligible">
            <h2 id="eligible">{tr(|m| m.results_eligible)}</h2>
            {move || (count(eligible) == 0).then(|| view! { <p>{tr(|m| m.results_none_eligible)}</p> })}
            {move || groups(catalog, eligible.get())}
        </section>
        <section aria-labelledby="maybe">
            <h2 id="maybe">{tr(|m| m.results_maybe)}</h2>
            {move || groups(catalog, maybe.get())}
        </section>
        // Folded, and only built when opened: most services do not apply.
        <details class="not-eligible" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary><h2>{tr(|m| m.results_not)}</h2></summary>
            {move || shown.get().then(|| groups(catalog, not_eligible.get()))}
        </details>
        <section class="share" aria-labelledby="share">
            <h2 id="share">{tr(|m| m.results_share)}</h2>
            <p id="share-hint">{tr(|m| m.results_share_hint)}</p>
            <input type="text" readonly class="share-link" aria-labelledby="share" aria-describedby="share-hint" prop:value=share/>
        </section>
        <p><button type="button" class="secondary" on:click=restart>{tr(|m| m.results_restart)}</button></p>
    }
}

fn groups(catalog: &'static Catalog, groups: Vec<(usize, Vec<Card>)>) -> impl IntoView {
    let ctx = ctx();
    let lang = ctx.lang.get_untracked();
    groups
        .into_iter()
        .map(|(ci, cards)| {
            let category = &catalog.categories[ci];
            view! {
                <div class=format!("category cat-{}", category.id)>
                    <h3><span class="icon" aria-hidden="true">{category.icon.clone()}</span>{category.title.get(lang).to_string()}</h3>
                    {cards.into_iter().map(|card| service_card(catalog, card)).collect_view()}
                </div>
            }
        })
        .collect_view()
}

/// English names ("you", "the health commission") are written to sit inside
/// a sentence; standing alone they start with a capital.
/// ASCII only: Unicode case tables would cost 4 KB of wasm, and Chinese
/// has no case.
fn sentence_start(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn service_card(catalog: &'static Catalog, card: Card) -> impl IntoView {
    let ctx = ctx();
    let m = ctx.msg();
    let lang = ctx.lang.get_untracked();
    let s = &catalog.services[card.service];
    let dept = catalog.department(&s.department).map(|d| d.name.get(lang).to_string()).unwrap_or_default();
    let spoken = format!("{}。{}。{}", s.title.get(lang), s.gets.get(lang), card.reasons.join("。"));
    view! {
        <article class="service">
            <h4>{s.title.get(lang).to_string()}</h4>
            <p class="tags">
                {s.free.then(|| view! { <span class="tag">{m.results_free}</span> })}
                {s.planned.then(|| view! { <span class="tag">{m.results_planned}</span> })}
            </p>
            <ReadAloud text=Signal::stored(spoken)/>
            <dl>
                <dt>{m.results_for}</dt><dd>{sentence_start(card.people.join(if lang == Lang::Zh { "、" } else { ", " }))}</dd>
                <dt>{m.results_gets}</dt><dd>{s.gets.get(lang).to_string()}</dd>
                <dt>{m.results_why}</dt>
                <dd><ul>{card.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul></dd>
                <dt>{m.results_next}</dt>
                <dd>{s.apply.get(lang).to_string()}</dd>
                {s.bring.as_ref().map(|b| view! { <dt>{m.results_bring}</dt><dd>{b.get(lang).to_string()}</dd> })}
                <dt>{m.results_dept}</dt><dd>{sentence_start(dept)}</dd>
            </dl>
            <blockquote class="source" lang="zh-CN">
                <p>"“" {s.source.quote.clone()} "”"</p>
                <footer>{format!("{} · {}", s.source.chapter, s.source.section)}" "
                    <a href=format!("/source/{}", s.id)>{m.results_view_source}</a>
                </footer>
            </blockquote>
        </article>
    }
}
