//! Results: what you can get, then what you may get (and what to confirm),
//! then, folded, what does not apply and why; grouped by category.

use super::app::{ctx, tr, Notices, Texts, TextsPending};
use super::speech::ReadAloud;
use crate::catalog::{Catalog, Per};
use crate::engine::explain::person;
use crate::engine::{Evaluation, Outcome, Status};
use crate::questionnaire::Session;
use crate::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
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
    let mut by_category: Vec<(usize, Vec<Card>)> = Vec::new();
    for (ci, category) in catalog.categories.iter().enumerate() {
        let list: Vec<Card> = catalog
            .services
            .iter()
            .enumerate()
            .filter(|(_, s)| s.category == category.id)
            .map(|(si, _)| Card { service: si, outcomes: e.outcomes.iter().filter(|o| o.service == si && o.status == status).copied().collect() })
            .filter(|c| !c.outcomes.is_empty())
            .collect();
        if !list.is_empty() {
            by_category.push((ci, list));
        }
    }
    by_category
}

/// What a row of a results section is: a category heading or a service
/// card (for whom). Rows are keyed by it, so a change of answers rebuilds
/// only rows that come or go; a kept card updates its reasons in place.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Heading(usize, Lang),
    Card { service: usize, members: Vec<Option<usize>>, lang: Lang },
}

/// A row and what it says; a kept card takes its text from here.
#[derive(Clone, PartialEq)]
struct Row {
    key: Key,
    people: String,
    reasons: Vec<String>,
}

/// Who a card is for, and why: computed only for the cards on screen.
/// `names`: each member as the cards name them.
fn card_row(catalog: &Catalog, e: &Evaluation, card: &Card, names: &[String], lang: Lang) -> Row {
    let name = |o: &Outcome| o.member.map_or_else(|| super::i18n::msg(lang).household_level.to_string(), |m| names[m].clone());
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
    let members = card.outcomes.iter().map(|o| o.member).collect();
    Row { key: Key::Card { service: card.service, members, lang }, people: sentence_start(people), reasons }
}

/// The first `limit` cards, each category's after its heading.
fn rows(catalog: &Catalog, e: &Evaluation, groups: &[(usize, Vec<Card>)], mut limit: usize, lang: Lang) -> Vec<Row> {
    let p = &e.view.profile;
    let names: Vec<String> = (0..p.members.len()).map(|m| person(p, m, lang)).collect();
    let mut rows = Vec::new();
    for (ci, cards) in groups {
        if limit == 0 {
            break;
        }
        rows.push(Row { key: Key::Heading(*ci, lang), people: String::new(), reasons: Vec::new() });
        for card in cards.iter().take(limit) {
            rows.push(card_row(catalog, e, card, &names, lang));
            limit -= 1;
        }
    }
    rows
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
    // One evaluation per change of answers; each section derives from it.
    let evaluation = Memo::new(move |_| Shared(Arc::new(ctx.session.with(|s| s.evaluate(catalog)))));
    let section = move |status: Status| Memo::new(move |_| evaluation.with(|e| cards(catalog, &e.0, status)));
    // Memos are lazy: what does not apply is computed only when unfolded.
    let (eligible, maybe, not_eligible) = (section(Status::Eligible), section(Status::Maybe), section(Status::NotEligible));
    let count = |cards: Memo<Vec<(usize, Vec<Card>)>>| cards.with(|c| c.iter().map(|(_, c)| c.len()).sum::<usize>());
    let summary = move || m().results_count.replace("{a}", &count(eligible).to_string()).replace("{b}", &count(maybe).to_string());
    let shown = RwSignal::new(false);
    let answers_open = RwSignal::new(false);
    // Time-sliced: the summary and the first cards in the first frame, the
    // rest a few per frame after, so a change of answers shows at once.
    let budget = RwSignal::new(FIRST_CARDS);
    let total = move || count(eligible) + count(maybe);
    grow(budget, total);
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
        <details class="your-answers" on:toggle=move |ev| answers_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr(|m| m.results_change)}</summary>
            {move || answers_open.get().then(|| view! { <super::check::AnswerList back="results"/> })}
        </details>
        <div class="results-body" data-complete=move || (budget.get() == usize::MAX).to_string()>
            <section aria-labelledby="eligible">
                <h2 id="eligible">{tr(|m| m.results_eligible)}</h2>
                {move || (count(eligible) == 0).then(|| view! { <p>{tr(|m| m.results_none_eligible)}</p> })}
                {keyed_rows(catalog, evaluation, eligible, move || budget.get())}
            </section>
            <section aria-labelledby="maybe">
                <h2 id="maybe">{tr(|m| m.results_maybe)}</h2>
                {keyed_rows(catalog, evaluation, maybe, move || budget.get().saturating_sub(count(eligible)))}
            </section>
        </div>
        // Folded, and only built when opened: most services do not apply.
        <details class="not-eligible" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary><h2>{tr(|m| m.results_not)}</h2></summary>
            {move || shown.get().then(|| keyed_rows(catalog, evaluation, not_eligible, || usize::MAX))}
        </details>
        <section class="share" aria-labelledby="share">
            <h2 id="share">{tr(|m| m.results_share)}</h2>
            <p id="share-hint">{tr(|m| m.results_share_hint)}</p>
            <input type="text" readonly class="share-link" aria-labelledby="share" aria-describedby="share-hint" prop:value=share/>
        </section>
        <p><button type="button" class="secondary" on:click=restart>{tr(|m| m.results_restart)}</button></p>
    }
}

