//! Start page: what the guide does, how long, privacy, other channels,
//! the start button and life-event entry points.

use super::app::{ctx, Notices, tr};
use guide_core::questionnaire::LifeEvent;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let ctx = ctx();
    let events = move || {
        let lang = ctx.lang.get();
        LifeEvent::ALL
            .into_iter()
            .map(|e| view! { <li><a href=Route::Household { back: None, event: Some(e.slug().to_string()) }.address() class="event">{e.label().get(lang)}</a></li> })
            .collect_view()
    };
    view! {
        <Notices/>
        <h1>{tr(|m| m.app_title)}</h1>
        <p class="lead">{tr(|m| m.start_lead)}</p>
        <p>{tr(|m| m.start_time)}</p>
        <p class="privacy">{tr(|m| m.start_privacy)}</p>
        <p><a href="/household" class="button start">{tr(|m| m.start_button)}</a></p>
        <h2>{tr(|m| m.start_events)}</h2>
        <ul class="events">
            {events}
            <li><a href="/household" class="event">{tr(|m| m.start_everything)}</a></li>
        </ul>
        <p>{tr(|m| m.start_channels)}</p>
    }
}
