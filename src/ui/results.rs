//! Results a resident takes in at a glance: a summary that answers the
//! question and says what to do next; then the household's own services
//! (compact cards, details one tap away); those a department decides on,
//! by department; what is still open for want of an answer, with a way to
//! answer; what every resident has (titles only, folded); and, folded,
//! what does not apply and why. Which service goes where is
//! `guide_core::results`.

use super::app::{ctx, go_on, tr, Notices, Texts, TextsPending};
use super::speech::ReadAloud;
use crate::route::Back;
use guide_core::catalog::{Catalog, Per, Service};
use guide_core::engine::explain::{people, person};
use guide_core::engine::{Evaluation, Outcome};
use guide_core::results::{outcomes_in, Group, Results};
use guide_core::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Whom a card is for, and why.
#[derive(Clone, Default, PartialEq)]
struct Words {
    people: String,
    reasons: Vec<String>,
    /// The members it is for; `None` is the household as a whole.
    members: Vec<Option<usize>>,
}

impl Words {
    /// Shown when the page shows `only` this member's services (or all).
    fn for_member(&self, only: Option<usize>) -> bool {
        only.is_none_or(|m| self.members.iter().any(|x| x.is_none_or(|x| x == m)))
    }
}

/// One group's cards: for each service of the catalog, its words when it is
/// in this group. The catalog is fixed, so each group is a fixed list of
/// slots, one per heading and per service, each shown or not: a change of
/// answers builds the cards that come, takes away those that go, and
/// leaves every other card where it is. (A keyed `For` would move cards
/// that stay: see docs/upstream/tachys-keyed-moves.md.)
type Section = Vec<Option<Words>>;

