//! Results: what you can get, then what you may get (and what to confirm),
//! then, folded, what does not apply and why; grouped by category.

use super::app::{ctx, tr, Notices, Texts, TextsPending};
use super::after_paint;
use super::fanout::Fanout;
use super::slice::Slicer;
use super::speech::ReadAloud;
use crate::catalog::{Catalog, Per};
use crate::engine::explain::person;
use crate::engine::{Evaluation, Outcome, Status};
use crate::questionnaire::Session;
use crate::route::Back;
use crate::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// One service card: a service and the outcomes (people) it has one status for.
#[derive(Clone, PartialEq)]
struct Card {
    service: usize,
    outcomes: Vec<Outcome>,
}

/// The evaluation, shared by the sections and the cards; a new one is a change.
#[derive(Clone)]
struct Shared(Arc<Evaluation>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn cards(catalog: &Catalog, e: &Evaluation, status: Status) -> Vec<(usize, Vec<Card>)> {
    // One pass over the outcomes: this runs on every change of answers.
    let mut by_service: Vec<Vec<Outcome>> = vec![Vec::new(); catalog.services.len()];
    for o in e.outcomes.iter().filter(|o| o.status == status) {
        by_service[o.service].push(*o);
    }
    let mut by_category: Vec<(usize, Vec<Card>)> = Vec::new();
    for (ci, category) in catalog.categories.iter().enumerate() {
        let list: Vec<Card> = catalog
            .services
            .iter()
            .zip(&mut by_service)
            .enumerate()
            .filter(|(_, (s, outcomes))| s.category == category.id && !outcomes.is_empty())
            .map(|(si, (_, outcomes))| Card { service: si, outcomes: std::mem::take(outcomes) })
            .collect();
        if !list.is_empty() {
            by_category.push((ci, list));
        }
    }
    by_category
}

/// What a row of a results section is: a category heading or a service
/// card. Rows are keyed by it, so a change of answers rebuilds only rows
/// that come or go; a kept card updates its words (for whom, why) in place.
/// A service has at most one card in a section.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Heading(usize, Lang),
    Card(usize, Lang),
}

/// Every row of a section, each category's cards after its heading.
fn keys(groups: &[(usize, Vec<Card>)], lang: Lang) -> Vec<Key> {
    let mut keys = Vec::new();
    for (ci, cards) in groups {
        keys.push(Key::Heading(*ci, lang));
        keys.extend(cards.iter().map(|c| Key::Card(c.service, lang)));
    }
    keys
}

