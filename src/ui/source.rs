//! The plan's own words: the paragraph a service cites, with the quoted
//! sentence highlighted.

use super::app::{ctx, Texts, TextsPending};
use guide_core::plan::cited_paragraph;
use leptos::prelude::*;

#[component]
pub fn SourcePage(id: String) -> impl IntoView {
    let ctx = ctx();
    let plan = RwSignal::new(None::<String>);
    // The document's text is not in the wasm: fetched when a source is shown.
    let service = id.clone();
    let document = move || match ctx.texts.get() {
        Texts::Ready(c) => c.service(&service).and_then(|i| c.document(&c.services[i])).map(|d| d.file.clone()),
        _ => None,
    };
    Effect::new(move |fetched: Option<Option<String>>| {
        let file = document();
        if let Some(f) = file.clone().filter(|f| fetched.flatten().as_ref() != Some(f)) {
            leptos::task::spawn_local(async move { plan.set(super::fetch::fetch_text(&format!("/{f}")).await) });
        }
        file
    });
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
            {catalog.document(s).map(|d| view! { <p class="source-doc" lang="zh-CN">{format!("《{}》 {}", d.title.zh, d.number)}</p> })}
            <h2 lang="zh-CN">{s.source.chapter.clone()}</h2>
            <h3 lang="zh-CN">{s.source.section.clone()}</h3>
            <p class="plan-text" lang="zh-CN">{paragraph.0}<mark>{paragraph.1}</mark>{paragraph.2}</p>
            <p><button type="button" class="link back" on:click=move |_| { let _ = window().history().map(|h| h.back()); }>"‹ " {m.back}</button></p>
        }
        .into_any()
    }
}