/// The evaluation, shared by the sections; a new one is a change.
#[derive(Clone)]
struct Shared(Arc<Evaluation>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn section(catalog: &Catalog, e: &Evaluation, results: &Results, group: Group, lang: Lang) -> Section {
    (0..catalog.services.len())
        .map(|si| (results.groups[si] == group).then(|| words(catalog, e, si, &outcomes_in(group, e.outcomes.iter().copied().filter(|o| o.service == si)), lang)))
        .collect()
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
    Words { people: sentence_start(people), reasons, members: outcomes.iter().map(|o| o.member).collect() }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let ctx = ctx();
    move || match ctx.texts.get() {
        Texts::Ready(catalog) => Either::Left(view! { <ResultsView catalog/> }),
        other => Either::Right(view! { <TextsPending state=other/> }),
    }
}

#[component]
fn ResultsView(catalog: &'static Catalog) -> impl IntoView {
    let ctx = ctx();
    // One evaluation per change of answers; the groups and sections derive from it.
    let evaluation = Memo::new(move |_| Shared(Arc::new(ctx.session.with(|s| s.evaluate(catalog)))));
    let results = Memo::new(move |_| evaluation.with(|e| Results::new(catalog, &e.0)));
    // Memos are lazy: what does not apply is computed only when unfolded.
    let section = move |group: Group| Memo::new(move |_| evaluation.with(|e| results.with(|r| section(catalog, &e.0, r, group, ctx.lang.get()))));
    let (mine, department, not_eligible) = (section(Group::Mine), section(Group::DepartmentDecides), section(Group::NotEligible));
    let count = move |group| results.with(|r| r.count(group));
    // What 再回答 takes, in pages (a page asks several questions).
    let pages = Memo::new(move |_| results.with(|r| ctx.session.with(|s| s.pages_to_ask(catalog, &r.to_ask))));
    // "看看奶奶可以享受什么": the cards of one member (and the household's).
    let only = RwSignal::new(None::<usize>);
    let members = move || {
        let lang = ctx.lang.get();
        ctx.session.with(|s| people(&s.answers, lang).into_iter().enumerate().collect::<Vec<_>>())
    };
    let pick = move |who: Option<usize>, label: String| {
        view! { <button type="button" class="secondary" aria-pressed=move || (only.get() == who).to_string() on:click=move |_| only.set(who)>{sentence_start(label)}</button> }
    };
    let who = move || {
        let list = members();
        (list.len() > 1).then(|| view! {
            <div class="who" role="group" aria-labelledby="who-label">
                <p id="who-label">{tr(|m| m.results_who)}</p>
                {pick(None, ctx.msg().results_whole_household.to_string())}
                {list.into_iter().map(|(i, name)| pick(Some(i), name)).collect_view()}
            </div>
        })
    };
    let shown = RwSignal::new(false);
    let answers_open = RwSignal::new(false);
    let restart = move |_| ctx.start_over();
    // 再回答: the questions that settle what is open are asked, one page
    // after another, and then the results.
    let answer_more = move |_| {
        let asks = results.with_untracked(|r| r.to_ask.clone());
        ctx.session.update(|s| s.ask_again(&asks));
        go_on(&ctx, Some(Back::Results));
    };
    // Printed results hold every card's details and everyone's services.
    let print_open = |open: bool| {
        move |_| {
            let selector = if open { "details.print-open:not([open])" } else { "details[data-opened-for-print]" };
            let Ok(list) = document().query_selector_all(selector) else { return };
            for d in (0..list.length()).filter_map(|i| list.get(i)).filter_map(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                d.set_open(open);
                let _ = if open { d.set_attribute("data-opened-for-print", "") } else { d.remove_attribute("data-opened-for-print") };
            }
        }
    };
    let before = window_event_listener(leptos::ev::beforeprint, print_open(true));
    let after = window_event_listener(leptos::ev::afterprint, print_open(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let titles = move |group: Group| {
        move || {
            let lang = ctx.lang.get();
            results.with(|r| r.services(group).map(|si| view! { <li>{catalog.services[si].title.get(lang).to_string()}</li> }).collect_view())
        }
    };
    view! {
        <Notices/>
        <h1>{tr(|m| m.results_title)}</h1>
        <p class="printed-on">{move || (ctx.msg().printed_on)(&today(ctx.lang.get()))}</p>
        <div class="summary" role="status" aria-live="polite">{move || {
            let r = results.get();
            // What 再回答 takes is worked out only when something is open.
            let pages = if r.count(Group::Open) > 0 { pages.get() } else { 0 };
            summary(catalog, &r, pages, ctx.lang.get())
        }}</div>
        <p class="actions">
            {move || (count(Group::Open) > 0).then(|| view! {
                <button type="button" class="button" on:click=answer_more>{move || (ctx.msg().results_answer_more)(pages.get())}</button>
            })}
            <button type="button" class="secondary" on:click=move |_| { let _ = window().print(); }>{tr(|m| m.results_print)}</button>
        </p>
        <details class="your-answers" on:toggle=move |ev| answers_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr(|m| m.results_change)}</summary>
            {move || answers_open.get().then(|| view! { <super::check::AnswerList back=Back::Results/> })}
        </details>
        {who}
        <div class="results-body">
            <section aria-labelledby="eligible">
                <h2 id="eligible">{tr(|m| m.results_mine)}</h2>
                {move || (count(Group::Mine) + count(Group::DepartmentDecides) == 0).then(|| view! {
                    <p>{move || (ctx.msg().results_none_mine)(catalog.services.len())}</p>
                })}
                {cards(catalog, mine, By::Category, only)}
            </section>
            <section aria-labelledby="maybe" hidden=move || count(Group::DepartmentDecides) == 0>
                <h2 id="maybe">{tr(|m| m.results_department)}</h2>
                <p>{tr(|m| m.results_department_hint)}</p>
                {cards(catalog, department, By::Department, only)}
            </section>
        </div>
        <section aria-labelledby="open" class="open" hidden=move || count(Group::Open) == 0>
            <h2 id="open">{tr(|m| m.results_open)}</h2>
            <p>{tr(|m| m.results_open_hint)}</p>
            <details>
                <summary>{move || (ctx.msg().results_open_list)(count(Group::Open))}</summary>
                <ul class="titles">{titles(Group::Open)}</ul>
            </details>
        </section>
        <details class="everyone print-open">
            <summary><h2>{move || (ctx.msg().results_everyone)(count(Group::Everyone))}</h2></summary>
            <ul class="titles">{titles(Group::Everyone)}</ul>
        </details>
        // Folded, and only built when opened: most services do not apply.
        <details class="not-eligible" on:toggle=move |ev| shown.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary><h2>{tr(|m| m.results_not)}</h2></summary>
            {move || shown.get().then(|| cards(catalog, not_eligible, By::Category, only))}
        </details>
        <super::handoff::HandOff/>
        // A shared screen keeps no link to copy: the QR code hands off.
        {ctx.kiosk.is_none().then(|| view! { <super::share::ShareLink/> })}
        <p><button type="button" class="secondary" on:click=restart>{tr(|m| m.results_restart)}</button></p>
    }
}

/// The first screen's answer: how many services are the household's, how
/// many free, where to apply for the rest, what a department decides,
/// what is open and what everyone has.
fn summary(catalog: &Catalog, r: &Results, pages: usize, lang: Lang) -> impl IntoView {
    let m = super::i18n::msg(lang);
    let mine = r.count(Group::Mine);
    let departments = r.apply_at.iter().filter_map(|d| catalog.department(d)).map(|d| d.name.get(lang)).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " });
    let lines = [
        (mine > r.mine_free).then(|| (m.summary_apply)(mine - r.mine_free, &departments)),
        (r.count(Group::DepartmentDecides) > 0).then(|| (m.summary_department)(r.count(Group::DepartmentDecides))),
        (r.count(Group::Open) > 0).then(|| (m.summary_open)(r.count(Group::Open), pages)),
        Some((m.summary_everyone)(r.count(Group::Everyone))),
    ];
    view! {
        <p class="lead">{(m.summary_mine)(mine, r.mine_free)}</p>
        <ul>{lines.into_iter().flatten().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
    }
}

/// Today's date, for the printed results.
fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    match lang {
        Lang::Zh => format!("{y}年{m}月{day}日"),
        Lang::En => format!("{y}-{m:02}-{day:02}"),
    }
}

/// English names ("you", "the health commission") are written to sit inside
/// a sentence; standing alone they start with a capital.
/// ASCII only: Unicode case tables would cost 4 KB of wasm, and Chinese
/// has no case.
pub fn sentence_start(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// How a section's cards are grouped under headings.
#[derive(Clone, Copy)]
enum By {
    Category,
    Department,
}

/// A section's cards under their headings: a slot for each (see [`Section`]).
fn cards(catalog: &'static Catalog, section: Memo<Section>, by: By, only: RwSignal<Option<usize>>) -> impl IntoView {
    let lang = ctx().lang;
    let headings = match by {
        By::Category => catalog.categories.len(),
        By::Department => catalog.departments.len(),
    };
    // Whether service `s` goes under heading `h`.
    let under = move |h: usize, s: &Service| match by {
        By::Category => s.category == catalog.categories[h].id,
        By::Department => s.department == catalog.departments[h].id,
    };
    let groups = (0..headings).map(move |hi| {
        let icon = match by {
            By::Category => Some(catalog.categories[hi].icon.clone()),
            By::Department => None,
        };
        let services: Vec<usize> = (0..catalog.services.len()).filter(|&si| under(hi, &catalog.services[si])).collect();
        let in_section = services.clone();
        let any = Memo::new(move |_| section.with(|s| in_section.iter().any(|&si| s[si].as_ref().is_some_and(|w| w.for_member(only.get())))));
        let title = move || match by {
            By::Category => catalog.categories[hi].title.get(lang.get()).to_string(),
            By::Department => sentence_start(catalog.departments[hi].name.get(lang.get()).to_string()),
        };
        let heading = move || {
            any.get().then(|| view! { <h3 class="category">{icon.clone().map(|i| view! { <span class="icon" aria-hidden="true">{i}</span> })}{title}</h3> })
        };
        let slots = services.into_iter().map(|si| {
            let words = Memo::new(move |_| section.with(|s| s[si].clone()));
            let shown = Memo::new(move |_| words.with(|w| w.as_ref().is_some_and(|w| w.for_member(only.get()))));
            move || shown.get().then(|| service_card(catalog, si, lang.get(), words, matches!(by, By::Department)))
        });
        view! { {heading} {slots.collect_view()} }
    });
    groups.collect_view()
}

/// A service card: title, for whom (with badges) and one line of what it
/// is, which opens ("详细") the reasons, what to do, the office, the
/// plan's sentence and 朗读 (inside, so a closed card stays three lines). `folded`: the whole card is one line that opens, for the
/// services a department decides on.
fn service_card(catalog: &'static Catalog, service: usize, lang: Lang, words: Memo<Option<Words>>, folded: bool) -> impl IntoView {
    let words = Signal::derive(move || words.get().unwrap_or_default());
    let m = super::i18n::msg(lang);
    let s = &catalog.services[service];
    let dept = catalog.department(&s.department).map(|d| d.name.get(lang).to_string()).unwrap_or_default();
    let spoken = Signal::derive(move || words.with(|w| super::speech::sentences(lang, [s.title.get(lang), s.gets.get(lang)].into_iter().chain(w.reasons.iter().map(String::as_str)))));
    let title = view! { <h4>{s.title.get(lang).to_string()}</h4> };
    let meta = view! {
        <span class="meta">
            <span class="label">{m.results_for}</span>" "<span>{move || words.with(|w| w.people.clone())}</span>
            {s.free.then(|| view! { " " <span class="tag">{m.results_free}</span> })}
            {s.planned.then(|| view! { " " <span class="tag">{m.results_planned}</span> })}
        </span>
    };
    let one_line = view! { <span class="one-line">{s.summary.get(lang).to_string()}</span> };
    let details = view! {
        <dl>
            <dt>{m.results_gets}</dt><dd>{s.gets.get(lang).to_string()}</dd>
            <dt class="reasons">{m.results_why}</dt>
            <dd class="reasons"><ul>{move || words.with(|w| w.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view())}</ul></dd>
            <dt>{m.results_next}</dt>
            <dd>{s.apply.get(lang).to_string()}</dd>
            {s.bring.as_ref().map(|b| view! { <dt>{m.results_bring}</dt><dd>{b.get(lang).to_string()}</dd> })}
            <dt>{m.results_dept}</dt><dd>{sentence_start(dept)}</dd>
        </dl>
        <blockquote class="source" lang="zh-CN">
            <p>"“" {s.source.quote.clone()} "”"</p>
            <footer>{format!("{} · {}", s.source.chapter, s.source.section)}" "
                <a href=format!("/source/{}", s.id)>{m.results_view_source}</a>" "
                // A service's own page is outside the app: a kiosk stays in.
                <a href=format!("{}/service/{}/", lang.pick("", "/en"), s.id) hidden=ctx().kiosk.is_some()>{m.results_service_page}</a>
            </footer>
        </blockquote>
    };
    if folded {
        Either::Left(view! {
            <article class="service folded">
                <details class="more print-open">
                    <summary>{title}{meta}</summary>
                    <ReadAloud text=spoken/>
                    {one_line}
                    {details}
                </details>
            </article>
        })
    } else {
        Either::Right(view! {
            <article class="service">
                {title}
                {meta}
                <details class="more print-open">
                    <summary>{one_line}" "<span class="more-label">{m.results_details}</span></summary>
                    <ReadAloud text=spoken/>
                    {details}
                </details>
            </article>
        })
    }
}