/// Whom a card is for, and why: computed by each card on the page.
fn card_text(catalog: &Catalog, e: &Evaluation, card: &Card, lang: Lang) -> (String, Vec<String>) {
    let p = &e.view.profile;
    let name = |o: &Outcome| o.member.map_or_else(|| super::i18n::msg(lang).household_level.to_string(), |m| person(p, m, lang));
    let prefix = card.outcomes.len() > 1 && catalog.services[card.service].per == Per::Person;
    let mut reasons = Vec::new();
    for o in &card.outcomes {
        for r in e.reasons(catalog, o, lang) {
            let r = if prefix { format!("{}：{r}", name(o)) } else { r };
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
    }
    let people = card.outcomes.iter().map(name).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " });
    (sentence_start(people), reasons)
}

/// The results; `held` while they wait off stage (ui/summary): only what
/// the first frame shows is built then, and the rest once they are on.
#[component]
pub fn ResultsPage(held: Signal<bool>) -> impl IntoView {
    let ctx = ctx();
    move || match ctx.texts.get() {
        Texts::Ready(catalog) => Either::Left(view! { <Results catalog held/> }),
        other => Either::Right(view! { <TextsPending state=other/> }),
    }
}

#[component]
fn Results(catalog: &'static Catalog, held: Signal<bool>) -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    // One evaluation per change of answers; each section derives from it.
    let evaluation = Memo::new(move |_| Shared(Arc::new(ctx.session.with(|s| s.evaluate(catalog)))));
    let section = move |status: Status| Memo::new(move |_| evaluation.with(|e| cards(catalog, &e.0, status)));
    // Memos are lazy: what does not apply is computed only when unfolded.
    let (eligible, maybe, not_eligible) = (section(Status::Eligible), section(Status::Maybe), section(Status::NotEligible));
    let count = |cards: Memo<Vec<(usize, Vec<Card>)>>| cards.with(|c| c.iter().map(|(_, c)| c.len()).sum::<usize>());
    let summary = move || m().results_count.replace("{a}", &count(eligible).to_string()).replace("{b}", &count(maybe).to_string());
    let shown = RwSignal::new(false);
    let answers_open = RwSignal::new(false);
    // The frame that answers a tap shows the top of the page: on the first
    // render the first card only; after an answer changed in the list
    // above, the new counts, and the cards as they were. Once it is
    // painted, the cards that went are taken away and the others get their
    // new words; new cards follow, a few per frame (see keyed_rows). Until
    // all is done, results-body says data-complete="false".
    let (first, second) = (Slicer::below_the_tap(1).held(held), Slicer::below_the_tap(0).held(held));
    let behind = RwSignal::new(0);
    let restart = move |_| {
        ctx.session.set(Session::new());
        ctx.nav.go("/");
    };
    // The share link sits at the end of the page: it is written after the
    // frame that shows the results (encoding it is the slowest part of a
    // change of answers after the cards).
    let share = RwSignal::new(String::new());
    // What comes after the cards is off the first screen: it comes once
    // the top of the page is painted, out of the frame that answers the tap
    // (and once only: the fold keeps its state when the results go off
    // stage and come back).
    let below = RwSignal::new(false);
    Effect::new(move |_| {
        if !held.get() {
            after_paint(move || super::set_if_changed(below, true));
        }
    });
    Effect::new(move |_| {
        ctx.session.track();
        after_paint(move || {
            // The screen may be gone by then, and with it a session of its
            // own (ui/warmup builds results off the page and takes them down).
            let Some(fragment) = ctx.session.try_with_untracked(|s| s.share_fragment()) else { return };
            let origin = window().location().origin().unwrap_or_default();
            let _ = share.try_set(format!("{origin}/results#{fragment}"));
        });
    });
    view! {
        <Notices/>
        <h1>{tr(|m| m.results_title)}</h1>
        <p class="summary" role="status" aria-live="polite">{summary}</p>
        <p class="disclaimer">{tr(|m| m.disclaimer)}</p>
        <details class="your-answers" on:toggle=move |ev| answers_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr(|m| m.results_change)}</summary>
            {move || answers_open.get().then(|| view! { <super::check::AnswerList back=Back::Results/> })}
        </details>
        <div class="results-body" data-complete=move || (first.waiting.get() + second.waiting.get() + behind.get() == 0).to_string()>
            <section aria-labelledby="eligible">
                <h2 id="eligible">{tr(|m| m.results_eligible)}</h2>
                {move || (count(eligible) == 0).then(|| view! { <p>{tr(|m| m.results_none_eligible)}</p> })}
                {keyed_rows(catalog, evaluation, eligible, first, behind)}
            </section>
            <section aria-labelledby="maybe">
                <h2 id="maybe">{tr(|m| m.results_maybe)}</h2>
                {keyed_rows(catalog, evaluation, maybe, second, behind)}
            </section>
        </div>
        {move || below.get().then(|| view! {
            // Folded, and only built when opened: most services do not apply.
            <details class="not-eligible" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary><h2>{tr(|m| m.results_not)}</h2></summary>
                {move || shown.get().then(|| keyed_rows(catalog, evaluation, not_eligible, Slicer::new(), behind))}
            </details>
            <section class="share" aria-labelledby="share">
                <h2 id="share">{tr(|m| m.results_share)}</h2>
                <p id="share-hint">{tr(|m| m.results_share_hint)}</p>
                <input type="text" readonly class="share-link" aria-labelledby="share" aria-describedby="share-hint" prop:value=share/>
            </section>
            <p><button type="button" class="secondary" on:click=restart>{tr(|m| m.results_restart)}</button></p>
        })}
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

/// New cards let onto the page per section and frame, in the frames after
/// the one that answers a tap (see `Slicer::below_the_tap`).
const NEW_CARDS_PER_FRAME: usize = 3;

/// A section's rows, keyed: a card already on the page stays (its words
/// update in place); new cards come in a few per frame. `behind` counts
/// the sections whose cards' words are still to be updated.
fn keyed_rows(catalog: &'static Catalog, evaluation: Memo<Shared>, cards: Memo<Vec<(usize, Vec<Card>)>>, slicer: Slicer<Key>, behind: RwSignal<usize>) -> impl IntoView {
    let lang = ctx().lang;
    let each = move || slicer.admit(cards.with(|c| keys(c, lang.get())), NEW_CARDS_PER_FRAME, |k| matches!(k, Key::Heading(..)));
    // Whom a card is for and why follow the answers (ages in the reasons):
    // after a change the cards on the page get their words again, and those
    // whose words changed update in place. That waits until the frame that
    // answers the tap is painted: the cards are below the answer changed,
    // and the counts above them are already new in that frame.
    let words = Fanout::new();
    let text = move |e: &Evaluation, groups: &[(usize, Vec<Card>)], key: Key| match key {
        Key::Card(service, lang) => groups.iter().flat_map(|(_, c)| c).find(|c| c.service == service).map(|card| card_text(catalog, e, card, lang)),
        Key::Heading(..) => None,
    };
    Effect::new(move |_| {
        evaluation.track();
        cards.track();
        behind.update(|n| *n += 1);
        after_paint(move || {
            let _ = evaluation.try_with_untracked(|e| cards.try_with_untracked(|groups| words.set(|key, _| text(&e.0, groups, key))));
            let _ = behind.try_update(|n| *n -= 1);
        });
    });
    let render = move |key: Key| match key {
        Key::Heading(ci, lang) => {
            let category = &catalog.categories[ci];
            Either::Left(view! {
                <h3 class="category"><span class="icon" aria-hidden="true">{category.icon.clone()}</span>{category.title.get(lang).to_string()}</h3>
            })
        }
        Key::Card(service, lang) => {
            let now = evaluation.with_untracked(|e| cards.with_untracked(|groups| text(&e.0, groups, key))).unwrap_or_default();
            Either::Right(service_card(catalog, service, words.slot(key, now), lang))
        }
    };
    view! { <For each key=|k| *k let:key>{render(key)}</For> }
}

fn service_card(catalog: &'static Catalog, service: usize, text: Signal<(String, Vec<String>)>, lang: Lang) -> impl IntoView {
    let m = super::i18n::msg(lang);
    let s = &catalog.services[service];
    let dept = catalog.department(&s.department).map(|d| d.name.get(lang).to_string()).unwrap_or_default();
    // Read aloud says what the card says now: built when the button is pressed.
    let spoken = Signal::derive(move || text.with(|(_, reasons)| format!("{}。{}。{}", s.title.get(lang), s.gets.get(lang), reasons.join("。"))));
    view! {
        <article class="service">
            <h4>{s.title.get(lang).to_string()}</h4>
            <p class="tags">
                {s.free.then(|| view! { <span class="tag">{m.results_free}</span> })}
                {s.planned.then(|| view! { <span class="tag">{m.results_planned}</span> })}
            </p>
            <ReadAloud text=spoken/>
            <dl>
                <dt>{m.results_for}</dt><dd>{move || text.with(|(people, _)| people.clone())}</dd>
                <dt>{m.results_gets}</dt><dd>{s.gets.get(lang).to_string()}</dd>
                <dt>{m.results_why}</dt>
                <dd><ul>{move || text.with(|(_, reasons)| reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view())}</ul></dd>
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
