//! Results: what you can get, then what you may get (and what to confirm),
//! then, folded, what does not apply and why; grouped by category.

use super::app::{ctx, tr, Notices, Texts, TextsPending};
use super::speech::ReadAloud;
use guide_core::catalog::{Catalog, Per};
use guide_core::engine::explain::person;
use guide_core::engine::{Evaluation, Outcome, Status};
use guide_core::questionnaire::Session;
use crate::route::Back;
use guide_core::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Whom a card is for, and why.
#[derive(Clone, Default, PartialEq)]
struct Words {
    people: String,
    reasons: Vec<String>,
}

/// One section's cards: for each service of the catalog, its words when it
/// is in this section. The catalog is fixed, so each section is a fixed
/// list of slots, one per category heading and per service, each shown or
/// not: a change of answers builds the cards that come, takes away those
/// that go, and leaves every other card where it is. (A keyed `For` would
/// move cards that stay: see docs/upstream/tachys-keyed-moves.md.)
type Section = Vec<Option<Words>>;

/// The evaluation, shared by the sections; a new one is a change.
#[derive(Clone)]
struct Shared(Arc<Evaluation>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn section(catalog: &Catalog, e: &Evaluation, status: Status, lang: Lang) -> Section {
    let mut by_service: Vec<Vec<Outcome>> = vec![Vec::new(); catalog.services.len()];
    for o in e.outcomes.iter().filter(|o| o.status == status) {
        by_service[o.service].push(*o);
    }
    by_service.iter().enumerate().map(|(si, outcomes)| (!outcomes.is_empty()).then(|| words(catalog, e, si, outcomes, lang))).collect()
}

fn words(catalog: &Catalog, e: &Evaluation, service: usize, outcomes: &[Outcome], lang: Lang) -> Words {
    let p = &e.view.profile;
    let name = |o: &Outcome| o.member.map_or_else(|| super::i18n::msg(lang).household_level.to_string(), |m| person(p, m, lang));
    let prefix = outcomes.len() > 1 && catalog.services[service].per == Per::Person;
    let mut reasons = Vec::new();
    for o in outcomes {
        for r in e.reasons(catalog, o, lang) {
            let r = if prefix { format!("{}：{r}", name(o)) } else { r };
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
    }
    let people = outcomes.iter().map(name).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " });
    Words { people: sentence_start(people), reasons }
}

fn count(section: &Section) -> usize {
    section.iter().flatten().count()
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
    // One evaluation per change of answers; each section derives from it.
    let evaluation = Memo::new(move |_| Shared(Arc::new(ctx.session.with(|s| s.evaluate(catalog)))));
    let section = move |status: Status| Memo::new(move |_| evaluation.with(|e| section(catalog, &e.0, status, ctx.lang.get())));
    // Memos are lazy: what does not apply is computed only when unfolded.
    let (eligible, maybe, not_eligible) = (section(Status::Eligible), section(Status::Maybe), section(Status::NotEligible));
    let summary = move || {
        let (a, b) = (eligible.with(count), maybe.with(count));
        (ctx.msg().results_count)(a, b)
    };
    let shown = RwSignal::new(false);
    let answers_open = RwSignal::new(false);
    let restart = move |_| {
        ctx.session.set(Session::new());
        ctx.nav.go("/");
    };
    let share = move || format!("{}/results#{}", window().location().origin().unwrap_or_default(), ctx.session.with(|s| s.share_fragment()));
    view! {
        <Notices/>
        <h1>{tr(|m| m.results_title)}</h1>
        <p class="summary" role="status" aria-live="polite">{summary}</p>
        <p class="disclaimer">{tr(|m| m.disclaimer)}</p>
        <details class="your-answers" on:toggle=move |ev| answers_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr(|m| m.results_change)}</summary>
            {move || answers_open.get().then(|| view! { <super::check::AnswerList back=Back::Results/> })}
        </details>
        <div class="results-body">
        <section aria-labelledby="eligible">
            <h2 id="eligible">{tr(|m| m.results_eligible)}</h2>
            {move || (eligible.with(count) == 0).then(|| view! { <p>{tr(|m| m.results_none_eligible)}</p> })}
            {cards(catalog, eligible)}
        </section>
        <section aria-labelledby="maybe">
            <h2 id="maybe">{tr(|m| m.results_maybe)}</h2>
            {cards(catalog, maybe)}
        </section>
        </div>
        // Folded, and only built when opened: most services do not apply.
        <details class="not-eligible" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary><h2>{tr(|m| m.results_not)}</h2></summary>
            {move || shown.get().then(|| cards(catalog, not_eligible))}
        </details>
        <section class="share" aria-labelledby="share">
            <h2 id="share">{tr(|m| m.results_share)}</h2>
            <p id="share-hint">{tr(|m| m.results_share_hint)}</p>
            <input type="text" readonly class="share-link" aria-labelledby="share" aria-describedby="share-hint" prop:value=share/>
        </section>
        <p><button type="button" class="secondary" on:click=restart>{tr(|m| m.results_restart)}</button></p>
    }
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

/// A section's cards, by category: a slot for each (see [`Section`]).
fn cards(catalog: &'static Catalog, section: Memo<Section>) -> impl IntoView {
    let lang = ctx().lang;
    let by_category = catalog.categories.iter().map(|category| {
        let services: Vec<usize> = (0..catalog.services.len()).filter(|&si| catalog.services[si].category == category.id).collect();
        let in_section = services.clone();
        let any = Memo::new(move |_| section.with(|s| in_section.iter().any(|&si| s[si].is_some())));
        let heading = move || {
            any.get().then(|| view! { <h3 class="category"><span class="icon" aria-hidden="true">{category.icon.clone()}</span>{category.title.get(lang.get()).to_string()}</h3> })
        };
        let slots = services.into_iter().map(|si| {
            let words = Memo::new(move |_| section.with(|s| s[si].clone()));
            let shown = Memo::new(move |_| words.with(Option::is_some));
            move || shown.get().then(|| service_card(catalog, si, lang.get(), words))
        });
        view! { {heading} {slots.collect_view()} }
    });
    by_category.collect_view()
}

fn service_card(catalog: &'static Catalog, service: usize, lang: Lang, words: Memo<Option<Words>>) -> impl IntoView {
    let words = Signal::derive(move || words.get().unwrap_or_default());
    let m = super::i18n::msg(lang);
    let s = &catalog.services[service];
    let dept = catalog.department(&s.department).map(|d| d.name.get(lang).to_string()).unwrap_or_default();
    let spoken = Signal::derive(move || words.with(|w| super::speech::sentences(lang, [s.title.get(lang), s.gets.get(lang)].into_iter().chain(w.reasons.iter().map(String::as_str)))));
    view! {
        <article class="service">
            <h4>{s.title.get(lang).to_string()}</h4>
            <p class="tags">
                {s.free.then(|| view! { <span class="tag">{m.results_free}</span> })}
                {s.planned.then(|| view! { <span class="tag">{m.results_planned}</span> })}
            </p>
            <ReadAloud text=spoken/>
            <dl>
                <dt>{m.results_for}</dt><dd>{move || words.with(|w| w.people.clone())}</dd>
                <dt>{m.results_gets}</dt><dd>{s.gets.get(lang).to_string()}</dd>
                <dt>{m.results_why}</dt>
                <dd><ul>{move || words.with(|w| w.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view())}</ul></dd>
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
