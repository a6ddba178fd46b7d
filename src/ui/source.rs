//! The plan's own words: the paragraph a service cites, with the quoted
//! sentence highlighted.

use super::app::{ctx, Texts, TextsPending};
use crate::catalog::check::{fold, section_of};
use crate::catalog::PLAN_FILE;
use leptos::prelude::*;

/// The cited paragraph split around the quote: (before, quote, after).
pub fn cited_paragraph(plan: &str, chapter: &str, section: &str, quote: &str) -> Option<(String, String, String)> {
    let text = section_of(plan, chapter).and_then(|c| section_of(c, section))?;
    let wanted = fold(quote.trim());
    text.lines().find_map(|line| {
        let line = line.trim();
        let at = fold(line).find(&wanted)?;
        // Folding maps one character to one, so character positions agree.
        let start = fold(line)[..at].chars().count();
        let len = wanted.chars().count();
        let chars: Vec<char> = line.chars().collect();
        let part = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        Some((part(0..start), part(start..start + len), part(start + len..chars.len())))
    })
}

#[component]
pub fn SourcePage(id: String) -> impl IntoView {
    let ctx = ctx();
    let plan = RwSignal::new(None::<String>);
    // The plan's text is not in the wasm: fetched when a source is shown.
    leptos::task::spawn_local(async move { plan.set(super::fetch::fetch_text(PLAN_FILE).await) });
    move || {
        let m = ctx.msg();
        let catalog = match ctx.texts.get() {
            Texts::Ready(c) => c,
            other => return view! { <TextsPending state=other/> }.into_any(),
        };
        let Some(s) = catalog.service(&id).map(|i| &catalog.services[i]) else {
            return view! { <h1>{m.source_title}</h1><p>{m.source_missing}</p> }.into_any();
        };
        let lang = ctx.lang.get();
        // Until the plan arrives (or if it cannot be fetched) the quote itself stands.
        let paragraph = plan
            .get()
            .and_then(|text| cited_paragraph(&text, &s.source.chapter, &s.source.section, &s.source.quote))
            .unwrap_or_else(|| (String::new(), s.source.quote.clone(), String::new()));
        view! {
            <h1>{m.source_title}</h1>
            <p class="lead">{s.title.get(lang).to_string()}</p>
            <p class="source-doc" lang="zh-CN">{format!("《{}》 {}", crate::catalog::SOURCE.title_zh, crate::catalog::SOURCE.number)}</p>
            <h2 lang="zh-CN">{s.source.chapter.clone()}</h2>
            <h3 lang="zh-CN">{s.source.section.clone()}</h3>
            <p class="plan-text" lang="zh-CN">{paragraph.0}<mark>{paragraph.1}</mark>{paragraph.2}</p>
            <p><button type="button" class="link back" on:click=move |_| { let _ = window().history().map(|h| h.back()); }>"‹ " {m.back}</button></p>
        }
        .into_any()
    }
}