const FIRST_CARDS: usize = 3;
const CARDS_PER_FRAME: usize = 4;

/// Raises the card budget one step per animation frame until every card is
/// shown, then lifts it, so cards a later change of answers adds show at
/// once; stops by itself when the page is left (the signal is gone). The
/// first step waits a frame: the page may have been built just before this
/// frame's callbacks run, and that frame must paint only the first cards.
fn grow(budget: RwSignal<usize>, total: impl Fn() -> usize + Copy + 'static) {
    request_animation_frame(move || request_animation_frame(move || step(budget, total)));
}

fn step(budget: RwSignal<usize>, total: impl Fn() -> usize + Copy + 'static) {
    let more = budget.try_update(|b| {
        *b += CARDS_PER_FRAME;
        if *b >= total() {
            *b = usize::MAX;
        }
        *b != usize::MAX
    });
    if more == Some(true) {
        request_animation_frame(move || step(budget, total));
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

/// A section's rows, keyed: `limit` says how many cards to show so far.
fn keyed_rows(catalog: &'static Catalog, evaluation: Memo<Shared>, cards: Memo<Vec<(usize, Vec<Card>)>>, limit: impl Fn() -> usize + Send + Sync + 'static) -> impl IntoView {
    let lang = ctx().lang;
    let rows = Memo::new(move |_| evaluation.with(|e| cards.with(|c| rows(catalog, &e.0, c, limit(), lang.get()))));
    let keys = move || rows.with(|r| r.iter().map(|r| r.key.clone()).collect::<Vec<_>>());
    view! { <For each=keys key=Key::clone let:key>{render(catalog, key, rows)}</For> }
}

fn render(catalog: &'static Catalog, key: Key, rows: Memo<Vec<Row>>) -> impl IntoView {
    match key {
        Key::Heading(ci, lang) => {
            let category = &catalog.categories[ci];
            Either::Left(view! {
                <h3 class="category"><span class="icon" aria-hidden="true">{category.icon.clone()}</span>{category.title.get(lang).to_string()}</h3>
            })
        }
        Key::Card { service, ref members, lang } => {
            let this = Key::Card { service, members: members.clone(), lang };
            // Age shows in the names and the reasons: they change in place.
            let text = Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.key == this).map(|r| (r.people.clone(), r.reasons.clone())).unwrap_or_default()));
            Either::Right(service_card(catalog, service, text, lang))
        }
    }
}

fn service_card(catalog: &'static Catalog, service: usize, text: Memo<(String, Vec<String>)>, lang: Lang) -> impl IntoView {
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
